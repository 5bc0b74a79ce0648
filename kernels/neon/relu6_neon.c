/* relu6_neon.c - relu6, 4 lanes, bit-identical to scalar.
 * relu as in relu_neon.c, then min(6, r): FMIN returns a NaN operand (quieted),
 * so NaN passes through. */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(relu6, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t relu6_v4(float32x4_t x)
{
    uint32x4_t nonpos = vclezq_f32(x);
    float32x4_t r = vreinterpretq_f32_u32(vbicq_u32(vreinterpretq_u32_f32(x), nonpos));
    return vminq_f32(vdupq_n_f32(6.0f), r);
}

void act_relu6_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, relu6_v4); }

void act_relu6_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                         struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, relu6_v4);
}
