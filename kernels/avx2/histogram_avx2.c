/* histogram_avx2.c - both numpy histogram modes, 8 lanes at a time.
 * Given edges: the exact binning of loop_avx2.h. Uniform (np.histogram bins=K):
 * numpy's float32 steps, estimate then one step down and one up against the
 * float32 edges; the rare double-precision variants (wide_sub, wide_norm) go
 * to the scalar definition. */
#include "loop_avx2.h"
#include "ops_avx2.h"

void act_hist_edges_avx2(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    struct bins_v8 b = bins_v8_init(e);
    const __m256 all = _mm256_castsi256_ps(_mm256_set1_epi32(-1));
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        bin_v8(&b, e, _mm256_loadu_ps(y + i), all, counts);
    if (i < n) {
        __m256i m = tail_mask_v8(n - i);
        bin_v8(&b, e, _mm256_maskload_ps(y + i, m), _mm256_castsi256_ps(m), counts);
    }
}

void act_hist_uniform_avx2(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    if (e->wide_sub || e->wide_norm) {
        for (size_t i = 0; i < n; i++) {
            size_t bin;
            if (bin_uniform_scalar(y[i], e, &bin))
                counts[bin]++;
        }
        return;
    }
    /* numpy keeps first <= v <= last, compared as doubles: as floats, against
     * the float32 thresholds at or inside those bounds */
    const __m256 first = _mm256_set1_ps(e->first32), norm = _mm256_set1_ps(e->norm32);
    float lo_keep = (double)(float)e->first >= e->first ? (float)e->first
                                                        : nextafterf((float)e->first, INFINITY);
    float hi_keep = (double)(float)e->last <= e->last ? (float)e->last
                                                      : nextafterf((float)e->last, -INFINITY);
    const __m256 keep_lo = _mm256_set1_ps(lo_keep), keep_hi = _mm256_set1_ps(hi_keep);
    const __m256i zero = _mm256_setzero_si256(), one = _mm256_set1_epi32(1);
    const __m256i last = _mm256_set1_epi32((int)e->nbins - 1);
    const __m256 flast = _mm256_set1_ps((float)(e->nbins - 1));
    for (size_t i = 0; i < n; i += 8) {
        __m256i m = tail_mask_v8(n - i < 8 ? n - i : 8);
        __m256 v = _mm256_maskload_ps(y + i, m);
        __m256 keep = _mm256_and_ps(_mm256_castsi256_ps(m),
                                    _mm256_and_ps(_mm256_cmp_ps(v, keep_lo, _CMP_GE_OQ),
                                                  _mm256_cmp_ps(v, keep_hi, _CMP_LE_OQ)));
        int km = _mm256_movemask_ps(keep);
        if (!km)
            continue;
        /* separate multiply and subtract: numpy rounds each step */
        __m256 f = _mm256_mul_ps(_mm256_sub_ps(v, first), norm);
        /* as the scalar guard: NaN -> 0, beyond the last bin -> the last bin */
        __m256i k = _mm256_cvttps_epi32(_mm256_min_ps(flast, f));
        k = _mm256_min_epi32(_mm256_max_epi32(k, zero), last);
        __m256 el = _mm256_i32gather_ps(e->edge32, k, 4);
        __m256i down = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, el, _CMP_LT_OQ)),
                                        _mm256_cmpgt_epi32(k, zero));
        k = _mm256_sub_epi32(k, _mm256_and_si256(down, one));
        __m256 eh = _mm256_i32gather_ps(e->edge32, _mm256_add_epi32(k, one), 4);
        __m256i up = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, eh, _CMP_GE_OQ)),
                                      _mm256_cmpgt_epi32(last, k));
        k = _mm256_add_epi32(k, _mm256_and_si256(up, one));
        int idx[8];
        _mm256_storeu_si256((__m256i *)idx, k);
        for (int l = 0; l < 8; l++)
            if (km >> l & 1)
                counts[idx[l]]++;
    }
}
