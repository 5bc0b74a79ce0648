/* elu_neon.c - elu (alpha 1), 4 lanes, Advanced SIMD with FMA.
 * x > 0: x. Otherwise e^x - 1 from exp_neon.h's expm1_split_v4, which keeps
 * full relative accuracy near 0 (down to the subnormals, where it is x) and
 * reaches -1 below -17.3. The comparison is ordered, so NaN takes the second
 * path and stays NaN.
 * Max error vs scalar: 1 ulp, e.g. at x = -0x1.6a09e8p-24, over all 2^32 inputs of a
 * float32 model of these steps (tests/model_f32.c, `model_f32 sweep 1 1` on
 * x86-64), which agrees with this code bit for bit under qemu (model_agrees). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

static inline float32x4_t elu_v4(float32x4_t x)
{
    struct split_v4 m = expm1_split_v4(vminq_f32(x, vdupq_n_f32(0.0f)));
    return vbslq_f32(vcgtzq_f32(x), x, m.hi);
}

void act_elu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, elu_v4); }

void act_elu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                       struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, elu_v4);
}
