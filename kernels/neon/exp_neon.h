/* exp_neon.h - e^z for z <= 0, 4 lanes, as an unevaluated sum hi + lo, and
 * the steps the transcendental NEON kernels build on it.
 *
 * e^z = 2^n * (1 + q): n = round(z / ln 2), r = z - n ln 2 in two FMA steps
 * (|r| <= ln 2 / 2), q = r + r^2 P(r) with P of degree 5. The rounding errors
 * of r, r^2, r^2 P and the sum are kept, and 1 + q is split into its float32
 * rounding m_hi and the rest m_lo, so callers see e^z with about 30 good bits
 * instead of 24, and a ratio or sum built on it rounds about once.
 * 2^n is applied in two halves, so results down to the subnormals round once.
 * z is clamped at -110, where e^z is far below half the smallest subnormal.
 *
 * Coefficients: scripts/fit_poly.py (minimax of the relative error of
 * r + r^2 P(r) on [-0.3466, 0.3466], 2^-31.1 with float32 coefficients). */
#ifndef ACT_EXP_NEON_H
#define ACT_EXP_NEON_H

#include <arm_neon.h>

struct split_v4 {
    float32x4_t hi, lo;
};

/* 2^n for integer n in [-126, 127] */
static inline float32x4_t pow2i_v4(int32x4_t n)
{
    return vreinterpretq_f32_s32(vshlq_n_s32(vaddq_s32(n, vdupq_n_s32(127)), 23));
}

/* e^z = hi + lo for z <= 0 (NaN stays NaN) */
static inline struct split_v4 exp_split_v4(float32x4_t z)
{
    const float32x4_t log2e = vdupq_n_f32(0x1.715476p+0f);
    const float32x4_t ln2_hi = vdupq_n_f32(0x1.62e43p-1f);   /* ln 2 rounded to float32 */
    const float32x4_t ln2_lo = vdupq_n_f32(-0x1.05c61p-29f); /* ln 2 - ln2_hi */
    const float32x4_t one = vdupq_n_f32(1.0f);
    z = vmaxq_f32(z, vdupq_n_f32(-110.0f)); /* FMAX keeps a NaN */
    float32x4_t n = vrndnq_f32(vmulq_f32(z, log2e));
    /* z - n ln2_hi is exact (|n| <= 159); r + rl = that - n ln2_lo */
    float32x4_t rh = vfmsq_f32(z, n, ln2_hi);
    float32x4_t r = vfmsq_f32(rh, n, ln2_lo);
    float32x4_t rl = vfmsq_f32(vsubq_f32(rh, r), n, ln2_lo);
    /* P(r) by Estrin's scheme: (c0 + c1 r) + r^2 ((c2 + c3 r) + r^2 (c4 + c5 r)) */
    float32x4_t r2 = vmulq_f32(r, r);
    float32x4_t p01 = vfmaq_f32(vdupq_n_f32(0x1p-1f), r, vdupq_n_f32(0x1.555554p-3f));
    float32x4_t p23 = vfmaq_f32(vdupq_n_f32(0x1.5554f8p-5f), r, vdupq_n_f32(0x1.1112dcp-7f));
    float32x4_t p45 = vfmaq_f32(vdupq_n_f32(0x1.6d3a2cp-10f), r, vdupq_n_f32(0x1.9e6af0p-13f));
    float32x4_t p = vfmaq_f32(p01, r2, vfmaq_f32(p23, r2, p45));
    /* q = r + r^2 p as qh + ql: the rounding errors of r^2, r^2 p and r + r^2 p
     * are kept (FMA residuals, Fast2Sum as |r| > r^2 p), and rl adds rl e^r */
    float32x4_t r2l = vfmaq_f32(vnegq_f32(r2), r, r);
    float32x4_t h = vmulq_f32(r2, p);
    float32x4_t hl = vfmaq_f32(vfmaq_f32(vnegq_f32(h), r2, p), r2l, p);
    float32x4_t qh = vaddq_f32(r, h);
    float32x4_t ql = vaddq_f32(vaddq_f32(vsubq_f32(h, vsubq_f32(qh, r)), hl), vfmaq_f32(rl, rl, r));
    /* 1 + q = m_hi + m_lo (|q| < 1) */
    float32x4_t mh = vaddq_f32(one, qh);
    float32x4_t ml = vaddq_f32(vaddq_f32(vsubq_f32(one, mh), qh), ql);
    /* n in [-159, 0]: 2^n = 2^n1 2^n2 with both halves normal */
    int32x4_t ni = vcvtq_s32_f32(n);
    int32x4_t n1 = vshrq_n_s32(ni, 1), n2 = vsubq_s32(ni, n1);
    float32x4_t s1 = pow2i_v4(n1), s2 = pow2i_v4(n2);
    struct split_v4 e;
    e.hi = vmulq_f32(vmulq_f32(mh, s1), s2);
    e.lo = vmulq_f32(ml, vmulq_f32(s1, s2)); /* below the normals it no longer matters */
    return e;
}

/* e^x - 1 for x <= 0 as hi + lo: (e_hi - 1) is split exactly (|e_hi| <= 1),
 * the small parts added, and the sum split again. For |x| < ln 2 / 2 this is
 * q itself, with full relative accuracy down to the subnormals. */
static inline struct split_v4 expm1_split_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    struct split_v4 e = exp_split_v4(x);
    float32x4_t s = vsubq_f32(e.hi, one);
    float32x4_t err = vaddq_f32(vsubq_f32(vnegq_f32(one), s), e.hi);
    float32x4_t t = vaddq_f32(err, e.lo);
    struct split_v4 m;
    m.hi = vaddq_f32(s, t);
    m.lo = vsubq_f32(t, vsubq_f32(m.hi, s));
    return m;
}

/* (num + numl) / (d + dl), rounded about once: one division, then the exact
 * residual num - t0 d (FMA) and the low parts correct the quotient. */
static inline float32x4_t div_corr_v4(float32x4_t num, float32x4_t numl, float32x4_t d,
                                      float32x4_t dl)
{
    float32x4_t r0 = vdivq_f32(vdupq_n_f32(1.0f), d);
    float32x4_t t0 = vmulq_f32(num, r0);
    float32x4_t rho = vaddq_f32(vfmsq_f32(num, t0, d), numl);
    float32x4_t corr = vfmsq_f32(rho, t0, dl);
    return vfmaq_f32(t0, corr, r0);
}

/* 1 + v = hi + lo exactly, for 0 <= v <= 1 given as v_hi + v_lo */
static inline struct split_v4 one_plus_v4(struct split_v4 v)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    struct split_v4 s;
    s.hi = vaddq_f32(one, v.hi);
    s.lo = vaddq_f32(vaddq_f32(vsubq_f32(one, s.hi), v.hi), v.lo);
    return s;
}

/* x with the sign of s */
static inline float32x4_t copysign_v4(float32x4_t x, float32x4_t s)
{
    const uint32x4_t sign = vdupq_n_u32(0x80000000u);
    return vbslq_f32(sign, s, x);
}

#endif
