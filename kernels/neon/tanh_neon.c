/* tanh_neon.c - tanh, 4 lanes, Advanced SIMD with FMA.
 * |x| < 0.625: x + x^3 P(x^2), P of degree 5 (scripts/fit_poly.py: minimax of
 * the relative error, 2^-32.4 with float32 coefficients). Beyond: with
 * u = e^-2|x| from exp_neon.h as hi + lo, tanh|x| = (1 - u) / (1 + u), both
 * sides split exactly and the quotient corrected, then x's sign; above 0.625
 * the quotient is at least 0.55, so nothing cancels. +-inf give +-1.
 * Max error vs scalar: 1 ulp, e.g. at x = 0x1.bcee74p-11, over all 2^32 inputs of a
 * float32 model of these steps (tests/model_f32.c, `model_f32 sweep 1 1` on
 * x86-64), which agrees with this code bit for bit under qemu (model_agrees). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

static inline float32x4_t tanh_small_v4(float32x4_t x)
{
    float32x4_t x2 = vmulq_f32(x, x), x4 = vmulq_f32(x2, x2);
    float32x4_t p01 = vfmaq_f32(vdupq_n_f32(-0x1.555554p-2f), x2, vdupq_n_f32(0x1.11107ap-3f));
    float32x4_t p23 = vfmaq_f32(vdupq_n_f32(-0x1.b9f188p-5f), x2, vdupq_n_f32(0x1.63a55p-6f));
    float32x4_t p45 = vfmaq_f32(vdupq_n_f32(-0x1.0c5ecep-7f), x2, vdupq_n_f32(0x1.1a27fep-9f));
    float32x4_t p = vfmaq_f32(p01, x4, vfmaq_f32(p23, x4, p45));
    return vfmaq_f32(x, vmulq_f32(x, x2), p);
}

static inline float32x4_t tanh_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    float32x4_t a = vabsq_f32(x);
    struct split_v4 u = exp_split_v4(vmulq_f32(a, vdupq_n_f32(-2.0f)));
    /* 1 - u = num + numl exactly (u <= 1) */
    float32x4_t num = vsubq_f32(one, u.hi);
    float32x4_t numl = vsubq_f32(vsubq_f32(vsubq_f32(one, num), u.hi), u.lo);
    struct split_v4 d = one_plus_v4(u);
    float32x4_t big = copysign_v4(div_corr_v4(num, numl, d.hi, d.lo), x);
    /* a NaN compares false and takes the second path, which keeps it */
    return vbslq_f32(vcltq_f32(a, vdupq_n_f32(0.625f)), tanh_small_v4(x), big);
}

void act_tanh_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, tanh_v4); }

void act_tanh_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, tanh_v4);
}
