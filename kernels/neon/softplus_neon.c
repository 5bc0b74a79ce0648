/* softplus_neon.c - softplus, 4 lanes, Advanced SIMD with FMA: the steps of
 * kernels/avx2/softplus_avx2.c, so both tables give the same bits.
 *
 * softplus(x) = max(x, 0) + log1p(u) with u = e^-|x| in (0, 1], so nothing
 * overflows. u comes from exp_neon.h scaled by 2^32 (us = s + s*v), which
 * keeps it normal down to |x| = 109, the clamp. log1p(u) = u + u*u*H(u), H a
 * degree-8 polynomial on [0, 1] (the coefficients of softplus_avx2.c). H takes
 * the unscaled u, made by taking 32 off us's exponent and flushed to 0 where
 * that would leave the normal range. The last FMA adds (us + us*u*H) * 2^-32
 * to max(x, 0): for x <= 0 a single rounding, into the subnormals below
 * x = -87.3 too; above x = 17 the sum is x.
 *
 * Max error vs scalar: 2 ulp, the AVX2 kernel's bound over all 2^32 inputs
 * (this code gives its bits: the cross_isa test and README.md). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(softplus, neon, 2, 0x1.64p-19f);

/* H(u) = (log1p(u)/u - 1)/u on [0, 1], Horner's scheme */
static inline float32x4_t log1p_h_v4(float32x4_t u)
{
    float32x4_t h = vdupq_n_f32(-0x1.b2f588p-9f);
    h = vfmaq_f32(vdupq_n_f32(0x1.4b0836p-6f), h, u);
    h = vfmaq_f32(vdupq_n_f32(-0x1.d86324p-5f), h, u);
    h = vfmaq_f32(vdupq_n_f32(0x1.b579c2p-4f), h, u);
    h = vfmaq_f32(vdupq_n_f32(-0x1.3a7a82p-3f), h, u);
    h = vfmaq_f32(vdupq_n_f32(0x1.935ca0p-3f), h, u);
    h = vfmaq_f32(vdupq_n_f32(-0x1.ff26e2p-3f), h, u);
    h = vfmaq_f32(vdupq_n_f32(0x1.554df0p-2f), h, u);
    return vfmaq_f32(vdupq_n_f32(-0x1.ffffd2p-2f), h, u);
}

static inline float32x4_t softplus_v4(float32x4_t x)
{
    float32x4_t a = vminq_f32(vdupq_n_f32(109.0f), vabsq_f32(x)); /* FMIN keeps a NaN */
    float32x4_t s;
    float32x4_t r = exp_reduce_v4(a, -1.0f, 127 + 32, &s);
    float32x4_t us = vfmaq_f32(s, s, expm1_poly_v4(r, -1.0f));
    /* u = us * 2^-32 by the exponent bits; below 2^-126 that wraps negative: max makes it 0 */
    int32x4_t ub = vsubq_s32(vreinterpretq_s32_f32(us), vdupq_n_s32(32 << 23));
    float32x4_t u = vreinterpretq_f32_s32(vmaxq_s32(ub, vdupq_n_s32(0)));
    float32x4_t g = vfmaq_f32(us, us, vmulq_f32(u, log1p_h_v4(u)));
    return vfmaq_f32(vmaxq_f32(x, vdupq_n_f32(0.0f)), g, vdupq_n_f32(0x1p-32f));
}

void act_softplus_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, softplus_v4); }

void act_softplus_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, softplus_v4);
}
