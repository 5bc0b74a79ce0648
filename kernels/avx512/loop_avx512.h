/* loop_avx512.h - the loops every AVX-512 activation shares, always inlined.
 *
 * map_v16: y = f(x), 16 lanes at a time, two vectors per iteration. The tail goes through the
 * *same* vector body on a zero-masked load and a masked store (mask registers: no scalar loop,
 * no padding copy, and the masked-off lanes never fault), so a value's result never depends on
 * its position in the array.
 *
 * map_hist_v16: the fused pass, f(x) binned in registers by bins_avx512.h and never stored.
 * More than 64 bins, edges too close for the estimate, or values outside the edges go through
 * the general path below: the same estimate checked against the thresholds (vpermt2ps lookups
 * up to 64 bins, gathers beyond), counted lane by lane. */
#ifndef ACT_LOOP_AVX512_H
#define ACT_LOOP_AVX512_H

#include <immintrin.h>
#include <math.h>

#include "../kernels.h"
#include "../scalar/bin_scalar.h"
#include "bins_avx512.h"

static inline __attribute__((always_inline)) void map_v16(const float *x, float *y, size_t n,
                                                          act_body_v16 f)
{
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m512 a = f(_mm512_loadu_ps(x + i)), b = f(_mm512_loadu_ps(x + i + 16));
        __m512 c = f(_mm512_loadu_ps(x + i + 32)), d = f(_mm512_loadu_ps(x + i + 48));
        _mm512_storeu_ps(y + i, a);
        _mm512_storeu_ps(y + i + 16, b);
        _mm512_storeu_ps(y + i + 32, c);
        _mm512_storeu_ps(y + i + 48, d);
    }
    for (; i + 16 <= n; i += 16)
        _mm512_storeu_ps(y + i, f(_mm512_loadu_ps(x + i)));
    if (i < n) {
        __mmask16 m = tail_mask_v16(n - i);
        _mm512_mask_storeu_ps(y + i, m, f(_mm512_maskz_loadu_ps(m, x + i)));
    }
}

/* A table of up to 64 floats in four registers, looked up by 32-bit index: two vpermt2ps and a
 * blend on bit 5 of the index (indices are in range: callers clamp them). */
struct lut64 {
    __m512 t[4];
};

static inline struct lut64 lut64_load(const float *v, size_t count)
{
    struct lut64 l;
    for (size_t q = 0; q < 4; q++) {
        size_t at = 16 * q, k = count > at ? count - at : 0;
        l.t[q] = _mm512_maskz_loadu_ps(tail_mask_v16(k < 16 ? k : 16), v + (k ? at : 0));
    }
    return l;
}

static inline __m512 lut64_get(const struct lut64 *l, __m512i i)
{
    __m512 a = _mm512_permutex2var_ps(l->t[0], i, l->t[1]);
    __m512 b = _mm512_permutex2var_ps(l->t[2], i, l->t[3]);
    return _mm512_mask_blend_ps(_mm512_test_epi32_mask(i, _mm512_set1_epi32(32)), a, b);
}

/* thresholds thresh[i] for each lane: a vpermt2ps lookup when the table fits, else a gather */
static inline __m512 thresh_at(const struct lut64 *l, bool small, const float *thresh, __m512i i)
{
    return small ? lut64_get(l, i) : _mm512_i32gather_ps(i, thresh, 4);
}

/* General path, per-call constants. */
struct slow_v16 {
    __m512 lo, top, scale; /* thresh[0], thresh_hi, nbins / (hi - lo) */
    __m512i last;          /* nbins - 1 */
    const float *thresh;
    bool small; /* nbins + 1 <= 64: thresholds in lut */
    struct lut64 lut;
};

static inline void slow_v16_init(struct slow_v16 *b, const struct act_edges *e)
{
    b->lo = _mm512_set1_ps(e->thresh[0]);
    b->top = _mm512_set1_ps(e->thresh_hi);
    b->scale = _mm512_set1_ps((float)((double)e->nbins / (e->hi - e->lo)));
    b->last = _mm512_set1_epi32((int)e->nbins - 1);
    b->thresh = e->thresh;
    b->small = e->nbins + 1 <= 64;
    b->lut = lut64_load(e->thresh, b->small ? e->nbins + 1 : 0);
}

