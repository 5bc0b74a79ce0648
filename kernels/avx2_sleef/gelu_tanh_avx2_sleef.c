/* gelu_tanh_avx2_sleef.c - gelu, tanh approximation, 8 lanes, on SLEEF's expf (u10).
 * 0.5 * x * (1 + tanh(u)) = x * sigmoid(2u), 2u = x * (k1 + k2 x^2) in
 * float32 (x clamped to [-12, 12] first: no overflow in x^3), the sigmoid as
 * in silu_avx2_sleef.c. The float32 rounding of 2u is magnified by |2u| in
 * the negative tail (2u reaches -87 at x = -10): the bound is that. x is held
 * at -12 in the product (gelu_tanh(-inf) = -0); NaN passes.
 * Measured against scalar over all 2^32 inputs: the bound declared in
 * table_avx2_sleef.c (`actent verify --exhaustive --isa avx2-sleef`). */
#include <sleef.h>

#include "../avx2/loop_avx2.h"
#include "ops_avx2_sleef.h"

ACT_BOUND(gelu_tanh, avx2_sleef, 214, -0x1.4150cp+3f);

static inline __m256 gelu_tanh_v8(__m256 x)
{
    __m256 xm = _mm256_max_ps(_mm256_set1_ps(-12.0f), x);
    __m256 c = _mm256_min_ps(_mm256_set1_ps(12.0f), xm);
    __m256 k = _mm256_fmadd_ps(_mm256_set1_ps(0x1.2444f2p-4f), _mm256_mul_ps(c, c),
                               _mm256_set1_ps(0x1.988454p+0f));
    __m256 z = _mm256_mul_ps(c, k);
    __m256 e = Sleef_expf8_u10avx2(_mm256_or_ps(z, _mm256_set1_ps(-0.0f)));
    __m256 num = _mm256_blendv_ps(xm, _mm256_mul_ps(xm, e), z);
    return _mm256_div_ps(num, _mm256_add_ps(e, _mm256_set1_ps(1.0f)));
}

void act_gelu_tanh_avx2_sleef(const float *x, float *y, size_t n) { map_v8(x, y, n, gelu_tanh_v8); }

void act_gelu_tanh_hist_avx2_sleef(const float *x, size_t n, const struct act_edges *e,
                                   uint64_t *counts, struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, gelu_tanh_v8);
}
