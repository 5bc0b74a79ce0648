/* elu_neon.c - elu (alpha 1), 4 lanes, Advanced SIMD with FMA: the steps of
 * kernels/avx2/elu_avx2.c, so both tables give the same bits.
 *
 * x > 0: x. Otherwise e^x - 1 = s*v + (s - 1): one FMA, with s - 1 exact
 * while n >= -24, so the result keeps full relative accuracy as x -> 0 (it
 * is v, and v = x for subnormal x) and saturates at -1 below x = -17.3. x is
 * clamped to -30 first, which keeps s normal. The select uses x's sign bit:
 * +0.0 gives x and -0.0 the e^x - 1 branch (also 0), and NaN gives NaN.
 *
 * Max error vs scalar: 1 ulp, the AVX2 kernel's bound over all 2^32 inputs
 * (this code gives its bits: the cross_isa test and README.md). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(elu, neon, 1, -0x1.bb67bp-23f);

static inline float32x4_t elu_v4(float32x4_t x)
{
    float32x4_t z = vmaxq_f32(vdupq_n_f32(-30.0f), x); /* FMAX keeps a NaN */
    float32x4_t s;
    float32x4_t r = exp_reduce_short_v4(z, 1.0f, 127, &s);
    float32x4_t v = expm1_poly_v4(r, 1.0f);
    float32x4_t em1 = vfmaq_f32(vsubq_f32(s, vdupq_n_f32(1.0f)), s, v);
    return vbslq_f32(sign_mask_v4(x), em1, x);
}

void act_elu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, elu_v4); }

void act_elu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                       struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, elu_v4);
}
