/* relu6_avx2.c - relu6, 8 lanes, bit-identical to scalar.
 * relu as in relu_avx2.c, then min(6, r): minps returns its second operand
 * when either is NaN, so NaN passes through. The fused pass bins
 * min(6, max(0, x)), which differs only in keeping -0.0 (same bin, and the
 * range reports zero as +0.0). */
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(relu6, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 relu6_v8(__m256 x)
{
    __m256 nonpos = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_LE_OQ);
    return _mm256_min_ps(_mm256_set1_ps(6.0f), _mm256_andnot_ps(nonpos, x));
}

static inline __m256 relu6_bin_v8(__m256 x)
{
    return _mm256_min_ps(_mm256_set1_ps(6.0f), _mm256_max_ps(_mm256_setzero_ps(), x));
}

void act_relu6_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, relu6_v8); }

void act_relu6_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                         struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, relu6_bin_v8);
}
