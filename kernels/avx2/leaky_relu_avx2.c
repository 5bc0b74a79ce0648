/* leaky_relu_avx2.c - leaky_relu (alpha 0.2), 8 lanes, bit-identical to scalar.
 * max(x, 0.2f * x): for x > 0 the product is smaller, for x < 0 larger, and
 * where they are equal (+-0, +-inf) they are the same bits; the product is
 * rounded once, as in the reference. maxps returns its second operand, the
 * product, for a NaN: the reference's 0.2f * x. */
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(leaky_relu, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 leaky_relu_v8(__m256 x)
{
    return _mm256_max_ps(x, _mm256_mul_ps(x, _mm256_set1_ps(0.2f)));
}

void act_leaky_relu_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, leaky_relu_v8); }

void act_leaky_relu_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, leaky_relu_v8);
}
