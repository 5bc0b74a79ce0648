/* gelu_neon.c - gelu (erf form), 4 lanes, Advanced SIMD, in float32.
 *
 * Algorithm: kernels/avx512/gelu_avx512.c's steps, 4 lanes, operation for
 * operation (the coefficients of kernels/gelu_coef.h looked up lane by lane:
 * NEON has no gather), so the same bits as the x86 tables.
 *
 * Bound: 2 ULP vs scalar, the x86 tables' (the same bits: cross_isa
 * compares the digests), first reached at x = -0x1.6a9556p-1 */
#include "../gelu_coef.h"
#include "exp_neon.h"
#include "f32_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(gelu, neon, 2, -0x1.6a9556p-1f);

static inline float32x4_t gelu_series_v4(float32x4_t x)
{
    float32x4_t s = vmulq_f32(x, x), e = vdupq_n_f32(GELU_E[GELU_E_DEG]);
    for (int k = GELU_E_DEG - 1; k >= 0; k--)
        e = vfmaq_f32(vdupq_n_f32(GELU_E[k]), e, s);
    return vfmaq_f32(vmulq_f32(x, vdupq_n_f32(0.5f)), s, e);
}

static inline float32x4_t gelu_r_v4(float32x4_t a, float32x4_t *lo)
{
    const float32x4_t shift = vdupq_n_f32(0x1.8p23f);
    float32x4_t t = vfmaq_f32(shift, a, vdupq_n_f32(2.0f));
    int32x4_t i = vandq_s32(vreinterpretq_s32_f32(t), vdupq_n_s32(31)); /* round(2a) */
    float32x4_t u = vfmsq_f32(a, vsubq_f32(t, shift), vdupq_n_f32(0.5f));
    float32x4_t r = gather_v4(GELU_R[GELU_R_DEG], i);
    for (int k = GELU_R_DEG - 1; k >= 1; k--)
        r = vfmaq_f32(gather_v4(GELU_R[k], i), r, u);
    float32x4_t c0 = gather_v4(GELU_R[0], i);
    float32x4_t pl, p = two_prod_v4(r, u, &pl);
    float32x4_t s = vaddq_f32(c0, p);
    *lo = vaddq_f32(pl, vsubq_f32(p, vsubq_f32(s, c0)));
    return s;
}

static inline float32x4_t gelu_v4(float32x4_t x)
{
    const float32x4_t half = vdupq_n_f32(-0.5f);
    float32x4_t ax = vabsq_f32(x);
    float32x4_t a = vminq_f32(vdupq_n_f32(15.0f), ax);
    float32x4_t hl, hh = two_prod_v4(a, a, &hl);
    float32x4_t n, r = reduce_v4(vmulq_f32(half, hh), &n);
    r = vfmaq_f32(r, half, hl);
    float32x4_t v = expm1_poly_v4(r, 1.0f);
    float32x4_t rl, rr = gelu_r_v4(a, &rl);
    uint32x4_t neg = sign_lanes_v4(x);
    float32x4_t xc = vmaxq_f32(vdupq_n_f32(-15.0f), x);
    float32x4_t w = vbslq_f32(neg, vfmaq_f32(vmulq_f32(xc, rl), xc, rr), rr);
    float32x4_t q = scale_v4(vfmaq_f32(w, v, w), n);
    float32x4_t hi = vfmsq_f32(x, vminq_f32(x, vdupq_n_f32(15.0f)), q);
    float32x4_t tail = vbslq_f32(neg, q, hi);
    uint32x4_t small = vcltq_f32(ax, vdupq_n_f32(0.5f));
    return vbslq_f32(small, gelu_series_v4(x), tail);
}

void act_gelu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, gelu_v4); }

void act_gelu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, gelu_v4);
}
