/* gelu_tanh_neon.c - gelu, tanh approximation, 4 lanes, Advanced SIMD, in
 * float32.
 *
 * Algorithm: kernels/avx512/gelu_tanh_avx512.c's steps, 4 lanes, operation
 * for operation (v as a float pair, silu's steps on -|v|, the denominator as
 * an exact pair and Markstein's quotient by RN(1/dh) from FDIV), so the same
 * bits as the x86 tables.
 *
 * Bound: 2 ULP vs scalar, the x86 tables' (the same bits: cross_isa
 * compares the digests), first reached at x = -0x1.9bf216p-3. */
#include "exp_neon.h"
#include "f32_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(gelu_tanh, neon, 2, -0x1.9bf216p-3f);

#define K1_HI 0x1.988454p+0f
#define K1_LO -0x1.857936p-25f
#define K3_HI 0x1.2444f2p-4f
#define K3_LO 0x1.49b16ap-29f

static inline float32x4_t gelu_tanh_arg_v4(float32x4_t x, float32x4_t *lo)
{
    const float32x4_t k1 = vdupq_n_f32(K1_HI), k3 = vdupq_n_f32(K3_HI);
    float32x4_t x2l, x2h = two_prod_v4(x, x, &x2l);
    float32x4_t pl, ph = two_prod_v4(k3, x2h, &pl);
    float32x4_t th = vaddq_f32(k1, ph), bb = vsubq_f32(th, k1);
    float32x4_t tl = vaddq_f32(vsubq_f32(k1, vsubq_f32(th, bb)), vsubq_f32(ph, bb));
    float32x4_t small = vfmaq_f32(vaddq_f32(pl, vdupq_n_f32(K1_LO)), vdupq_n_f32(K3_LO), x2h);
    tl = vaddq_f32(tl, vfmaq_f32(small, k3, x2l));
    float32x4_t vl, vh = two_prod_v4(x, th, &vl);
    *lo = vfmaq_f32(vl, x, tl);
    return vh;
}

static inline float32x4_t gelu_tanh_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f), floor = vdupq_n_f32(-120.0f);
    float32x4_t xc = vmaxq_f32(vdupq_n_f32(-20.0f), x);
    float32x4_t vl, vh = gelu_tanh_arg_v4(vminq_f32(vdupq_n_f32(20.0f), xc), &vl);
    uint32x4_t neg = sign_lanes_v4(x);
    float32x4_t zh = vmaxq_f32(floor, vnegq_f32(vabsq_f32(vh)));
    float32x4_t zl = vbslq_f32(neg, vl, vsubq_f32(vdupq_n_f32(0.0f), vl));
    float32x4_t n, r = reduce_v4(zh, &n);
    float32x4_t v = expm1_poly_v4(vaddq_f32(r, zl), 1.0f);
    float32x4_t s = pow2_v4(vmaxq_f32(vdupq_n_f32(-60.0f), n));
    float32x4_t e = vfmaq_f32(s, s, v);
    float32x4_t dh = vaddq_f32(one, e);
    float32x4_t dl = vaddq_f32(vsubq_f32(one, dh), e);
    float32x4_t num = vbslq_f32(neg, vfmaq_f32(xc, xc, v), xc);
    float32x4_t y = vdivq_f32(one, dh), q = vmulq_f32(num, y);
    float32x4_t res = vfmsq_f32(vfmsq_f32(num, q, dh), q, dl);
    q = vfmaq_f32(q, res, y);
    q = vbslq_f32(neg, scale_v4(q, n), q);
    return vbslq_f32(vcgtq_f32(x, vdupq_n_f32(20.0f)), x, q);
}

void act_gelu_tanh_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, gelu_tanh_v4); }

void act_gelu_tanh_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, gelu_tanh_v4);
}
