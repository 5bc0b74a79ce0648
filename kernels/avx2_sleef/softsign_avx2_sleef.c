/* softsign_avx2_sleef.c - softsign, 8 lanes: x / (1 + |x|) in float32.
 * SLEEF has nothing to offer here; this is the plain first version, two
 * roundings (the sum, the quotient). At +-inf the quotient would be inf/inf,
 * so those lanes take the limit +-1. It is not monotonic in float32 (it dips
 * by an ulp or two at millions of inputs); the fused pass checks its range.
 * Measured against scalar over all 2^32 inputs: max 1 ulp, first at x = 0x1.6a09e8p-25
 * (`actent verify --exhaustive --isa avx2-sleef`, results/<machine>/verify.json). */
#include "../avx2/loop_avx2.h"
#include "ops_avx2_sleef.h"

ACT_BOUND(softsign, avx2_sleef, 1, 0x1.6a09e8p-25f);

static inline __m256 softsign_v8(__m256 x)
{
    const __m256 sign = _mm256_set1_ps(-0.0f), one = _mm256_set1_ps(1.0f);
    __m256 ax = _mm256_andnot_ps(sign, x);
    __m256 q = _mm256_div_ps(x, _mm256_add_ps(one, ax));
    __m256 inf = _mm256_cmp_ps(ax, _mm256_set1_ps(INFINITY), _CMP_EQ_OQ);
    return _mm256_blendv_ps(q, _mm256_or_ps(one, _mm256_and_ps(sign, x)), inf);
}

void act_softsign_avx2_sleef(const float *x, float *y, size_t n) { map_v8(x, y, n, softsign_v8); }

void act_softsign_hist_avx2_sleef(const float *x, size_t n, const struct act_edges *e,
                                  uint64_t *counts, struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, softsign_v8);
}
