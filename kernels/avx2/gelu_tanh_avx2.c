/* gelu_tanh_avx2.c - gelu, tanh approximation, 8 lanes, AVX2+FMA, in double
 * (f64_avx2.h).
 *
 * 0.5 * x * (1 + tanh(u)) = x * sigmoid(2u), 2u = x * (k1 + k2 * x^2) with
 * k1 = 2*sqrt(2/pi), k2 = k1 * 0.044715: no cancellation for negative x. 2u
 * is computed in double, where its rounding no longer matters (in float32 an
 * ulp of 2u near x = -10 is 100 ulp of the result). x is clamped to [-12, 12]
 * before the cube (no overflow); beyond, the float32 result is x (above 5.3)
 * or -0 (below -10.9), and x held at -12 in the product gives -0 for every
 * x below, -inf included. One rounding to float32 at the end.
 *
 * Max error vs scalar: 1 ULP over all finite floats (see the table and
 * `actent verify --exhaustive --activations gelu_tanh`). */
#include "f64_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(gelu_tanh, avx2, 1, 0x1.954eccp-25f);

static inline __m256d gelu_tanh_f64x4(__m256d x)
{
    const double k1 = 1.5957691216057307117, k2 = k1 * 0.044715;
    __m256d c = clamp_f64x4(x, -12.0, 12.0);
    __m256d p = _mm256_fmadd_pd(_mm256_set1_pd(k2), _mm256_mul_pd(c, c), _mm256_set1_pd(k1));
    __m256d s = sigmoid_f64x4(_mm256_mul_pd(c, p));
    return _mm256_mul_pd(_mm256_max_pd(_mm256_set1_pd(-12.0), x), s);
}

static inline __m256 gelu_tanh_v8(__m256 x) { return f64_map_v8(x, gelu_tanh_f64x4); }

void act_gelu_tanh_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, gelu_tanh_v8); }

void act_gelu_tanh_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, gelu_tanh_v8);
}
