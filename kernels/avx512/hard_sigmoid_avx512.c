/* hard_sigmoid_avx512.c - hard_sigmoid, 16 lanes, bit-identical to scalar.
 *
 * Algorithm: the notebook's float32 steps, 0.2f * x rounded, + 0.5f rounded
 * (never one FMA), then min(1, max(0, line)): see hard_sigmoid_avx2.c for why
 * that equals the reference's pieces and passes NaN. Bound: exact (0 ULP). */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(hard_sigmoid, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 hard_sigmoid_v16(__m512 x)
{
    __m512 l = _mm512_add_ps(_mm512_mul_ps(_mm512_set1_ps(0.2f), x), _mm512_set1_ps(0.5f));
    return _mm512_min_ps(_mm512_set1_ps(1.0f), _mm512_max_ps(_mm512_setzero_ps(), l));
}

void act_hard_sigmoid_avx512(const float *x, float *y, size_t n)
{
    map_v16(x, y, n, hard_sigmoid_v16);
}

void act_hard_sigmoid_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                                  uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, hard_sigmoid_v16);
}
