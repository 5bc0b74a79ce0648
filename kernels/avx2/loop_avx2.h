/* loop_avx2.h - the loops every AVX2 activation shares, always inlined.
 *
 * map_v8: y = f(x), 8 lanes at a time. The tail goes through the *same* vector
 * body on a masked load (absent lanes read as 0.0) and a masked store, so a
 * value's result never depends on its position in the array.
 *
 * map_hist_v8: the fused pass. f(x) is never written out: it passes through a
 * buffer of two 256-value blocks (this one and the next, computed beside this
 * one's counting) and is binned by bins_avx2.h: an exact estimate of each
 * value's bin from one FMA, one-hot bits summed in registers, and the rare
 * lanes next to an edge rebinned by the definition. The range it reports is the
 * min and max of f(x) tracked in the same sweep (two min/max per vector);
 * src/core/pipeline.c compares it with the range it predicted and repeats the pass
 * when they differ, and the binning uses it to check that no value lay outside
 * the edges. More than 64 bins, edges too close together for the estimate, or
 * values outside the edges go through the general path below: the same
 * estimate checked against the thresholds with gathers, counted lane by lane. */
#ifndef ACT_LOOP_AVX2_H
#define ACT_LOOP_AVX2_H

#include <immintrin.h>
#include <math.h>

#include "../kernels.h"
#include "../scalar/bin_scalar.h"
#include "bins_avx2.h"

static inline __attribute__((always_inline)) void map_v8(const float *x, float *y, size_t n,
                                                         act_body_v8 f)
{
    size_t i = 0;
    /* four independent vectors per iteration: with the scheduling pass the
     * AVX2 folder is built with (cmake/kernels.cmake), their long chains
     * interleave */
    for (; i + 32 <= n; i += 32) {
        __m256 a = f(_mm256_loadu_ps(x + i)), b = f(_mm256_loadu_ps(x + i + 8));
        __m256 c = f(_mm256_loadu_ps(x + i + 16)), d = f(_mm256_loadu_ps(x + i + 24));
        _mm256_storeu_ps(y + i, a);
        _mm256_storeu_ps(y + i + 8, b);
        _mm256_storeu_ps(y + i + 16, c);
        _mm256_storeu_ps(y + i + 24, d);
    }
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i)));
    if (i < n) {
        __m256i m = tail_mask_v8(n - i);
        _mm256_maskstore_ps(y + i, m, f(_mm256_maskload_ps(x + i, m)));
    }
}

/* map_v8 two vectors deep, for a body that needs most of AVX2's sixteen
 * registers itself (gelu's table lookups): four would spill */
static inline __attribute__((always_inline)) void map2_v8(const float *x, float *y, size_t n,
                                                          act_body_v8 f)
{
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 a = f(_mm256_loadu_ps(x + i)), b = f(_mm256_loadu_ps(x + i + 8));
        _mm256_storeu_ps(y + i, a);
        _mm256_storeu_ps(y + i + 8, b);
    }
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i)));
    if (i < n) {
        __m256i m = tail_mask_v8(n - i);
        _mm256_maskstore_ps(y + i, m, f(_mm256_maskload_ps(x + i, m)));
    }
}

/* General path, per-call constants. */
struct slow_v8 {
    __m256 lo, top, scale; /* thresh[0], thresh_hi, nbins / (hi - lo) */
    __m256i last;          /* nbins - 1 */
    const float *thresh;
};

static inline struct slow_v8 slow_v8_init(const struct act_edges *e)
{
    struct slow_v8 b;
    b.lo = _mm256_set1_ps(e->thresh[0]);
    b.top = _mm256_set1_ps(e->thresh_hi);
    b.scale = _mm256_set1_ps((float)((double)e->nbins / (e->hi - e->lo)));
    b.last = _mm256_set1_epi32((int)e->nbins - 1);
    b.thresh = e->thresh;
    return b;
}

