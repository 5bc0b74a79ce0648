/* f32_neon.h - the float32 steps the modern activations share (always
 * inlined), 4 lanes: kernels/avx512/f32_avx512.h's operations with the same
 * operands in the same order (vfmaq_f32(c, a, b) is the fused a b + c), so
 * every kernel built on them gives the AVX-512 and AVX2 tables' bits.
 *
 *   reduce_v4    t = n ln2 + r: n by the fma shifter, r by two-part ln2
 *   pow2_v4      2^k for an integer-valued k in [-126, 127], exponent bits
 *   scale_v4     a 2^k rounded once, as vscalefps, by f32_avx2.h's split
 *                (k < -100: a 2^(k + 100), exact, times 2^-100)
 *   two_prod_v4  a * b = hi + lo exactly
 * Division is FDIV, IEEE's correctly rounded quotient, which the x86
 * tables' Markstein corrections reproduce. */
#ifndef ACT_F32_NEON_H
#define ACT_F32_NEON_H

#include <arm_neon.h>

#define F32_SHIFTER 0x1.8p23f

static inline float32x4_t reduce_v4(float32x4_t t, float32x4_t *n)
{
    const float32x4_t shift = vdupq_n_f32(F32_SHIFTER);
    *n = vsubq_f32(vfmaq_f32(shift, t, vdupq_n_f32(0x1.715476p+0f)), shift);
    float32x4_t r = vfmaq_f32(t, *n, vdupq_n_f32(-0x1.62e4p-1f));
    return vfmaq_f32(r, *n, vdupq_n_f32(-0x1.7f7d1cp-20f));
}

static inline float32x4_t pow2_v4(float32x4_t k)
{
    const float32x4_t shift = vdupq_n_f32(F32_SHIFTER + 127.0f);
    int32x4_t bits = vreinterpretq_s32_f32(vaddq_f32(k, shift));
    return vreinterpretq_f32_s32(vshlq_n_s32(bits, 23));
}

static inline float32x4_t scale_v4(float32x4_t a, float32x4_t k)
{
    const float32x4_t lim = vdupq_n_f32(-100.0f);
    uint32x4_t low = vcltq_f32(k, lim);
    float32x4_t k1 =
        vsubq_f32(k, vreinterpretq_f32_u32(vandq_u32(low, vreinterpretq_u32_f32(lim))));
    float32x4_t s2 = vbslq_f32(low, vdupq_n_f32(0x1p-100f), vdupq_n_f32(1.0f));
    return vmulq_f32(vmulq_f32(a, pow2_v4(k1)), s2);
}

static inline float32x4_t two_prod_v4(float32x4_t a, float32x4_t b, float32x4_t *lo)
{
    float32x4_t hi = vmulq_f32(a, b);
    *lo = vfmaq_f32(vnegq_f32(hi), a, b);
    return hi;
}

/* lanes whose sign bit is set (NaN by its sign bit, as x86's blends read it) */
static inline uint32x4_t sign_lanes_v4(float32x4_t x)
{
    return vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(x), 31));
}

#endif
