/* mish_avx2_sleef.c - mish, 8 lanes, on SLEEF's expf, log1pf and tanhf (u10).
 * x * tanh(log1p(e^x)), the definition as written: e^x overflows to inf above
 * 88.7, where log1p and tanh give 1 (mish(x) = x); below x = -87 e^x is
 * subnormal and loses bits, so the tail's error grows there. x is held at
 * -120 in the product (mish(-inf) = -0); NaN passes.
 * Measured against scalar over all 2^32 inputs: the bound declared in
 * table_avx2_sleef.c (`actent verify --exhaustive --isa avx2-sleef`). */
#include <sleef.h>

#include "../avx2/loop_avx2.h"
#include "ops_avx2_sleef.h"

ACT_BOUND(mish, avx2_sleef, 154, -0x1.9b7e6ep+6f);

static inline __m256 mish_v8(__m256 x)
{
    __m256 xm = _mm256_max_ps(_mm256_set1_ps(-120.0f), x);
    __m256 t = Sleef_tanhf8_u10avx2(Sleef_log1pf8_u10avx2(Sleef_expf8_u10avx2(xm)));
    return _mm256_mul_ps(xm, t);
}

void act_mish_avx2_sleef(const float *x, float *y, size_t n) { map_v8(x, y, n, mish_v8); }

void act_mish_hist_avx2_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, mish_v8);
}
