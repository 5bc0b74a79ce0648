/* hardsigmoid_neon.c - PyTorch's hardsigmoid, 4 lanes, bit-identical to
 * scalar: t = x + 3 rounded, clamped to [0, 6] (FMAX/FMIN keep a NaN), then
 * t / 6 rounded (FDIV: never a multiplication by 1/6). */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(hardsigmoid, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t hardsigmoid_v4(float32x4_t x)
{
    float32x4_t t = vaddq_f32(x, vdupq_n_f32(3.0f));
    t = vminq_f32(vdupq_n_f32(6.0f), vmaxq_f32(vdupq_n_f32(0.0f), t));
    return vdivq_f32(t, vdupq_n_f32(6.0f));
}

void act_hardsigmoid_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, hardsigmoid_v4); }

void act_hardsigmoid_hist_neon(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, hardsigmoid_v4);
}
