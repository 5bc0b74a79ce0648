/* hard_sigmoid_neon.c - hard_sigmoid, 4 lanes, bit-identical to scalar.
 * The notebook's float32 steps: 0.2f * x rounded, + 0.5f rounded (FMUL then
 * FADD: -ffp-contract=off keeps GCC from fusing them into one FMLA), then 0
 * below -2.5 and 1 above 2.5; the comparisons are ordered, so NaN passes through. */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(hard_sigmoid, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t hard_sigmoid_v4(float32x4_t x)
{
    float32x4_t l = vaddq_f32(vmulq_f32(vdupq_n_f32(0.2f), x), vdupq_n_f32(0.5f));
    l = vbslq_f32(vcltq_f32(x, vdupq_n_f32(-2.5f)), vdupq_n_f32(0.0f), l);
    return vbslq_f32(vcgtq_f32(x, vdupq_n_f32(2.5f)), vdupq_n_f32(1.0f), l);
}

void act_hard_sigmoid_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, hard_sigmoid_v4); }

void act_hard_sigmoid_hist_neon(const float *x, size_t n, const struct act_edges *e,
                                uint64_t *counts, struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, hard_sigmoid_v4);
}
