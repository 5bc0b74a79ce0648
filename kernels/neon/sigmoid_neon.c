/* sigmoid_neon.c - sigmoid, 4 lanes, Advanced SIMD with FMA.
 * With e = e^-|x| in (0, 1] from exp_neon.h as hi + lo: 1 / (1 + e) for
 * x >= 0 and e / (1 + e) for x < 0, so e^z never overflows. 1 + e is split
 * exactly and the quotient corrected by its residual, so the result is
 * rounded about once. Subnormal results come out of e itself (1 + e == 1).
 * Max error vs scalar: 1 ulp, e.g. at x = 0x1.8p-22, over all 2^32 inputs of a
 * float32 model of these steps (tests/model_f32.c, `model_f32 sweep 1 1` on
 * x86-64), which agrees with this code bit for bit under qemu (model_agrees). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

static inline float32x4_t sigmoid_v4(float32x4_t x)
{
    struct split_v4 e = exp_split_v4(vnegq_f32(vabsq_f32(x)));
    struct split_v4 d = one_plus_v4(e);
    uint32x4_t neg = vcltzq_f32(x);
    float32x4_t num = vbslq_f32(neg, e.hi, vdupq_n_f32(1.0f));
    float32x4_t numl = vreinterpretq_f32_u32(vandq_u32(neg, vreinterpretq_u32_f32(e.lo)));
    return div_corr_v4(num, numl, d.hi, d.lo);
}

void act_sigmoid_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, sigmoid_v4); }

void act_sigmoid_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                           struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, sigmoid_v4);
}
