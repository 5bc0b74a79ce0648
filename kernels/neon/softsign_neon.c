/* softsign_neon.c - softsign x / (1 + |x|), 4 lanes, Advanced SIMD with FMA.
 * 1 + |x| is split exactly (Fast2Sum on the larger and the smaller) and the
 * quotient corrected by its residual, so the result is rounded about once.
 * |x| is clamped at 2^26, beyond which the quotient rounds to 1: +-inf give
 * +-1 and nothing overflows. The sign comes from x, so -0.0 stays -0.0.
 * Max error vs scalar: 1 ulp, e.g. at x = 0x1.bb67bp-24, over all 2^32 inputs of a
 * float32 model of these steps (tests/model_f32.c, `model_f32 sweep 1 1` on
 * x86-64), which agrees with this code bit for bit under qemu (model_agrees);
 * 32 inputs reach it. Monotonic only up to that ulp: see src/pipeline.h. */
#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

static inline float32x4_t softsign_v4(float32x4_t x)
{
    const float32x4_t one = vdupq_n_f32(1.0f);
    float32x4_t a = vminq_f32(vabsq_f32(x), vdupq_n_f32(0x1p26f)); /* FMIN keeps a NaN */
    float32x4_t d = vaddq_f32(one, a);
    float32x4_t dl = vaddq_f32(vsubq_f32(vmaxq_f32(one, a), d), vminq_f32(one, a));
    return copysign_v4(div_corr_v4(a, vdupq_n_f32(0.0f), d, dl), x);
}

void act_softsign_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, softsign_v4); }

void act_softsign_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, softsign_v4);
}
