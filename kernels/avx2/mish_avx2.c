/* mish_avx2.c - mish, 8 lanes, AVX2+FMA, in double (f64_avx2.h).
 *
 * tanh(softplus(x)) = ((1 + u)^2 - 1) / ((1 + u)^2 + 1) = n / (n + 2) with
 * u = e^x and n = u * (u + 2): no logarithm, no cancellation (every term is
 * positive), and for very negative x it is u itself to full relative accuracy.
 * x is clamped to [-120, 20] for u: above 20, n / (n + 2) is 1 in double and
 * mish(x) = x up to +inf; below, x held at -120 in the product gives -0 (the
 * float32 result from x = -108 on; mish(-inf) = -0). One rounding to float32.
 *
 * Max error vs scalar: 1 ULP over all finite floats (see the table and
 * `actent verify --exhaustive --activations mish`). */
#include "f64_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(mish, avx2, 1, 0x1.6cdb2cp-23f);

static inline __m256d mish_f64x4(__m256d x)
{
    __m256d u = exp_f64x4(clamp_f64x4(x, -120.0, 20.0));
    __m256d n = _mm256_fmadd_pd(u, u, _mm256_add_pd(u, u));
    __m256d t = _mm256_mul_pd(n, recip_f64x4(_mm256_add_pd(n, _mm256_set1_pd(2.0))));
    return _mm256_mul_pd(_mm256_max_pd(_mm256_set1_pd(-120.0), x), t);
}

static inline __m256 mish_v8(__m256 x) { return f64_map_v8(x, mish_f64x4); }

void act_mish_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, mish_v8); }

void act_mish_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, mish_v8);
}
