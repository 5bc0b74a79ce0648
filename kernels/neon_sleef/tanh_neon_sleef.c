/* tanh_neon_sleef.c - tanh, 4 lanes: SLEEF's tanhf (u10, AdvSIMD) as it
 * stands, and its u35 variant for the peer "sleef-u35". SLEEF returns +-1 at
 * +-inf and NaN for NaN.
 * Measured against scalar under qemu on every 61st float32 bit pattern (70 million
 * inputs): max 1 ulp, at x = 0x1.71382p-12 (the bound declared in table_neon_sleef.c). */
#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(tanh, neon_sleef, 1, 0x1.71382p-12f);

static inline float32x4_t tanh_v4(float32x4_t x) { return Sleef_tanhf4_u10advsimd(x); }

static inline float32x4_t tanh_u35_v4(float32x4_t x) { return Sleef_tanhf4_u35advsimd(x); }

void act_tanh_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, tanh_v4); }

void act_tanh_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, tanh_v4);
}

void act_tanh_neon_sleef_u35(const float *x, float *y, size_t n) { map_v4(x, y, n, tanh_u35_v4); }
