/* mish_neon_sleef.c - mish, 4 lanes, on SLEEF's expf, log1pf and tanhf (u10,
 * AdvSIMD): the steps of kernels/avx2_sleef/mish_avx2_sleef.c, x * tanh(log1p(e^x))
 * with x held at -120 (mish(-inf) = -0).
 * Bound: declared in table_neon_sleef.c, the AVX2 SLEEF table's. */
#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(mish, neon_sleef, 154, -0x1.9b7e6ep+6f);

static inline float32x4_t mish_v4(float32x4_t x)
{
    float32x4_t xm = vmaxq_f32(vdupq_n_f32(-120.0f), x);
    float32x4_t t = Sleef_tanhf4_u10advsimd(Sleef_log1pf4_u10advsimd(Sleef_expf4_u10advsimd(xm)));
    return vmulq_f32(xm, t);
}

void act_mish_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, mish_v4); }

void act_mish_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, mish_v4);
}
