/* relu6_avx512.c - relu6, 16 lanes, bit-identical to scalar.
 *
 * Algorithm: relu as in relu_avx512.c, then min(6, r) (minps passes a NaN in
 * its second operand). The fused pass bins min(6, max(0, x)), which differs
 * only in keeping -0.0 (same bin; the range reports zero as +0.0).
 * Bound: exact (0 ULP). */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(relu6, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 relu6_v16(__m512 x)
{
    __mmask16 keep = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_NLE_UQ);
    return _mm512_min_ps(_mm512_set1_ps(6.0f), _mm512_maskz_mov_ps(keep, x));
}

static inline __m512 relu6_bin_v16(__m512 x)
{
    return _mm512_min_ps(_mm512_set1_ps(6.0f), _mm512_max_ps(_mm512_setzero_ps(), x));
}

void act_relu6_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, relu6_v16); }

void act_relu6_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                           struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, relu6_bin_v16);
}
