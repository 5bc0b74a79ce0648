/* softsign_neon_sleef.c - softsign, 4 lanes: x / (1 + |x|) in float32.
 * SLEEF has nothing to offer here; this is the plain first version, two
 * roundings (the sum, the quotient). At +-inf the quotient would be inf/inf,
 * so those lanes take the limit +-1. It is not monotonic in float32 (it dips
 * by an ulp or two at millions of inputs); the fused pass checks its range.
 * Measured against scalar under qemu on every 61st float32 bit pattern (70 million
 * inputs): max 1 ulp, at x = 0x1.6a0a9p-25 (the bound declared in table_neon_sleef.c). */
#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(softsign, neon_sleef, 1, 0x1.6a0a9p-25f);

static inline float32x4_t softsign_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    float32x4_t ax = vabsq_f32(x);
    float32x4_t q = vdivq_f32(x, vaddq_f32(one, ax));
    uint32x4_t inf = vceqq_f32(ax, vdupq_n_f32(INFINITY));
    /* +-1 with x's sign */
    float32x4_t lim = vbslq_f32(vdupq_n_u32(0x80000000u), x, one);
    return vbslq_f32(inf, lim, q);
}

void act_softsign_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, softsign_v4); }

void act_softsign_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e,
                                  uint64_t *counts, struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, softsign_v4);
}
