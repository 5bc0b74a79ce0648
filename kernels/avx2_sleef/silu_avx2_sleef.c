/* silu_avx2_sleef.c - silu, 8 lanes, on SLEEF's expf (u10).
 * x * sigmoid(x) = x * E / (1 + E) for x < 0 and x / (1 + E) for x >= 0, with
 * E = e^-|x| in (0, 1]: nothing overflows. Below x = -87 E is subnormal and
 * loses bits, so the tail's error grows there (in ulps of a subnormal result).
 * x is held at -120 in the product (silu(-inf) = -0); NaN passes.
 * Measured against scalar over all 2^32 inputs: the bound declared in
 * table_avx2_sleef.c (`actent verify --exhaustive --isa avx2-sleef`). */
#include <sleef.h>

#include "../avx2/loop_avx2.h"
#include "ops_avx2_sleef.h"

ACT_BOUND(silu, avx2_sleef, 52, -0x1.9b7d2ap+6f);

static inline __m256 silu_v8(__m256 x)
{
    __m256 xm = _mm256_max_ps(_mm256_set1_ps(-120.0f), x);
    __m256 e = Sleef_expf8_u10avx2(_mm256_or_ps(xm, _mm256_set1_ps(-0.0f)));
    __m256 num = _mm256_blendv_ps(xm, _mm256_mul_ps(xm, e), xm);
    return _mm256_div_ps(num, _mm256_add_ps(e, _mm256_set1_ps(1.0f)));
}

void act_silu_avx2_sleef(const float *x, float *y, size_t n) { map_v8(x, y, n, silu_v8); }

void act_silu_hist_avx2_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, silu_v8);
}
