/* silu_avx512.c - silu (swish), 16 lanes, AVX-512F/DQ+FMA, in double
 * (f64_avx512.h, 8 lanes per half).
 *
 * Algorithm: silu_avx2.c's steps widened (same bits as the AVX2 table):
 * x * sigmoid(x), the sigmoid from e^-|x| in double on x clamped to
 * [-120, 40], x held at -120 in the product (silu(-inf) = -0), one rounding
 * to float32.
 *
 * Bound: 1 ULP vs scalar over all finite floats (the AVX2 table's), worst
 * input x = 0x1.6a09e8p-24 (got 0x1.6a09e8p-25, want 0x1.6a09eap-25);
 * measured by `actent verify --exhaustive --isa avx512`,
 * results/<machine>/verify-avx512.json. */
#include "f64_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(silu, avx512, 1, 0x1.6a09e8p-24f);

static inline __m512d silu_f64x8(__m512d x)
{
    __m512d s = sigmoid_f64x8(clamp_f64x8(x, -120.0, 40.0));
    return _mm512_mul_pd(_mm512_max_pd(_mm512_set1_pd(-120.0), x), s);
}

static inline __m512 silu_v16(__m512 x) { return f64_map_v16(x, silu_f64x8); }

void act_silu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, silu_v16); }

void act_silu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, silu_v16);
}
