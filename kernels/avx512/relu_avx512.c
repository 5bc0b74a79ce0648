/* relu_avx512.c - relu, 16 lanes, bit-identical to scalar.
 *
 * Algorithm: a compare into a mask register (x > 0, ordered: false for x <= 0,
 * true for NaN via the unordered not-less-equal predicate) and a zero-masked
 * move, so -0.0 becomes +0.0 and NaN passes, as in the reference. The fused
 * pass bins max(0, x) instead: it differs only in giving -0.0 for -0.0, the
 * same bin, reported as +0.0 in the range. Bound: exact (0 ULP). */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(relu, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 relu_v16(__m512 x)
{
    __mmask16 keep = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_NLE_UQ);
    return _mm512_maskz_mov_ps(keep, x);
}

static inline __m512 relu_bin_v16(__m512 x) { return _mm512_max_ps(_mm512_setzero_ps(), x); }

void act_relu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, relu_v16); }

void act_relu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, relu_bin_v16);
}
