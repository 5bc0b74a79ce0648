/* gelu_neon_sleef.c - gelu (erf form), 4 lanes, on SLEEF's erfcf (u15, AdvSIMD):
 * the steps of kernels/avx2_sleef/gelu_avx2_sleef.c. 0.5 * x * erfc(-x / sqrt 2)
 * (no 1 + erf cancellation); x held at -15 (gelu(-inf) = -0).
 * Bound: declared in table_neon_sleef.c, the AVX2 SLEEF table's. */
#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(gelu, neon_sleef, 199, -0x1.a3047p+3f);

static inline float32x4_t gelu_v4(float32x4_t x)
{
    float32x4_t xm = vmaxq_f32(vdupq_n_f32(-15.0f), x);
    float32x4_t e = Sleef_erfcf4_u15advsimd(vmulq_f32(xm, vdupq_n_f32(-0x1.6a09e6p-1f)));
    return vmulq_f32(vmulq_f32(xm, vdupq_n_f32(0.5f)), e);
}

void act_gelu_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, gelu_v4); }

void act_gelu_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, gelu_v4);
}
