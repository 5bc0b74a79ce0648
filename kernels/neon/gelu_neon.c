/* gelu_neon.c - gelu (erf form), 4 lanes, Advanced SIMD, in double (f64_neon.h):
 * the steps of kernels/avx2/gelu_avx2.c, so both tables give the same bits.
 * x * Phi(x) with q = Phi(-|x|) = e^(-a^2/2) R(a), R a polynomial in
 * (a - 3)/(a + 3) over (a + 3); x * q for x < 0, x * (1 - q) otherwise; a
 * clamped to 15 and x held at -15 in the product (gelu(-inf) = -0).
 *
 * Max error vs scalar: 1 ULP, the AVX2 kernel's bound over all 2^32 inputs. */
#include "f64_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(gelu, neon, 1, 0x1.8p-148f);

/* R(a) * (a + 3) as a polynomial in z (the coefficients of gelu_avx2.c) */
static inline float64x2_t gelu_r_f64x2(float64x2_t z)
{
    static const double c[11] = {
        0x1.754a751c6bf63p-1,  -0x1.04c729abd2c0dp-1,  0x1.d7138503faf21p-3,
        -0x1.832d0a69e4ff7p-5, -0x1.56d5eb517d485p-7,  0x1.c8bda48023569p-8,
        0x1.0ca213541be2fp-10, -0x1.0eaedcfee4689p-10, -0x1.009e41089a710p-12,
        0x1.136b8facedd3ep-13, 0x1.c916dc2273b8cp-15,
    };
    float64x2_t g = vdupq_n_f64(c[10]);
    for (int i = 9; i >= 0; i--)
        g = vfmaq_f64(vdupq_n_f64(c[i]), g, z);
    return g;
}

static inline float64x2_t gelu_f64x2(float64x2_t x)
{
    float64x2_t a = vminq_f64(vdupq_n_f64(15.0), vabsq_f64(x));
    float64x2_t inv = recip_f64x2(vaddq_f64(a, vdupq_n_f64(3.0)));
    float64x2_t z = vmulq_f64(vsubq_f64(a, vdupq_n_f64(3.0)), inv);
    float64x2_t r = vmulq_f64(gelu_r_f64x2(z), inv);
    float64x2_t q = vmulq_f64(exp_f64x2(vmulq_f64(vmulq_f64(a, a), vdupq_n_f64(-0.5))), r);
    /* x's sign bit picks q (x < 0, and -0) or 1 - q */
    float64x2_t w = vbslq_f64(sign_mask_f64x2(x), q, vsubq_f64(vdupq_n_f64(1.0), q));
    return vmulq_f64(vmaxq_f64(vdupq_n_f64(-15.0), x), w);
}

static inline float32x4_t gelu_v4(float32x4_t x) { return f64_map_v4(x, gelu_f64x2); }

void act_gelu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, gelu_v4); }

void act_gelu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, gelu_v4);
}
