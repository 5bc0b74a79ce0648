/* softplus_neon_sleef.c - softplus, 4 lanes, on SLEEF's expf and log1pf (u10, AdvSIMD).
 * ln(1 + e^x) = max(x, 0) + log1p(e^-|x|): e^-|x| lies in (0, 1], so nothing
 * overflows; above 88 the correction vanishes against x, and far below 0 the
 * result is log1p(e^x) = e^x, subnormals included. NaN: FMAX keeps it, and
 * e^-|NaN| is NaN anyway.
 * Measured against scalar under qemu on every 61st float32 bit pattern (70 million
 * inputs): max 1 ulp, at x = 0x1.105c9p-24 (the bound declared in table_neon_sleef.c). */
#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(softplus, neon_sleef, 1, 0x1.105c9p-24f);

static inline float32x4_t softplus_v4(float32x4_t x)
{
    float32x4_t e = Sleef_expf4_u10advsimd(vnegq_f32(vabsq_f32(x)));
    float32x4_t l = Sleef_log1pf4_u10advsimd(e);
    return vaddq_f32(vmaxq_f32(x, vdupq_n_f32(0.0f)), l);
}

void act_softplus_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, softplus_v4); }

void act_softplus_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e,
                                  uint64_t *counts, struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, softplus_v4);
}
