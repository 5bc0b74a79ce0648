/* f64_neon.h - activations evaluated in double, 2 lanes at a time, and rounded
 * once to float32 (always inlined): the steps of kernels/avx2/f64_avx2.h, so
 * both tables give the same bits (every step is an IEEE operation in
 * round-to-nearest; FMAX/FMIN return NaN for a NaN operand, as the AVX2
 * clamps do with the operand order used there). Why double: see f64_avx2.h. */
#ifndef ACT_F64_NEON_H
#define ACT_F64_NEON_H

#include <arm_neon.h>

typedef float64x2_t (*act_body_f64x2)(float64x2_t);

/* f applied to each half of x in double, each result rounded once */
static inline __attribute__((always_inline)) float32x4_t f64_map_v4(float32x4_t x, act_body_f64x2 f)
{
    float64x2_t lo = f(vcvt_f64_f32(vget_low_f32(x)));
    float64x2_t hi = f(vcvt_high_f64_f32(x));
    return vcvt_high_f32_f64(vcvt_f32_f64(lo), hi);
}

/* e^y for y in [-1000, 700], relative error 2^-31 (f64_avx2.h's exp_f64x4) */
static inline float64x2_t exp_f64x2(float64x2_t y)
{
    const float64x2_t shift = vdupq_n_f64(0x1.8p52);
    float64x2_t t = vfmaq_f64(shift, y, vdupq_n_f64(0x1.71547652b82fep+0));
    float64x2_t n = vsubq_f64(t, shift);
    float64x2_t r = vfmsq_f64(y, n, vdupq_n_f64(0x1.62e42feep-1));
    r = vfmsq_f64(r, n, vdupq_n_f64(0x1.a39ef35793c76p-33));
    float64x2_t p = vdupq_n_f64(1.0 / 40320);
    p = vfmaq_f64(vdupq_n_f64(1.0 / 5040), p, r);
    p = vfmaq_f64(vdupq_n_f64(1.0 / 720), p, r);
    p = vfmaq_f64(vdupq_n_f64(1.0 / 120), p, r);
    p = vfmaq_f64(vdupq_n_f64(1.0 / 24), p, r);
    p = vfmaq_f64(vdupq_n_f64(1.0 / 6), p, r);
    p = vfmaq_f64(vdupq_n_f64(0.5), p, r);
    p = vfmaq_f64(vdupq_n_f64(1.0), p, r);
    p = vfmaq_f64(vdupq_n_f64(1.0), p, r);
    int64x2_t e = vshlq_n_s64(vreinterpretq_s64_f64(t), 52);
    return vreinterpretq_f64_s64(vaddq_s64(vreinterpretq_s64_f64(p), e));
}

/* 1/d: a float32 division, then one Newton step in double */
static inline float64x2_t recip_f64x2(float64x2_t d)
{
    float32x2_t f = vdiv_f32(vdup_n_f32(1.0f), vcvt_f32_f64(d));
    float64x2_t i = vcvt_f64_f32(f);
    float64x2_t e = vfmsq_f64(vdupq_n_f64(1.0), d, i);
    return vfmaq_f64(i, i, e);
}

/* all ones where x's sign bit is set (-0 and negative NaN included) */
static inline uint64x2_t sign_mask_f64x2(float64x2_t x)
{
    return vreinterpretq_u64_s64(vshrq_n_s64(vreinterpretq_s64_f64(x), 63));
}

/* sigmoid(z): 1/(1 + P) for z >= 0, P/(1 + P) for z < 0, P = e^-|z| */
static inline float64x2_t sigmoid_f64x2(float64x2_t z)
{
    float64x2_t p = exp_f64x2(vnegq_f64(vabsq_f64(z)));
    float64x2_t i = recip_f64x2(vaddq_f64(p, vdupq_n_f64(1.0)));
    return vbslq_f64(sign_mask_f64x2(z), vmulq_f64(p, i), i);
}

/* min(hi, max(lo, x)), NaN passes */
static inline float64x2_t clamp_f64x2(float64x2_t x, double lo, double hi)
{
    return vminq_f64(vdupq_n_f64(hi), vmaxq_f64(vdupq_n_f64(lo), x));
}

#endif
