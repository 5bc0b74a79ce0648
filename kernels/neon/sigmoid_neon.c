/* sigmoid_neon.c - sigmoid, 4 lanes, Advanced SIMD with FMA: the steps of
 * kernels/avx2/sigmoid_avx2.c (see it for the reasoning), so both tables give
 * the same bits.
 *
 * sigmoid(x) = c / (c + c*e^-x) with c = 2^-30, one formula for both signs.
 * x is clamped to [-104, 18] (the result rounds to 0 and 1 beyond), which
 * keeps s = 2^(n - 30) normal; the denominator is one FMA and one division
 * rounds the quotient, straight into the subnormals below x = -87.3. FMAX and
 * FMIN keep a NaN, so NaN passes the clamp.
 *
 * Max error vs scalar: 2 ulp, the AVX2 kernel's bound over all 2^32 inputs
 * (this code gives its bits: the cross_isa test and README.md). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(sigmoid, neon, 2, -0x1.194dcep+0f);

static inline float32x4_t sigmoid_v4(float32x4_t x)
{
    const float32x4_t c = vdupq_n_f32(0x1p-30f);
    float32x4_t z = vminq_f32(vdupq_n_f32(18.0f), vmaxq_f32(vdupq_n_f32(-104.0f), x));
    float32x4_t s;
    float32x4_t r = exp_reduce_v4(z, -1.0f, 127 - 30, &s);
    float32x4_t v = expm1_poly_v4(r, -1.0f);
    float32x4_t d = vfmaq_f32(vaddq_f32(s, c), s, v);
    return vdivq_f32(c, d);
}

void act_sigmoid_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, sigmoid_v4); }

void act_sigmoid_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                           struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, sigmoid_v4);
}
