/* loop_avx2.h - the loops every AVX2 activation shares, always inlined.
 *
 * map_v8: y = f(x), 8 lanes at a time. The tail goes through the *same* vector
 * body on a masked load (absent lanes read as 0.0) and a masked store, so a
 * value's result never depends on its position in the array.
 *
 * map_hist_v8: the fused pass. f(x) is binned as soon as it is computed, never
 * stored; the min and max of f(x) are tracked in the same sweep so the caller
 * (src/pipeline.c) can check the range it predicted. Binning is exact: an
 * estimate from the bin width, one correction step against the float32
 * thresholds, and a check; any lane the check rejects (only near-degenerate
 * edges) is binned by the scalar definition. */
#ifndef ACT_LOOP_AVX2_H
#define ACT_LOOP_AVX2_H

#include <immintrin.h>
#include <math.h>

#include "../kernels.h"
#include "../scalar/bin_scalar.h"

typedef __m256 (*act_body_v8)(__m256);

/* lanes [0, k) set, k in 0..8 */
static inline __m256i tail_mask_v8(size_t k)
{
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)k), lane);
}

static inline __attribute__((always_inline)) void map_v8(const float *x, float *y, size_t n,
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

/* Per-call constants for exact given-edges binning. */
struct bins_v8 {
    __m256 lo, top, scale;   /* thresh[0], thresh_hi, nbins / (hi - lo) */
    __m256i last;            /* nbins - 1 */
    const float *thresh;
};

static inline struct bins_v8 bins_v8_init(const struct act_edges *e)
{
    struct bins_v8 b;
    b.lo = _mm256_set1_ps(e->thresh[0]);
    b.top = _mm256_set1_ps(e->thresh_hi);
    b.scale = _mm256_set1_ps((float)((double)e->nbins / (e->hi - e->lo)));
    b.last = _mm256_set1_epi32((int)e->nbins - 1);
    b.thresh = e->thresh;
    return b;
}

/* Adds the 8 lanes of v selected by `live` to counts. */
static inline void bin_v8(const struct bins_v8 *b, const struct act_edges *e, __m256 v,
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
    __m256i ok = _mm256_and_si256(
        _mm256_or_si256(_mm256_castps_si256(_mm256_cmp_ps(v, tl, _CMP_GE_OQ)),
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

struct seen_v8 {
    __m256 lo, hi;
    uint64_t nan;
};

/* NaN lanes leave lo and hi alone (min/max return their second operand) */
static inline void seen_v8_add(struct seen_v8 *s, __m256 v, __m256 live)
{
    const __m256 inf = _mm256_set1_ps(INFINITY), ninf = _mm256_set1_ps(-INFINITY);
    s->lo = _mm256_min_ps(_mm256_blendv_ps(inf, v, live), s->lo);
    s->hi = _mm256_max_ps(_mm256_blendv_ps(ninf, v, live), s->hi);
    __m256 nan = _mm256_and_ps(live, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
    s->nan += (uint64_t)__builtin_popcount((unsigned)_mm256_movemask_ps(nan));
}

/* horizontal min and max of 8 lanes, zero reported as +0.0 */
static inline void reduce_minmax_v8(__m256 lo, __m256 hi, float *out_lo, float *out_hi)
{
    float l[8], h[8];
    _mm256_storeu_ps(l, lo);
    _mm256_storeu_ps(h, hi);
    float a = l[0], b = h[0];
    for (int k = 1; k < 8; k++) {
        a = l[k] < a ? l[k] : a;
        b = h[k] > b ? h[k] : b;
    }
    *out_lo = a + 0.0f;
    *out_hi = b + 0.0f;
}

static inline __attribute__((always_inline)) void
map_hist_v8(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
            struct act_seen *seen, act_body_v8 f)
{
    struct bins_v8 b = bins_v8_init(e);
    struct seen_v8 s = {_mm256_set1_ps(seen->lo), _mm256_set1_ps(seen->hi), 0};
    const __m256 all = _mm256_castsi256_ps(_mm256_set1_epi32(-1));
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = f(_mm256_loadu_ps(x + i));
        seen_v8_add(&s, v, all);
        bin_v8(&b, e, v, all, counts);
    }
    if (i < n) {
        __m256i m = tail_mask_v8(n - i);
        __m256 v = f(_mm256_maskload_ps(x + i, m));
        seen_v8_add(&s, v, _mm256_castsi256_ps(m));
        bin_v8(&b, e, v, _mm256_castsi256_ps(m), counts);
    }
    reduce_minmax_v8(s.lo, s.hi, &seen->lo, &seen->hi);
    seen->nan += s.nan;
}

#endif
