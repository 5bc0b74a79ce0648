/* softplus_neon.c - softplus ln(1 + e^x), 4 lanes, Advanced SIMD with FMA.
 * Written max(x, 0) + log1p(u) with u = e^-|x| in (0, 1] (exp_neon.h, hi + lo),
 * so e^x never overflows. 1 + u = w + wl exactly; w in [1, 2] is reduced to
 * m = w or w / 2 in [0.707, 1.414] (k = 0 or 1), f = m - 1 exactly, and
 *   log1p(u) = k ln 2 + f + f^2 P(f) + wl / w,
 * P of degree 8 (scripts/fit_poly.py: minimax of the relative error of
 * f + f^2 P(f) on [-0.2929, 0.4143], 2^-27.8 with float32 coefficients).
 * k ln 2 + f and max(x, 0) + that are summed with their rounding errors kept
 * (Fast2Sum, TwoSum), so the result is rounded about once. Tiny u (x below
 * -17) gives u itself, subnormals included. Above x = 16 the result is x
 * (log1p(u) < 2^-23 is below half an ulp of x), which also covers +inf.
 * Max error vs scalar: 1 ulp, e.g. at x = 0x1.d4413cp-18, over all 2^32 inputs of a
 * float32 model of these steps (tests/model_f32.c, `model_f32 sweep 1 1` on
 * x86-64), which agrees with this code bit for bit under qemu (model_agrees). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

/* (log1p(f) - f) / f^2 by Estrin's scheme */
static inline float32x4_t log1p_poly_v4(float32x4_t f, float32x4_t f2)
{
    float32x4_t f4 = vmulq_f32(f2, f2);
    float32x4_t p01 = vfmaq_f32(vdupq_n_f32(-0x1.fffff8p-2f), f, vdupq_n_f32(0x1.55555p-2f));
    float32x4_t p23 = vfmaq_f32(vdupq_n_f32(-0x1.000438p-2f), f, vdupq_n_f32(0x1.99a428p-3f));
    float32x4_t p45 = vfmaq_f32(vdupq_n_f32(-0x1.542402p-3f), f, vdupq_n_f32(0x1.226b2ap-3f));
    float32x4_t p67 = vfmaq_f32(vdupq_n_f32(-0x1.0f4f0ep-3f), f, vdupq_n_f32(0x1.087e6p-3f));
    float32x4_t hi = vfmaq_f32(vfmaq_f32(p45, f2, p67), f4, vdupq_n_f32(-0x1.383ebcp-4f));
    return vfmaq_f32(vfmaq_f32(p01, f2, p23), f4, hi);
}

static inline float32x4_t softplus_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    float32x4_t xp = vmaxq_f32(x, vdupq_n_f32(0.0f)); /* FMAX keeps a NaN */
    struct split_v4 w = one_plus_v4(exp_split_v4(vnegq_f32(vabsq_f32(x))));
    /* w > sqrt(2) (0x1.6a09e6p+0 is float32 below it): m = w / 2, k = 1 */
    uint32x4_t k = vcgtq_f32(w.hi, vdupq_n_f32(0x1.6a09e6p+0f));
    float32x4_t m = vbslq_f32(k, vmulq_f32(w.hi, vdupq_n_f32(0.5f)), w.hi);
    float32x4_t kl =
        vreinterpretq_f32_u32(vandq_u32(k, vreinterpretq_u32_f32(vdupq_n_f32(0x1.62e43p-1f))));
    float32x4_t kll =
        vreinterpretq_f32_u32(vandq_u32(k, vreinterpretq_u32_f32(vdupq_n_f32(-0x1.05c61p-29f))));
    float32x4_t f = vsubq_f32(m, one);
    float32x4_t f2 = vmulq_f32(f, f);
    /* k ln 2 + f = lh + ll exactly (|f| <= ln 2 when k = 1; ll = 0 when k = 0) */
    float32x4_t lh = vaddq_f32(kl, f);
    float32x4_t ll = vaddq_f32(vsubq_f32(kl, lh), f);
    float32x4_t small = vaddq_f32(ll, vaddq_f32(vdivq_f32(w.lo, w.hi), kll));
    float32x4_t tail = vfmaq_f32(small, f2, log1p_poly_v4(f, f2));
    /* xp + lh = s + err exactly (TwoSum: either may be the larger) */
    float32x4_t s = vaddq_f32(xp, lh);
    float32x4_t bb = vsubq_f32(s, xp);
    float32x4_t err = vaddq_f32(vsubq_f32(xp, vsubq_f32(s, bb)), vsubq_f32(lh, bb));
    float32x4_t r = vaddq_f32(s, vaddq_f32(err, tail));
    return vbslq_f32(vcgtq_f32(x, vdupq_n_f32(16.0f)), x, r);
}

void act_softplus_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, softplus_v4); }

void act_softplus_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, softplus_v4);
}
