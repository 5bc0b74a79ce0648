/* relu_avx2.c - relu, 8 lanes, bit-identical to scalar.
 * Clears every lane where x <= 0 (ordered: a NaN lane compares false and
 * passes through), so -0.0 becomes +0.0 as in the reference. The fused pass
 * bins max(0, x) instead, one instruction: it differs only in giving -0.0 for
 * -0.0, which falls in the same bin and is reported as +0.0 in the range (maxps
 * returns its second operand for a NaN, so NaN still passes). */
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(relu, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 relu_v8(__m256 x)
{
    __m256 nonpos = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_LE_OQ);
    return _mm256_andnot_ps(nonpos, x);
}

static inline __m256 relu_bin_v8(__m256 x) { return _mm256_max_ps(_mm256_setzero_ps(), x); }

void act_relu_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, relu_v8); }

void act_relu_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, relu_bin_v8);
}
