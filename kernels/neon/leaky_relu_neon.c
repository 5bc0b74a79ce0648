/* leaky_relu_neon.c - leaky_relu (alpha 0.2), 4 lanes, bit-identical to scalar.
 * x > 0 ? x : 0.2f * x; the product is rounded once, as in the reference. */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(leaky_relu, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t leaky_relu_v4(float32x4_t x)
{
    uint32x4_t pos = vcgtzq_f32(x);
    return vbslq_f32(pos, x, vmulq_n_f32(x, 0.2f));
}

void act_leaky_relu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, leaky_relu_v4); }

void act_leaky_relu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, leaky_relu_v4);
}
