/* gelu_tanh_neon_sleef.c - gelu, tanh approximation, 4 lanes, on SLEEF's expf
 * (u10, AdvSIMD): the steps of kernels/avx2_sleef/gelu_tanh_avx2_sleef.c.
 * x * sigmoid(2u) with 2u = x (k1 + k2 x^2) in float32, x clamped to [-12, 12].
 * Bound: declared in table_neon_sleef.c, the AVX2 SLEEF table's. */
#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(gelu_tanh, neon_sleef, 214, -0x1.4150cp+3f);

static inline float32x4_t gelu_tanh_v4(float32x4_t x)
{
    float32x4_t xm = vmaxq_f32(vdupq_n_f32(-12.0f), x);
    float32x4_t c = vminq_f32(vdupq_n_f32(12.0f), xm);
    float32x4_t k =
        vfmaq_f32(vdupq_n_f32(0x1.988454p+0f), vdupq_n_f32(0x1.2444f2p-4f), vmulq_f32(c, c));
    float32x4_t z = vmulq_f32(c, k);
    float32x4_t e = Sleef_expf4_u10advsimd(vnegq_f32(vabsq_f32(z)));
    uint32x4_t neg = vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(z), 31));
    float32x4_t num = vbslq_f32(neg, vmulq_f32(xm, e), xm);
    return vdivq_f32(num, vaddq_f32(e, vdupq_n_f32(1.0f)));
}

void act_gelu_tanh_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, gelu_tanh_v4); }

void act_gelu_tanh_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e,
                                   uint64_t *counts, struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, gelu_tanh_v4);
}
