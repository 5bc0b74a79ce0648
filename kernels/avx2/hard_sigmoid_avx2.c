/* hard_sigmoid_avx2.c - hard_sigmoid, 8 lanes, bit-identical to scalar.
 * The notebook's float32 steps: 0.2f * x rounded, + 0.5f rounded (a separate
 * multiply and add, never an FMA). Both roundings are monotonic and the line
 * is exactly 0 at -2.5 and 1 at 2.5, so the reference's "0 below -2.5, 1 above
 * 2.5" is min(1, max(0, line)); the line is never -0.0, and with the line as
 * the second operand maxps and minps pass a NaN through. */
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(hard_sigmoid, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 hard_sigmoid_v8(__m256 x)
{
    __m256 l = _mm256_add_ps(_mm256_mul_ps(_mm256_set1_ps(0.2f), x), _mm256_set1_ps(0.5f));
    return _mm256_min_ps(_mm256_set1_ps(1.0f), _mm256_max_ps(_mm256_setzero_ps(), l));
}

void act_hard_sigmoid_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, hard_sigmoid_v8); }

void act_hard_sigmoid_hist_avx2(const float *x, size_t n, const struct act_edges *e,
                                uint64_t *counts, struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, hard_sigmoid_v8);
}
