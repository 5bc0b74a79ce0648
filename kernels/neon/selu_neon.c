/* selu_neon.c - selu, 4 lanes, Advanced SIMD with FMA.
 * x > 0: scale * x; otherwise (scale * alpha) * (e^x - 1), TensorFlow's
 * constants. Each constant is a float32 pair hi + lo (scripts/fit_poly.py
 * prints them) and each product is taken exactly with an FMA and the low
 * parts added, so the result is rounded about once. e^x - 1 comes from
 * exp_neon.h as hi + lo. scale * x overflows to inf for x near FLT_MAX, as
 * the reference does; there the correction (inf - inf) is skipped.
 * Max error vs scalar: 1 ulp, e.g. at x = 0x1.029p-136, over all 2^32 inputs of a
 * float32 model of these steps (tests/model_f32.c, `model_f32 sweep 1 1` on
 * x86-64), which agrees with this code bit for bit under qemu (model_agrees);
 * most 1-ulp results are subnormal. */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

static inline float32x4_t selu_v4(float32x4_t x)
{
    const float32x4_t s_hi = vdupq_n_f32(0x1.0cfabep+0f);   /* scale = 1.0507009873554805 */
    const float32x4_t s_lo = vdupq_n_f32(-0x1.2adddap-25f); /* scale - s_hi */
    const float32x4_t c_hi = vdupq_n_f32(0x1.c212ccp+0f);   /* scale * 1.6732632423543772 */
    const float32x4_t c_lo = vdupq_n_f32(0x1.903c0cp-26f);  /* that product - c_hi */
    float32x4_t p = vmulq_f32(x, s_hi);
    float32x4_t pe = vfmaq_f32(vnegq_f32(p), x, s_hi); /* x * s_hi - p, exact */
    float32x4_t pos = vaddq_f32(p, vfmaq_f32(pe, x, s_lo));
    pos = vbslq_f32(vceqq_f32(vabsq_f32(p), vdupq_n_f32(INFINITY)), p, pos);
    struct split_v4 m = expm1_split_v4(vminq_f32(x, vdupq_n_f32(0.0f)));
    float32x4_t q = vmulq_f32(c_hi, m.hi);
    float32x4_t qe = vfmaq_f32(vnegq_f32(q), c_hi, m.hi);
    float32x4_t neg = vaddq_f32(q, vaddq_f32(qe, vfmaq_f32(vmulq_f32(c_lo, m.hi), c_hi, m.lo)));
    return vbslq_f32(vcgtzq_f32(x), pos, neg);
}

void act_selu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, selu_v4); }

void act_selu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, selu_v4);
}
