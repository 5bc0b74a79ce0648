/* f64_neon_sleef.h - the four modern activations in double on SLEEF's
 * double-precision AdvSIMD functions, 2 lanes per half, each result rounded
 * once to float32 (always inlined): kernels/avx2_sleef/f64_avx2_sleef.h's
 * formulas, which the scalar reference computes the same way. */
#ifndef ACT_F64_NEON_SLEEF_H
#define ACT_F64_NEON_SLEEF_H

#include <arm_neon.h>
#include <sleef.h>

typedef float64x2_t (*act_body_f64x2)(float64x2_t);

static inline __attribute__((always_inline)) float32x4_t f64_map_v4(float32x4_t x, act_body_f64x2 f)
{
    float64x2_t lo = f(vcvt_f64_f32(vget_low_f32(x)));
    float64x2_t hi = f(vcvt_high_f64_f32(x));
    return vcvt_high_f32_f64(vcvt_f32_f64(lo), hi);
}

/* max(a, x) that keeps a NaN x (FMAX returns NaN) */
static inline float64x2_t hold_f64x2(float64x2_t x, double a)
{
    return vmaxq_f64(vdupq_n_f64(a), x);
}

static inline float64x2_t gelu_f64x2(float64x2_t x)
{
    x = hold_f64x2(x, -40.0);
    float64x2_t e = Sleef_erfcd2_u15advsimd(vmulq_f64(x, vdupq_n_f64(-0.70710678118654752440)));
    return vmulq_f64(vmulq_f64(vdupq_n_f64(0.5), x), e);
}

static inline float64x2_t gelu_tanh_f64x2(float64x2_t x)
{
    float64x2_t c = vminq_f64(vdupq_n_f64(100.0), hold_f64x2(x, -100.0));
    float64x2_t u = vmulq_f64(vdupq_n_f64(0.79788456080286535588),
                              vfmaq_f64(c, vmulq_f64(vdupq_n_f64(0.044715), c), vmulq_f64(c, c)));
    float64x2_t e = Sleef_expd2_u10advsimd(vmulq_f64(vdupq_n_f64(-2.0), u));
    return vdivq_f64(hold_f64x2(x, -100.0), vaddq_f64(vdupq_n_f64(1.0), e));
}

static inline float64x2_t silu_f64x2(float64x2_t x)
{
    x = hold_f64x2(x, -800.0);
    float64x2_t e = Sleef_expd2_u10advsimd(vnegq_f64(x));
    return vdivq_f64(x, vaddq_f64(vdupq_n_f64(1.0), e));
}

static inline float64x2_t mish_f64x2(float64x2_t x)
{
    x = hold_f64x2(x, -800.0);
    float64x2_t sp =
        vaddq_f64(vmaxq_f64(x, vdupq_n_f64(0.0)),
                  Sleef_log1pd2_u10advsimd(Sleef_expd2_u10advsimd(vnegq_f64(vabsq_f64(x)))));
    return vmulq_f64(x, Sleef_tanhd2_u10advsimd(sp));
}

#endif
