/* selu_neon.c - selu, 4 lanes, Advanced SIMD with FMA: the steps of
 * kernels/avx2/selu_avx2.c, so both tables give the same bits.
 *
 * x > 0: scale * x, one rounding (inf above FLT_MAX / scale, as the rounded
 * true value). Otherwise sa * (e^x - 1) with sa = scale * alpha, written
 * (sa*s)*v + sa*(s - 1): sa*s is exact (s is a power of 2) and the last step
 * is one FMA, so near 0 the result is sa*v rounded once; below -17.3 it
 * saturates at -sa. x is clamped to -30 first, which keeps s normal. The
 * select uses x's sign bit, as in elu.
 *
 * Max error vs scalar: 2 ulp, the AVX2 kernel's bound over all 2^32 inputs
 * (this code gives its bits: the cross_isa test and README.md). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(selu, neon, 2, -0x1.00003p-23f);

static inline float32x4_t selu_v4(float32x4_t x)
{
    /* scale = 1.0507009873554805 and sa = scale * 1.6732632423543772, rounded to float */
    const float32x4_t scale = vdupq_n_f32(0x1.0cfabep+0f), sa = vdupq_n_f32(0x1.c212ccp+0f);
    float32x4_t z = vmaxq_f32(vdupq_n_f32(-30.0f), x); /* FMAX keeps a NaN */
    float32x4_t s;
    float32x4_t r = exp_reduce_short_v4(z, 1.0f, 127, &s);
    float32x4_t v = expm1_poly_v4(r, 1.0f);
    /* (sa*s)*v + (s*sa - sa) */
    float32x4_t neg = vfmaq_f32(vfmaq_f32(vnegq_f32(sa), s, sa), vmulq_f32(s, sa), v);
    return vbslq_f32(sign_mask_v4(x), neg, vmulq_f32(x, scale));
}

void act_selu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, selu_v4); }

void act_selu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, selu_v4);
}
