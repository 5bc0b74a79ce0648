/* silu_neon_sleef.c - silu, 4 lanes, on SLEEF's expf (u10, AdvSIMD): the steps
 * of kernels/avx2_sleef/silu_avx2_sleef.c. x * E / (1 + E) for x < 0, x / (1 + E)
 * otherwise, E = e^-|x|; x held at -120 (silu(-inf) = -0).
 * Bound: declared in table_neon_sleef.c, the AVX2 SLEEF table's. */
#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(silu, neon_sleef, 52, -0x1.9b7d2ap+6f);

static inline float32x4_t silu_v4(float32x4_t x)
{
    float32x4_t xm = vmaxq_f32(vdupq_n_f32(-120.0f), x);
    float32x4_t e = Sleef_expf4_u10advsimd(vnegq_f32(vabsq_f32(xm)));
    uint32x4_t neg = vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(xm), 31));
    float32x4_t num = vbslq_f32(neg, vmulq_f32(xm, e), xm);
    return vdivq_f32(num, vaddq_f32(e, vdupq_n_f32(1.0f)));
}

void act_silu_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, silu_v4); }

void act_silu_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, silu_v4);
}
