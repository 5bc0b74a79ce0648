/* silu_avx2_sleef.c - silu, 8 lanes, in double on SLEEF's double-precision
 * vector functions (f64_avx2_sleef.h), rounded once: the scalar reference's
 * formula, so within an ulp where SLEEF's float32 functions were not (up to
 * 214 ulp in the negative tails, from the argument's rounding).
 * Measured against scalar over all 2^32 inputs: the bound below
 * (`actent verify --exhaustive --isa avx2-sleef --activations silu`). */
#include "../avx2/loop_avx2.h"
#include "f64_avx2_sleef.h"
#include "ops_avx2_sleef.h"

ACT_BOUND(silu, avx2_sleef, 0, 0.0f); /* measured: the scalar reference's bits */

static inline __m256 silu_v8(__m256 x) { return f64_map_v8(x, silu_f64x4); }

void act_silu_avx2_sleef(const float *x, float *y, size_t n) { map_v8(x, y, n, silu_v8); }

void act_silu_hist_avx2_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, silu_v8);
}
