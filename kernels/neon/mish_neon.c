/* mish_neon.c - mish, 4 lanes, Advanced SIMD, in float32.
 *
 * Algorithm: kernels/avx512/mish_avx512.c's steps, 4 lanes, operation for
 * operation, so the same bits as the x86 tables.
 *
 * Bound: 2 ULP vs scalar, the x86 tables' (the same bits: cross_isa
 * compares the digests), first reached at x = 0x1.48a61p-20. */
#include "exp_neon.h"
#include "f32_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(mish, neon, 2, 0x1.48a61p-20f);

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
    float32x4_t e2 = vaddq_f32(e, e);
    float32x4_t num_p = vmulq_f32(e2, e);
    float32x4_t den_p = vfmaq_f32(one, e2, vaddq_f32(e, one));
    float32x4_t mh = vaddq_f32(one, v);
    float32x4_t ml = vaddq_f32(vsubq_f32(one, mh), v);
    float32x4_t eh = vmulq_f32(s, mh);
    float32x4_t th = vaddq_f32(eh, two);
    float32x4_t tl = vaddq_f32(vsubq_f32(two, th), eh);
    float32x4_t pl, ph = two_prod_v4(mh, th, &pl);
    pl = vfmaq_f32(vfmaq_f32(pl, mh, tl), ml, vaddq_f32(th, eh));
    float32x4_t nl, nh = two_prod_v4(xc, ph, &nl);
    nl = vfmaq_f32(nl, xc, pl);
    float32x4_t b = vmulq_f32(s, ph);
    float32x4_t dh = vaddq_f32(b, two);
    float32x4_t dl = vfmaq_f32(vsubq_f32(b, vsubq_f32(dh, two)), s, pl);
    float32x4_t den = vbslq_f32(neg, dh, den_p);
    float32x4_t num = vbslq_f32(neg, nh, num_p);
    float32x4_t y = vdivq_f32(one, den), q = vmulq_f32(num, y);
    float32x4_t res = vfmsq_f32(num, q, den);
    res = vbslq_f32(neg, vaddq_f32(res, vfmsq_f32(nl, q, dl)), res);
    q = vfmaq_f32(q, res, y);
    return vbslq_f32(neg, scale_v4(q, n), vfmsq_f32(xc, vminq_f32(xc, vdupq_n_f32(20.0f)), q));
}

void act_mish_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, mish_v4); }

void act_mish_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, mish_v4);
}