/* General path: adds the 8 lanes of v selected by `live` to counts. */
static inline void slow_bin_v8(const struct slow_v8 *b, const struct act_edges *e, __m256 v,
                               __m256 live, uint64_t *counts)
{
    const __m256i zero = _mm256_setzero_si256(), one = _mm256_set1_epi32(1);
    __m256 in = _mm256_and_ps(live, _mm256_and_ps(_mm256_cmp_ps(v, b->lo, _CMP_GE_OQ),
                                                  _mm256_cmp_ps(v, b->top, _CMP_LE_OQ)));
    int inmask = _mm256_movemask_ps(in);
    if (!inmask)
        return;
    /* estimate, clamped (NaN and overflow convert to INT_MIN, clamped to 0) */
    __m256i i = _mm256_cvttps_epi32(_mm256_mul_ps(_mm256_sub_ps(v, b->lo), b->scale));
    i = _mm256_min_epi32(_mm256_max_epi32(i, zero), b->last);
    /* one step down or up against the thresholds */
    __m256 tl = _mm256_i32gather_ps(b->thresh, i, 4);
    __m256 th = _mm256_i32gather_ps(b->thresh, _mm256_add_epi32(i, one), 4);
    __m256i down = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, tl, _CMP_LT_OQ)),
                                    _mm256_cmpgt_epi32(i, zero));
    __m256i up = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, th, _CMP_GE_OQ)),
                                  _mm256_cmpgt_epi32(b->last, i));
    i = _mm256_add_epi32(_mm256_sub_epi32(i, _mm256_and_si256(down, one)),
                         _mm256_and_si256(up, one));
    /* exact when thresh[i] <= v (or i == 0) and v < thresh[i+1] (or i == last) */
    tl = _mm256_i32gather_ps(b->thresh, i, 4);
    th = _mm256_i32gather_ps(b->thresh, _mm256_add_epi32(i, one), 4);
    __m256i ok =
        _mm256_and_si256(_mm256_or_si256(_mm256_castps_si256(_mm256_cmp_ps(v, tl, _CMP_GE_OQ)),
                                         _mm256_cmpeq_epi32(i, zero)),
                         _mm256_or_si256(_mm256_castps_si256(_mm256_cmp_ps(v, th, _CMP_LT_OQ)),
                                         _mm256_cmpeq_epi32(i, b->last)));
    int okmask = _mm256_movemask_ps(_mm256_castsi256_ps(ok));
    int idx[8];
    float val[8];
    _mm256_storeu_si256((__m256i *)idx, i);
    _mm256_storeu_ps(val, v);
    for (int l = 0; l < 8; l++) {
        if (!(inmask >> l & 1))
            continue;
        size_t bin;
        if (okmask >> l & 1)
            counts[idx[l]]++;
        else if (bin_edges_scalar(val[l], e, &bin))
            counts[bin]++;
    }
}

/* General path of the fused pass: counts, the range and the NaNs of f(x). */
static inline __attribute__((always_inline)) void
slow_hist_v8(const float *x, size_t n, const struct act_edges *e, uint64_t *counts, float *lo,
             float *hi, uint64_t *nan, act_body_v8 f)
{
    struct slow_v8 b = slow_v8_init(e);
    __m256 l = _mm256_set1_ps(INFINITY), h = _mm256_set1_ps(-INFINITY);
    uint64_t nn = 0;
    for (size_t i = 0; i < n; i += 8) {
        __m256i m = tail_mask_v8(n - i < 8 ? n - i : 8);
        __m256 live = _mm256_castsi256_ps(m);
        __m256 v = f(_mm256_maskload_ps(x + i, m));
        /* absent lanes read as NaN: min and max return their second operand */
        __m256 vl =
            _mm256_or_ps(v, _mm256_andnot_ps(live, _mm256_castsi256_ps(_mm256_set1_epi32(-1))));
        l = _mm256_min_ps(vl, l);
        h = _mm256_max_ps(vl, h);
        __m256 isnan = _mm256_and_ps(live, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
        nn += (uint64_t)__builtin_popcount((unsigned)_mm256_movemask_ps(isnan));
        slow_bin_v8(&b, e, v, live, counts);
    }
    reduce_minmax_v8(l, h, lo, hi);
    *nan = nn;
}

static inline __attribute__((always_inline)) void map_hist_v8(const float *x, size_t n,
                                                              const struct act_edges *e,
                                                              uint64_t *counts,
                                                              struct act_seen *seen, act_body_v8 f)
{
    struct bins_v8 b;
    act_bins_init_avx2(&b, e->nbins, e->lo, e->hi, e->thresh, e->thresh[0], e->thresh_hi);
    float lo, hi;
    uint64_t nan;
    bool done = false;
    if (b.layout == 1)
        done = bins_run(&b, x, n, counts, &lo, &hi, &nan, 1, f);
    else if (b.layout == 2)
        done = bins_run(&b, x, n, counts, &lo, &hi, &nan, 2, f);
    if (!done)
        slow_hist_v8(x, n, e, counts, &lo, &hi, &nan, f);
    seen->lo = (lo < seen->lo ? lo : seen->lo) + 0.0f;
    seen->hi = (hi > seen->hi ? hi : seen->hi) + 0.0f;
    seen->nan += nan;
}

#endif
