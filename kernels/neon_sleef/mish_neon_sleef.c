/* mish_neon_sleef.c - mish, 4 lanes, in double on SLEEF's double-precision
 * AdvSIMD functions (f64_neon_sleef.h), rounded once: the steps of
 * kernels/avx2_sleef/mish_avx2_sleef.c, so the same bound. */
#include "../neon/loop_neon.h"
#include "f64_neon_sleef.h"
#include "ops_neon_sleef.h"

ACT_BOUND(mish, neon_sleef, 0, 0.0f); /* the scalar reference's bits, as avx2-sleef's */

static inline float32x4_t mish_v4(float32x4_t x) { return f64_map_v4(x, mish_f64x2); }

void act_mish_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, mish_v4); }

void act_mish_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, mish_v4);
}
