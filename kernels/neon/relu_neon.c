/* relu_neon.c - relu, 4 lanes, bit-identical to scalar.
 * Clears every lane where x <= 0 (ordered: a NaN lane compares false and
 * passes through), so -0.0 becomes +0.0 as in the reference. */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(relu, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t relu_v4(float32x4_t x)
{
    uint32x4_t nonpos = vclezq_f32(x);
    return vreinterpretq_f32_u32(vbicq_u32(vreinterpretq_u32_f32(x), nonpos));
}

void act_relu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, relu_v4); }

void act_relu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, relu_v4);
}
