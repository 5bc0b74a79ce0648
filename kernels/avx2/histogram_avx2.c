/* histogram_avx2.c - both numpy histogram modes, 8 lanes at a time, on the binning
 * machinery of bins_avx2.h / bins_avx2.c.
 *
 * Given edges: map_hist_v8 with the identity. Uniform (np.histogram bins=K): numpy's float32
 * estimate, then one step down and one up against the float32 edges. When that estimate is
 * never more than one bin off (checked per call at every edge, as for the margins), its result
 * is the bin by the float32 edges, so the given-edges machinery counts it; otherwise, and for
 * the double-precision variants (wide_sub, wide_norm), numpy's steps are repeated lane by lane. */
#include "loop_avx2.h"
#include "../scalar/ops_scalar.h"
#include "ops_avx2.h"

static inline __m256 identity_v8(__m256 x) { return x; }

void act_hist_edges_avx2(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    struct act_seen s = {INFINITY, -INFINITY, 0};
    map_hist_v8(y, n, e, counts, &s, identity_v8);
}

/* numpy's steps, lane by lane */
static void uniform_steps(const float *y, size_t n, const struct act_edges *e, uint64_t *counts,
                          float lo_keep, float hi_keep)
{
    const __m256 first = _mm256_set1_ps(e->first32), norm = _mm256_set1_ps(e->norm32);
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

void act_hist_uniform_avx2(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    if (e->wide_sub || e->wide_norm) { /* numpy's double steps: the definition, value by value */
        act_hist_uniform_scalar(y, n, e, counts);
        return;
    }
    /* numpy keeps first <= v <= last: e->keep_lo <= v <= e->keep_hi as floats */
    float lo_keep = e->keep_lo, hi_keep = e->keep_hi;
    struct bins_v8 b;
    act_bins_init_avx2(&b, e->nbins, e->first, e->last, e->edge32, lo_keep, hi_keep);
    if (b.layout && e->uniform_near) {
        float lo, hi;
        uint64_t nan;
        if (b.layout == 1 && bins_run(&b, y, n, counts, &lo, &hi, &nan, 1, identity_v8))
            return;
        if (b.layout == 2 && bins_run(&b, y, n, counts, &lo, &hi, &nan, 2, identity_v8))
            return;
    }
    uniform_steps(y, n, e, counts, lo_keep, hi_keep);
}
