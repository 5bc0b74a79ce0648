/* hardswish_neon.c - hardswish, 4 lanes, bit-identical to scalar.
 * PyTorch's float32 steps, as kernels/scalar/hardswish_scalar.c: t = x + 3
 * rounded, clamped to [0, 6] (FMAX/FMIN keep a NaN), p = max(x, -3) * t
 * rounded, then p / 6 rounded (FDIV: never a multiplication by 1/6, and
 * -ffp-contract=off keeps the steps apart). */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(hardswish, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t hardswish_v4(float32x4_t x)
{
    float32x4_t t = vaddq_f32(x, vdupq_n_f32(3.0f));
    t = vminq_f32(vdupq_n_f32(6.0f), vmaxq_f32(vdupq_n_f32(0.0f), t));
    float32x4_t p = vmulq_f32(vmaxq_f32(vdupq_n_f32(-3.0f), x), t);
    return vdivq_f32(p, vdupq_n_f32(6.0f));
}

void act_hardswish_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, hardswish_v4); }

void act_hardswish_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, hardswish_v4);
}
