/* histogram_avx512.c - both numpy histogram modes, 16 lanes.
 *
 * Algorithm: given edges is map_hist_v16 with the identity (bins_avx512.h). Uniform mode
 * (np.histogram bins=K): numpy's float32 estimate, then one step down and one up against the
 * float32 edges. When that estimate is never more than one bin off (checked per call at every
 * edge), its result is the bin by the float32 edges, so the given-edges machinery counts it;
 * otherwise numpy's steps are repeated 16 lanes at a time, the edges looked up by vpermt2ps
 * (up to 63 bins, gathers beyond), and the double-precision variants (wide_sub, wide_norm)
 * lane by lane in scalar. Bound: exact (the scalar path's bins); worst input: edges numpy's
 * estimate misses by more than a bin (the lane-by-lane steps, about 10x slower). */
#include "loop_avx512.h"
#include "../scalar/ops_scalar.h"
#include "ops_avx512.h"

static inline __m512 identity_v16(__m512 x) { return x; }

void act_hist_edges_avx512(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    struct act_seen s = {INFINITY, -INFINITY, 0};
    map_hist_v16(y, n, e, counts, &s, identity_v16);
}

/* numpy's steps, 16 lanes at a time */
static void uniform_steps(const float *y, size_t n, const struct act_edges *e, uint64_t *counts,
                          float lo_keep, float hi_keep)
{
    const __m512 first = _mm512_set1_ps(e->first32), norm = _mm512_set1_ps(e->norm32);
    const __m512 keep_lo = _mm512_set1_ps(lo_keep), keep_hi = _mm512_set1_ps(hi_keep);
    const __m512i zero = _mm512_setzero_si512(), one = _mm512_set1_epi32(1);
    const __m512i last = _mm512_set1_epi32((int)e->nbins - 1);
    const __m512 flast = _mm512_set1_ps((float)(e->nbins - 1));
    bool small = e->nbins + 1 <= 64;
    struct lut64 lut = lut64_load(e->edge32, small ? e->nbins + 1 : 0);
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = tail_mask_v16(n - i < 16 ? n - i : 16);
        __m512 v = _mm512_maskz_loadu_ps(m, y + i);
        __mmask16 keep = _mm512_mask_cmp_ps_mask(m, v, keep_lo, _CMP_GE_OQ) &
                         _mm512_cmp_ps_mask(v, keep_hi, _CMP_LE_OQ);
        if (!keep)
            continue;
        /* separate multiply and subtract: numpy rounds each step */
        __m512 f = _mm512_mul_ps(_mm512_sub_ps(v, first), norm);
        /* as the scalar guard: NaN -> 0, beyond the last bin -> the last bin */
        __m512i k = _mm512_cvttps_epi32(_mm512_min_ps(flast, f));
        k = _mm512_min_epi32(_mm512_max_epi32(k, zero), last);
        __m512 el = thresh_at(&lut, small, e->edge32, k);
        __mmask16 down = _mm512_cmp_ps_mask(v, el, _CMP_LT_OQ) & _mm512_cmpgt_epi32_mask(k, zero);
        k = _mm512_mask_sub_epi32(k, down, k, one);
        __m512 eh = thresh_at(&lut, small, e->edge32, _mm512_add_epi32(k, one));
        __mmask16 up = _mm512_cmp_ps_mask(v, eh, _CMP_GE_OQ) & _mm512_cmpgt_epi32_mask(last, k);
        k = _mm512_mask_add_epi32(k, up, k, one);
        int idx[16];
        _mm512_storeu_si512(idx, k);
        for (int l = 0; l < 16; l++)
            if (keep >> l & 1)
                counts[idx[l]]++;
    }
}

void act_hist_uniform_avx512(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    if (e->wide_sub || e->wide_norm) { /* numpy's double steps: the definition, value by value */
        act_hist_uniform_scalar(y, n, e, counts);
        return;
    }
    /* numpy keeps first <= v <= last: e->keep_lo <= v <= e->keep_hi as floats */
    float lo_keep = e->keep_lo, hi_keep = e->keep_hi;
    struct bins_v16 b;
    act_bins_init_avx512(&b, e->nbins, e->first, e->last, e->edge32, lo_keep, hi_keep);
    if (b.ok && e->uniform_near) {
        float lo, hi;
        uint64_t nan;
        if (bins16_run(&b, y, n, counts, &lo, &hi, &nan, identity_v16))
            return;
    }
    uniform_steps(y, n, e, counts, lo_keep, hi_keep);
}
