/* softsign_neon.c - softsign, 4 lanes, Advanced SIMD: the steps of
 * kernels/avx2/softsign_avx2.c, so both tables give the same bits.
 *
 * softsign(x) = sign(x) * a / (1 + a) with a = |x|: 1 + a rounds once and the
 * division once. a is clamped to 2^40, where the quotient already rounds to
 * 1, so +-inf give +-1 instead of inf/inf. Subnormal x comes back unchanged.
 * The sign is put back at the end, so the kernel is exactly odd. Monotonic
 * only up to its ulp: see src/core/pipeline.h.
 *
 * Max error vs scalar: 1 ulp, the AVX2 kernel's bound over all 2^32 inputs
 * (this code gives its bits: the cross_isa test and README.md). */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(softsign, neon, 1, 0x1.6a09e8p-25f);

static inline float32x4_t softsign_v4(float32x4_t x)
{
    const uint32x4_t sign = vdupq_n_u32(0x80000000u);
    float32x4_t a = vminq_f32(vdupq_n_f32(0x1p40f), vabsq_f32(x)); /* FMIN keeps a NaN */
    uint32x4_t q = vreinterpretq_u32_f32(vdivq_f32(a, vaddq_f32(a, vdupq_n_f32(1.0f))));
    return vreinterpretq_f32_u32(vorrq_u32(q, vandq_u32(vreinterpretq_u32_f32(x), sign)));
}

void act_softsign_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, softsign_v4); }

void act_softsign_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, softsign_v4);
}
