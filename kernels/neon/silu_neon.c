/* silu_neon.c - silu (swish), 4 lanes, Advanced SIMD, in float32.
 *
 * Algorithm: kernels/avx512/silu_avx512.c's steps, 4 lanes, operation for
 * operation (f32_neon.h repeats f32_avx512.h), so the same bits as the
 * AVX-512 and AVX2 tables.
 *
 * Bound: 2 ULP vs scalar, the x86 tables' (the same bits: cross_isa
 * compares the digests), first reached at x = -0x1.26ac78p-2. */
#include "exp_neon.h"
#include "f32_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(silu, neon, 2, -0x1.26ac78p-2f);

static inline float32x4_t silu_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f), floor = vdupq_n_f32(-120.0f);
    /* FMAX keeps a NaN */
    float32x4_t xc = vmaxq_f32(floor, x);
    float32x4_t z = vmaxq_f32(floor, vnegq_f32(vabsq_f32(xc)));
    float32x4_t n, r = reduce_v4(z, &n);
    float32x4_t v = expm1_poly_v4(r, 1.0f);
    float32x4_t s = pow2_v4(vmaxq_f32(vdupq_n_f32(-60.0f), n));
    float32x4_t e = vfmaq_f32(s, s, v);
    float32x4_t dh = vaddq_f32(one, e);
    float32x4_t dl = vaddq_f32(vsubq_f32(one, dh), e);
    uint32x4_t neg = vcltq_f32(xc, vdupq_n_f32(0.0f));
    float32x4_t num = vbslq_f32(neg, vfmaq_f32(xc, xc, v), xc);
    float32x4_t y = vdivq_f32(one, dh), q = vmulq_f32(num, y);
    float32x4_t res = vfmsq_f32(vfmsq_f32(num, q, dh), q, dl);
    q = vfmaq_f32(q, res, y);
    q = vbslq_f32(neg, scale_v4(q, n), q);
    return vbslq_f32(vcgtq_f32(x, vdupq_n_f32(120.0f)), x, q);
}

void act_silu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, silu_v4); }

void act_silu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, silu_v4);
}
