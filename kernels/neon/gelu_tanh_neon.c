/* gelu_tanh_neon.c - gelu, tanh approximation, 4 lanes, Advanced SIMD, in double
 * (f64_neon.h): the steps of kernels/avx2/gelu_tanh_avx2.c, so both tables give
 * the same bits. x * sigmoid(2u), 2u = x * (k1 + k2 x^2) in double with x
 * clamped to [-12, 12] (no overflow in x^3), x held at -12 in the product
 * (gelu_tanh(-inf) = -0); one rounding to float32.
 *
 * Max error vs scalar: 1 ULP, the AVX2 kernel's bound over all 2^32 inputs. */
#include "f64_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(gelu_tanh, neon, 1, 0x1.954eccp-25f);

static inline float64x2_t gelu_tanh_f64x2(float64x2_t x)
{
    const double k1 = 1.5957691216057307117, k2 = k1 * 0.044715;
    float64x2_t c = clamp_f64x2(x, -12.0, 12.0);
    float64x2_t p = vfmaq_f64(vdupq_n_f64(k1), vdupq_n_f64(k2), vmulq_f64(c, c));
    float64x2_t s = sigmoid_f64x2(vmulq_f64(c, p));
    return vmulq_f64(vmaxq_f64(vdupq_n_f64(-12.0), x), s);
}

static inline float32x4_t gelu_tanh_v4(float32x4_t x) { return f64_map_v4(x, gelu_tanh_f64x2); }

void act_gelu_tanh_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, gelu_tanh_v4); }

void act_gelu_tanh_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, gelu_tanh_v4);
}
