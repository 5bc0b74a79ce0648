/* silu_neon.c - silu (swish), 4 lanes, Advanced SIMD, in double (f64_neon.h):
 * the steps of kernels/avx2/silu_avx2.c, so both tables give the same bits.
 * x * sigmoid(x), the sigmoid from e^-|x| with x clamped to [-120, 40], x held
 * at -120 in the product (silu(-inf) = -0); one rounding to float32.
 *
 * Max error vs scalar: 1 ULP, the AVX2 kernel's bound over all 2^32 inputs. */
#include "f64_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(silu, neon, 1, 0x1.6a09e8p-24f);

static inline float64x2_t silu_f64x2(float64x2_t x)
{
    float64x2_t s = sigmoid_f64x2(clamp_f64x2(x, -120.0, 40.0));
    return vmulq_f64(vmaxq_f64(vdupq_n_f64(-120.0), x), s);
}

static inline float32x4_t silu_v4(float32x4_t x) { return f64_map_v4(x, silu_f64x2); }

void act_silu_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, silu_v4); }

void act_silu_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, silu_v4);
}
