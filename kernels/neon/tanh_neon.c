/* tanh_neon.c - tanh, 4 lanes, Advanced SIMD with FMA: the steps of
 * kernels/avx2/tanh_avx2.c, so both tables give the same bits.
 *
 * tanh(a) = (1 - E) / (1 + E) with a = |x| and E = e^-2a = s*(1 + v), the
 * sign put back at the end (exactly odd; -0.0 stays -0.0). Numerator and
 * denominator are one FMA each, and the numerator keeps full relative
 * accuracy as a -> 0, where it is -v. a is clamped to 9.1, past which tanh
 * rounds to 1. Subnormal x comes back unchanged.
 *
 * Max error vs scalar: 2 ulp, the AVX2 kernel's bound over all 2^32 inputs
 * (this code gives its bits: the cross_isa test and README.md). */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(tanh, neon, 2, 0x1.f86d5ep-7f);

static inline float32x4_t tanh_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    const uint32x4_t sign = vdupq_n_u32(0x80000000u);
    float32x4_t a = vminq_f32(vdupq_n_f32(9.1f), vabsq_f32(x)); /* FMIN keeps a NaN */
    float32x4_t s;
    float32x4_t r = exp_reduce_short_v4(vaddq_f32(a, a), -1.0f, 127, &s);
    float32x4_t v = expm1_poly_v4(r, -1.0f);
    float32x4_t num = vfmsq_f32(vsubq_f32(one, s), s, v);
    float32x4_t den = vfmaq_f32(vaddq_f32(one, s), s, v);
    uint32x4_t t = vreinterpretq_u32_f32(vdivq_f32(num, den));
    return vreinterpretq_f32_u32(vorrq_u32(t, vandq_u32(vreinterpretq_u32_f32(x), sign)));
}

void act_tanh_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, tanh_v4); }

void act_tanh_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, tanh_v4);
}
