/* leaky_relu_avx512.c - leaky_relu (alpha 0.2), 16 lanes, bit-identical to scalar.
 *
 * Algorithm: max(x, 0.2f * x), the product rounded once as in the reference;
 * see leaky_relu_avx2.c for why that is the reference everywhere, NaN
 * included. Bound: exact (0 ULP). */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(leaky_relu, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 leaky_relu_v16(__m512 x)
{
    return _mm512_max_ps(x, _mm512_mul_ps(x, _mm512_set1_ps(0.2f)));
}

void act_leaky_relu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, leaky_relu_v16); }

void act_leaky_relu_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                                uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, leaky_relu_v16);
}