/* General path: adds the lanes of v in `live` to counts. */
static inline void slow_bin_v16(const struct slow_v16 *b, const struct act_edges *e, __m512 v,
                                __mmask16 live, uint64_t *counts)
{
    const __m512i zero = _mm512_setzero_si512(), one = _mm512_set1_epi32(1);
    __mmask16 in = _mm512_mask_cmp_ps_mask(live, v, b->lo, _CMP_GE_OQ) &
                   _mm512_cmp_ps_mask(v, b->top, _CMP_LE_OQ);
    if (!in)
        return;
    /* estimate, clamped (NaN and overflow convert to INT_MIN, clamped to 0) */
    __m512i i = _mm512_cvttps_epi32(_mm512_mul_ps(_mm512_sub_ps(v, b->lo), b->scale));
    i = _mm512_min_epi32(_mm512_max_epi32(i, zero), b->last);
    /* one step down or up against the thresholds */
    __m512 tl = thresh_at(&b->lut, b->small, b->thresh, i);
    __m512 th = thresh_at(&b->lut, b->small, b->thresh, _mm512_add_epi32(i, one));
    __mmask16 down = _mm512_cmp_ps_mask(v, tl, _CMP_LT_OQ) & _mm512_cmpgt_epi32_mask(i, zero);
    __mmask16 up = _mm512_cmp_ps_mask(v, th, _CMP_GE_OQ) & _mm512_cmpgt_epi32_mask(b->last, i);
    i = _mm512_mask_sub_epi32(i, down, i, one);
    i = _mm512_mask_add_epi32(i, up, i, one);
    /* exact when thresh[i] <= v (or i == 0) and v < thresh[i+1] (or i == last) */
    tl = thresh_at(&b->lut, b->small, b->thresh, i);
    th = thresh_at(&b->lut, b->small, b->thresh, _mm512_add_epi32(i, one));
    __mmask16 ok = (_mm512_cmp_ps_mask(v, tl, _CMP_GE_OQ) | _mm512_cmpeq_epi32_mask(i, zero)) &
                   (_mm512_cmp_ps_mask(v, th, _CMP_LT_OQ) | _mm512_cmpeq_epi32_mask(i, b->last));
    int idx[16];
    float val[16];
    _mm512_storeu_si512(idx, i);
    _mm512_storeu_ps(val, v);
    for (int l = 0; l < 16; l++) {
        if (!(in >> l & 1))
            continue;
        size_t bin;
        if (ok >> l & 1)
            counts[idx[l]]++;
        else if (bin_edges_scalar(val[l], e, &bin))
            counts[bin]++;
    }
}

/* General path of the fused pass: counts, the range and the NaNs of f(x). */
static inline __attribute__((always_inline)) void
slow_hist_v16(const float *x, size_t n, const struct act_edges *e, uint64_t *counts, float *lo,
              float *hi, uint64_t *nan, act_body_v16 f)
{
    struct slow_v16 b;
    slow_v16_init(&b, e);
    __m512 l = _mm512_set1_ps(INFINITY), h = _mm512_set1_ps(-INFINITY);
    uint64_t nn = 0;
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 live = tail_mask_v16(n - i < 16 ? n - i : 16);
        __m512 v = f(_mm512_maskz_loadu_ps(live, x + i));
        /* min and max return their second operand for a NaN lane; absent lanes keep l, h */
        l = _mm512_mask_min_ps(l, live, v, l);
        h = _mm512_mask_max_ps(h, live, v, h);
        __mmask16 isnan = _mm512_mask_cmp_ps_mask(live, v, v, _CMP_UNORD_Q);
        nn += (uint64_t)__builtin_popcount((unsigned)isnan);
        slow_bin_v16(&b, e, v, live, counts);
    }
    reduce_minmax_v16(l, h, lo, hi);
    *nan = nn;
}

static inline __attribute__((always_inline)) void
map_hist_v16(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
             struct act_seen *seen, act_body_v16 f)
{
    struct bins_v16 b;
    act_bins_init_avx512(&b, e->nbins, e->lo, e->hi, e->thresh, e->thresh[0], e->thresh_hi);
    float lo, hi;
    uint64_t nan;
    if (!b.ok || !bins16_run(&b, x, n, counts, &lo, &hi, &nan, f))
        slow_hist_v16(x, n, e, counts, &lo, &hi, &nan, f);
    seen->lo = (lo < seen->lo ? lo : seen->lo) + 0.0f;
    seen->hi = (hi > seen->hi ? hi : seen->hi) + 0.0f;
    seen->nan += nan;
}

#endif
