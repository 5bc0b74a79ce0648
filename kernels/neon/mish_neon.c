/* mish_neon.c - mish, 4 lanes, Advanced SIMD, in float32.
 *
 * Algorithm: kernels/avx512/mish_avx512.c's steps, 4 lanes, operation for
 * operation, so the same bits as the x86 tables.
 *
 * Bound: 2 ULP vs scalar, the x86 tables' (the same bits: cross_isa
 * compares the digests), first reached at x = 0x1.182f70p-2 */
#include "exp_neon.h"
#include "f32_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(mish, neon, 2, 0x1.182f70p-2f);

static const float MISH_P[6] = {0x1.47ae12p-2f,   -0x1.0624f0p-6f, -0x1.77b3c6p-5f,
                                -0x1.8591bap-12f, 0x1.f718eap-8f,  0x1.aa7032p-11f};
#define MISH_T0_HI 0x1.333334p-1f
#define MISH_T0_LO -0x1.99999ap-26f

static inline float32x4_t mish_series_v4(float32x4_t x)
{
    float32x4_t p = vdupq_n_f32(MISH_P[5]);
    for (int k = 4; k >= 0; k--)
        p = vfmaq_f32(vdupq_n_f32(MISH_P[k]), p, x);
    float32x4_t w = vmulq_f32(x, vfmaq_f32(vdupq_n_f32(MISH_T0_LO), x, p));
    return vfmaq_f32(w, x, vdupq_n_f32(MISH_T0_HI));
}

static inline float32x4_t mish_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f), two = vdupq_n_f32(2.0f);
    const float32x4_t floor = vdupq_n_f32(-120.0f);
    float32x4_t xc = vmaxq_f32(floor, x);
    float32x4_t z = vmaxq_f32(floor, vnegq_f32(vabsq_f32(xc)));
    float32x4_t n, r = reduce_v4(z, &n);
    float32x4_t v = expm1_poly_v4(r, 1.0f);
    float32x4_t s = pow2_v4(vmaxq_f32(vdupq_n_f32(-60.0f), n));
    float32x4_t e = vfmaq_f32(s, s, v);
    uint32x4_t neg = vcltq_f32(xc, vdupq_n_f32(0.0f));
    float32x4_t e1 = vaddq_f32(e, one), e2 = vaddq_f32(e, e);
    float32x4_t num = vmulq_f32(e, vbslq_f32(neg, e1, e2));
    float32x4_t den = vbslq_f32(neg, e, e2);
    den = vfmaq_f32(vbslq_f32(neg, two, one), den, vbslq_f32(neg, vaddq_f32(e, two), e1));
    float32x4_t q = vdivq_f32(num, den);
    float32x4_t w = vfmaq_f32(xc, xc, v);
    float32x4_t lo = scale_v4(vfmsq_f32(w, w, q), n);
    float32x4_t hi = vfmsq_f32(xc, vminq_f32(xc, vdupq_n_f32(20.0f)), q);
    float32x4_t far = vbslq_f32(neg, lo, hi);
    uint32x4_t near = vcltq_f32(vabsq_f32(x), vdupq_n_f32(0.25f));
    return vbslq_f32(near, mish_series_v4(x), far);
}

void act_mish_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, mish_v4); }

void act_mish_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, mish_v4);
}
