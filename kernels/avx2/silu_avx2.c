/* silu_avx2.c - silu (swish), 8 lanes, AVX2+FMA, in double (f64_avx2.h).
 *
 * silu(x) = x * sigmoid(x), sigmoid from e^-|x| in double (no overflow, no
 * cancellation), x clamped to [-120, 40] for the sigmoid: above 40 it is 1 in
 * double, so silu(x) = x up to +inf; below -120 the product with x held at
 * -120 is -0, the float32 result from x = -110 on (silu(-inf) = -0, as in
 * kernels/scalar/silu_scalar.c). One rounding to float32 at the end.
 *
 * Max error vs scalar: 1 ULP over all finite floats (see the table and
 * `actent verify --exhaustive --activations silu`); off by one only where the
 * double result lies within 2^-29 of a float32 rounding boundary. */
#include "f64_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(silu, avx2, 1, 0x1.6a09e8p-24f);

static inline __m256d silu_f64x4(__m256d x)
{
    __m256d s = sigmoid_f64x4(clamp_f64x4(x, -120.0, 40.0));
    return _mm256_mul_pd(_mm256_max_pd(_mm256_set1_pd(-120.0), x), s);
}

static inline __m256 silu_v8(__m256 x) { return f64_map_v8(x, silu_f64x4); }

void act_silu_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, silu_v8); }

void act_silu_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, silu_v8);
}
