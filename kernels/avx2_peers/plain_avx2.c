/* plain_avx2.c - the histogram and min/max a competent programmer writes
 * first with AVX2: the baseline the fused pass and the tables are measured
 * against, with the same exact given-edges semantics as the tables.
 *
 * Histogram: 8 bin indices at a time (estimate (v - lo) * scale, truncated
 * and clamped, then one step down or up against the float32 thresholds, as
 * numpy's own fast path corrects itself), stored, then counted by scalar
 * increments into 4 sub-histograms picked by lane, so that runs of equal
 * indices do not wait on each other's store-to-load forwarding. A lane whose
 * index the check cannot confirm (only near degenerate edges) is binned by
 * the scalar definition. Sub-counts are 32-bit, flushed every 2^30 values.
 * Min/max: vminps/vmaxps over 8 lanes, NaN lanes ignored. */
#include <immintrin.h>
#include <math.h>
#include <string.h>

#include "../cpu.h"
#include "../scalar/bin_scalar.h"
#include "peers_avx2.h"

#define SUBS 4
#define MAX_BINS 1024           /* larger histograms go value by value */
#define CHUNK ((size_t)1 << 30) /* values per flush: no 32-bit sub-count overflows */

/* lanes [0, k) set */
static inline __m256i lanes_v8(size_t k)
{
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)k), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

struct plain_bins {
    __m256 lo, top, scale;
    __m256i last;
    const float *thresh;
};

static void index_v8(const struct plain_bins *b, const struct act_edges *e, __m256 v, int live,
                     uint32_t (*sub)[MAX_BINS], uint64_t *counts)
{
    const __m256i zero = _mm256_setzero_si256(), one = _mm256_set1_epi32(1);
    __m256 in =
        _mm256_and_ps(_mm256_cmp_ps(v, b->lo, _CMP_GE_OQ), _mm256_cmp_ps(v, b->top, _CMP_LE_OQ));
    int inmask = _mm256_movemask_ps(in) & live;
    __m256i i = _mm256_cvttps_epi32(_mm256_mul_ps(_mm256_sub_ps(v, b->lo), b->scale));
    i = _mm256_min_epi32(_mm256_max_epi32(i, zero), b->last);
    __m256 tl = _mm256_i32gather_ps(b->thresh, i, 4);
    __m256 th = _mm256_i32gather_ps(b->thresh, _mm256_add_epi32(i, one), 4);
    __m256i down = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, tl, _CMP_LT_OQ)),
                                    _mm256_cmpgt_epi32(i, zero));
    __m256i up = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, th, _CMP_GE_OQ)),
                                  _mm256_cmpgt_epi32(b->last, i));
    /* masks are -1 where set: subtracting moves up, adding moves down */
    i = _mm256_sub_epi32(_mm256_add_epi32(i, down), up);
    tl = _mm256_i32gather_ps(b->thresh, i, 4);
    th = _mm256_i32gather_ps(b->thresh, _mm256_add_epi32(i, one), 4);
    __m256i ok =
        _mm256_and_si256(_mm256_or_si256(_mm256_castps_si256(_mm256_cmp_ps(v, tl, _CMP_GE_OQ)),
                                         _mm256_cmpeq_epi32(i, zero)),
                         _mm256_or_si256(_mm256_castps_si256(_mm256_cmp_ps(v, th, _CMP_LT_OQ)),
                                         _mm256_cmpeq_epi32(i, b->last)));
    int okmask = _mm256_movemask_ps(_mm256_castsi256_ps(ok));
    int32_t idx[8];
    float val[8];
    _mm256_storeu_si256((__m256i *)idx, i);
    for (int l = 0; l < 8; l++) {
        if (!(inmask >> l & 1))
            continue;
        if (okmask >> l & 1) {
            sub[l & (SUBS - 1)][idx[l]]++;
        } else {
            size_t bin;
            _mm256_storeu_ps(val, v);
            if (bin_edges_scalar(val[l], e, &bin))
                counts[bin]++;
        }
    }
}

static void hist_plain(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    if (e->nbins > MAX_BINS) {
        for (size_t i = 0; i < n; i++) {
            size_t bin;
            if (bin_edges_scalar(y[i], e, &bin))
                counts[bin]++;
        }
        return;
    }
    struct plain_bins b = {
        .lo = _mm256_set1_ps(e->thresh[0]),
        .top = _mm256_set1_ps(e->thresh_hi),
        .scale = _mm256_set1_ps((float)((double)e->nbins / (e->hi - e->lo))),
        .last = _mm256_set1_epi32((int)e->nbins - 1),
        .thresh = e->thresh,
    };
    uint32_t sub[SUBS][MAX_BINS];
    for (size_t start = 0; start < n; start += CHUNK) {
        size_t end = n - start > CHUNK ? start + CHUNK : n;
        for (int s = 0; s < SUBS; s++)
            memset(sub[s], 0, e->nbins * sizeof sub[s][0]);
        size_t i = start;
        for (; i + 8 <= end; i += 8)
            index_v8(&b, e, _mm256_loadu_ps(y + i), 0xff, sub, counts);
        if (i < end) {
            __m256i m = lanes_v8(end - i);
            index_v8(&b, e, _mm256_maskload_ps(y + i, m), (1 << (end - i)) - 1, sub, counts);
        }
        for (size_t k = 0; k < e->nbins; k++)
            counts[k] += (uint64_t)sub[0][k] + sub[1][k] + sub[2][k] + sub[3][k];
    }
}

/* NaN lanes leave the running min and max alone: vminps returns its second
 * operand when either is NaN */
static void minmax_plain(const float *x, size_t n, float *lo, float *hi)
{
    __m256 l = _mm256_set1_ps(INFINITY), h = _mm256_set1_ps(-INFINITY);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        l = _mm256_min_ps(v, l);
        h = _mm256_max_ps(v, h);
    }
    if (i < n) {
        __m256i m = lanes_v8(n - i);
        __m256 v = _mm256_maskload_ps(x + i, m), mf = _mm256_castsi256_ps(m);
        l = _mm256_min_ps(_mm256_blendv_ps(_mm256_set1_ps(INFINITY), v, mf), l);
        h = _mm256_max_ps(_mm256_blendv_ps(_mm256_set1_ps(-INFINITY), v, mf), h);
    }
    float ls[8], hs[8];
    _mm256_storeu_ps(ls, l);
    _mm256_storeu_ps(hs, h);
    float a = ls[0], c = hs[0];
    for (int k = 1; k < 8; k++) {
        a = ls[k] < a ? ls[k] : a;
        c = hs[k] > c ? hs[k] : c;
    }
    *lo = a + 0.0f; /* -0.0 reported as +0.0 */
    *hi = c + 0.0f;
}

const struct act_peer act_peer_plain_avx2 = {
    .name = "plain-avx2",
    .isa = "AVX2 (indices by vector, counts by scalar increments into 4 sub-histograms)",
    .cpu_ok = act_cpu_avx2_fma,
    .hist_edges = hist_plain,
    .minmax = minmax_plain,
};
