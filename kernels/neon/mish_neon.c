/* mish_neon.c - mish, 4 lanes, Advanced SIMD, in double (f64_neon.h): the steps
 * of kernels/avx2/mish_avx2.c, so both tables give the same bits.
 * tanh(softplus(x)) = n / (n + 2), n = u (u + 2), u = e^x with x clamped to
 * [-120, 20]; x held at -120 in the product (mish(-inf) = -0); one rounding.
 *
 * Max error vs scalar: 1 ULP, the AVX2 kernel's bound over all 2^32 inputs. */
#include "f64_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(mish, neon, 1, 0x1.6cdb2cp-23f);

static inline float64x2_t mish_f64x2(float64x2_t x)
{
    float64x2_t u = exp_f64x2(clamp_f64x2(x, -120.0, 20.0));
    float64x2_t n = vfmaq_f64(vaddq_f64(u, u), u, u);
    float64x2_t t = vmulq_f64(n, recip_f64x2(vaddq_f64(n, vdupq_n_f64(2.0))));
    return vmulq_f64(vmaxq_f64(vdupq_n_f64(-120.0), x), t);
}

static inline float32x4_t mish_v4(float32x4_t x) { return f64_map_v4(x, mish_f64x2); }

void act_mish_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, mish_v4); }

void act_mish_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, mish_v4);
}
