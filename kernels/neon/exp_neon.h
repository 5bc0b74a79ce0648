/* exp_neon.h - e^x in pieces, shared by the NEON activations (always inlined).
 *
 * The steps of kernels/avx2/exp_avx2.h, operation for operation, so the NEON
 * and AVX2 tables compute the same bits (every operation is a correctly
 * rounded IEEE one or exact bit work; see that file for why each step is
 * accurate enough). Every caller needs e^(m*x) for m = +1 or -1 in a form it
 * can fold into its own last steps without an extra rounding:
 *
 *   m*x = n*ln2 + m*r, |r| <= ln2/2      (exp_reduce_v4 / exp_reduce_short_v4)
 *   s   = 2^(n + bias - 127)              (exponent bits built from n directly)
 *   v   = e^(m*r) - 1                     (expm1_poly_v4, relative error 2^-26)
 *
 * so e^(m*x) = 2^(127 - bias) * (s + s*v), one fused multiply-add, and
 * e^(m*x) - 1 = s*v + (s - 1) keeps full relative accuracy near 0. `bias`
 * lets a caller keep s normal; each caller clamps x so that n + bias stays in
 * [1, 254] and says where. NaN in x gives NaN in r and v, so any result built
 * as s*v + ... is NaN. */
#ifndef ACT_EXP_NEON_H
#define ACT_EXP_NEON_H

#include <arm_neon.h>

/* 1.5 * 2^23: adding it rounds a float of magnitude < 2^22 to an integer and
 * leaves that integer in the low mantissa bits */
#define EXP_SHIFTER 0x1.8p23f

/* n = round(m*x*log2(e)) via the shifter; *s = 2^(n + bias - 127) from its
 * low bits shifted into the exponent field; returns n as a float */
static inline float32x4_t exp_split_v4(float32x4_t x, float m, int bias, float32x4_t *s)
{
    const float32x4_t shift = vdupq_n_f32(EXP_SHIFTER + (float)bias);
    float32x4_t t = vfmaq_f32(shift, x, vdupq_n_f32(m * 0x1.715476p+0f));
    *s = vreinterpretq_f32_s32(vshlq_n_s32(vreinterpretq_s32_f32(t), 23));
    return vsubq_f32(t, shift);
}

/* r = x - n*ln2/m with ln2 in two parts (Cody-Waite): n*ln2_hi and x - n*ln2_hi
 * are exact, only the last step rounds (for results that keep e^(m*x)'s
 * relative error for large |n|: sigmoid and softplus tails) */
static inline float32x4_t exp_reduce_v4(float32x4_t x, float m, int bias, float32x4_t *s)
{
    float32x4_t n = exp_split_v4(x, m, bias, s);
    float32x4_t r = vfmaq_f32(x, n, vdupq_n_f32(-m * 0x1.62e4p-1f));
    return vfmaq_f32(r, n, vdupq_n_f32(-m * 0x1.7f7d1cp-20f));
}

/* one step with ln2 rounded to float: enough where the result damps the
 * reduction's error by e^(m*x) as |n| grows (e^x - 1 for x <= 0, tanh) */
static inline float32x4_t exp_reduce_short_v4(float32x4_t x, float m, int bias, float32x4_t *s)
{
    float32x4_t n = exp_split_v4(x, m, bias, s);
    return vfmaq_f32(x, n, vdupq_n_f32(-m * 0x1.62e43p-1f));
}

/* e^(m*r) - 1 = m*r + r^2 * P(m*r) for |r| <= ln2/2, P of degree 4 (the
 * coefficients of exp_avx2.h), evaluated as (c1 + c2 r) + r^2 ((c3 + c4 r) + c5 r^2) */
static inline float32x4_t expm1_poly_v4(float32x4_t r, float m)
{
    float32x4_t r2 = vmulq_f32(r, r);
    float32x4_t lo = vfmaq_f32(vdupq_n_f32(0x1.fffffep-2f), vdupq_n_f32(m * 0x1.5554b0p-3f), r);
    float32x4_t hi = vfmaq_f32(vdupq_n_f32(0x1.555674p-5f), vdupq_n_f32(m * 0x1.122768p-7f), r);
    hi = vfmaq_f32(hi, vdupq_n_f32(0x1.6bec08p-10f), r2);
    float32x4_t p = vfmaq_f32(lo, hi, r2);
    /* m r + r^2 p, as fmadd or fmsub: r^2 p - r is fma(r2, p, -r) */
    return m > 0 ? vfmaq_f32(r, r2, p) : vfmaq_f32(vnegq_f32(r), r2, p);
}

/* lanes where the sign bit of x is set, as a mask (blendv's selector) */
static inline uint32x4_t sign_mask_v4(float32x4_t x)
{
    return vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(x), 31));
}

/* e^-a for a >= 0, clamped at 87 where e^-a is still normal */
static inline float32x4_t exp_neg_v4(float32x4_t a)
{
    a = vminq_f32(a, vdupq_n_f32(87.0f));
    float32x4_t s;
    float32x4_t r = exp_reduce_short_v4(a, -1.0f, 127, &s);
    float32x4_t v = expm1_poly_v4(r, -1.0f);
    return vfmaq_f32(s, s, v);
}

#endif
