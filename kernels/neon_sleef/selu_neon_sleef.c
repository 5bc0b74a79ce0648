/* selu_neon_sleef.c - selu, 4 lanes, on SLEEF's expm1f (u10, AdvSIMD).
 * scale * x for x > 0, scale * alpha * expm1(x) otherwise (TensorFlow's
 * constants). Each constant c is split into c_hi + c_lo (float32 each, so
 * c_hi + c_lo is c to about 2^-48) and c * v is fma(c_hi, v, c_lo * v): one
 * rounding, so a constant rounded to float32 costs no extra ulp. Large x
 * overflows to +inf as the reference's rounding does; NaN takes the expm1
 * side and stays NaN. The same steps as kernels/avx2_sleef/selu_avx2_sleef.c.
 * Measured against scalar under qemu on every 61st float32 bit pattern (70 million
 * inputs): max 1 ulp, at x = 0x1.1e6ap-133 (the bound declared in table_neon_sleef.c). */
#include <float.h>

#include <sleef.h>

#include "../neon/loop_neon.h"
#include "ops_neon_sleef.h"

ACT_BOUND(selu, neon_sleef, 1, 0x1.1e6ap-133f);

/* scale = 1.0507009873554805 and scale * alpha = 1.7580993408473766 (the
 * reference's doubles), each as the float32 nearest and the float32 rest */
#define SCALE_HI 0x1.0cfabep+0f
#define SCALE_LO -0x1.2adddap-25f
#define SA_HI 0x1.c212ccp+0f
#define SA_LO 0x1.903c0cp-26f

/* c * v as fma(c_hi, v, c_lo * w), w = v capped at FLT_MAX: at v = +inf the
 * small product stays finite (inf - inf would be NaN) and the sum is inf */
static inline float32x4_t mul_split(float hi, float lo, float32x4_t v)
{
    float32x4_t w = vminq_f32(v, vdupq_n_f32(FLT_MAX));
    return vfmaq_f32(vmulq_f32(vdupq_n_f32(lo), w), vdupq_n_f32(hi), v);
}

static inline float32x4_t selu_v4(float32x4_t x)
{
    float32x4_t neg = mul_split(SA_HI, SA_LO, Sleef_expm1f4_u10advsimd(x));
    return vbslq_f32(vcgtzq_f32(x), mul_split(SCALE_HI, SCALE_LO, x), neg);
}

void act_selu_neon_sleef(const float *x, float *y, size_t n) { map_v4(x, y, n, selu_v4); }

void act_selu_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, selu_v4);
}
