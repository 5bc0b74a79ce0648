/* plain_avx2.c - the histogram and min/max a competent programmer writes
 * first with AVX2: the baseline the fused pass and the tables are measured
 * against, with the same exact given-edges semantics as the tables.
 *
 * Histogram: 8 bin estimates at a time, t = (v - lo) * scale in float, bin
 * trunc(t); the estimates are stored and counted by scalar increments into 4
 * sub-histograms picked by lane, so that runs of equal bins do not wait on
 * each other's store-to-load forwarding. The estimate is exact away from the
 * edges: t(v) is monotonic in v (a subtraction and a multiplication, each
 * rounded once), so with D = max |t(thresh[k]) - k| over the thresholds, a
 * value whose t lies strictly between i + D and i + 1 - D is above
 * thresh[i] and below thresh[i+1]: its bin is i; the outer edges are
 * compared directly (v >= lo in the first bin, v <= top in the last). Every
 * other value (within D of an inner edge, outside the range, NaN) is binned
 * by the scalar definition. Sub-counts are 32-bit, flushed every 2^30 values.
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
    float lo, scale, d; /* thresh[0], nbins / (hi - lo), the margin D */
    __m256 vlo, vtop, vscale, vd, vd1;
    __m256i last;
};

static struct plain_bins plain_init(const struct act_edges *e)
{
    struct plain_bins b;
    b.lo = e->thresh[0];
    b.scale = (float)((double)e->nbins / (e->hi - e->lo));
    float d = 0.0f;
    for (size_t k = 0; k <= e->nbins; k++) {
        float off = fabsf((e->thresh[k] - b.lo) * b.scale - (float)k);
        d = off > d || isnan(off) ? off : d; /* NaN (degenerate edges) disables the fast path */
    }
    b.d = d;
    b.vlo = _mm256_set1_ps(b.lo);
    b.vtop = _mm256_set1_ps(e->thresh_hi);
    b.vscale = _mm256_set1_ps(b.scale);
    b.vd = _mm256_set1_ps(d);
    b.vd1 = _mm256_set1_ps(1.0f - d);
    b.last = _mm256_set1_epi32((int)e->nbins - 1);
    return b;
}

static inline void count_v8(const struct plain_bins *b, const struct act_edges *e, __m256 v,
                            int live, uint32_t (*sub)[SUBS], uint64_t *counts)
{
    const __m256i zero = _mm256_setzero_si256();
    __m256 t = _mm256_mul_ps(_mm256_sub_ps(v, b->vlo), b->vscale);
    __m256i i = _mm256_min_epi32(_mm256_max_epi32(_mm256_cvttps_epi32(t), zero), b->last);
    __m256 frac = _mm256_sub_ps(t, _mm256_cvtepi32_ps(i)); /* exact, as t and i are close */
    /* above thresh[i]: D < frac, or the first bin and v >= lo (relu's zeros
     * sit exactly there); below thresh[i+1]: frac < 1 - D, or the last bin and
     * v <= top. NaN fails every compare. */
    __m256 above = _mm256_or_ps(_mm256_cmp_ps(frac, b->vd, _CMP_GT_OQ),
                                _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(i, zero)),
                                              _mm256_cmp_ps(v, b->vlo, _CMP_GE_OQ)));
    __m256 below = _mm256_or_ps(_mm256_cmp_ps(frac, b->vd1, _CMP_LT_OQ),
                                _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(i, b->last)),
                                              _mm256_cmp_ps(v, b->vtop, _CMP_LE_OQ)));
    __m256 ok = _mm256_and_ps(above, below);
    int okmask = _mm256_movemask_ps(ok) & live;
    _Alignas(32) int32_t idx[8];
    _mm256_storeu_si256((__m256i *)idx, i);
    if (okmask == 0xff) {
        for (int l = 0; l < 8; l++)
            sub[idx[l]][l & (SUBS - 1)]++;
        return;
    }
    _Alignas(32) float val[8];
    _mm256_storeu_ps(val, v);
    for (int l = 0; l < 8; l++) {
        size_t bin;
        if (okmask >> l & 1)
            sub[idx[l]][l & (SUBS - 1)]++;
        else if (live >> l & 1 && bin_edges_scalar(val[l], e, &bin))
            counts[bin]++;
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
    struct plain_bins b = plain_init(e);
    /* bin-major, so the 4 counters of a bin share a line: sub-histograms a
     * page apart would make every increment look like it depends on the
     * others (the core compares store and load addresses by their low 12 bits) */
    _Alignas(64) uint32_t sub[MAX_BINS][SUBS];
    for (size_t start = 0; start < n; start += CHUNK) {
        size_t end = n - start > CHUNK ? start + CHUNK : n;
        memset(sub, 0, e->nbins * sizeof sub[0]);
        size_t i = start;
        for (; i + 8 <= end; i += 8)
            count_v8(&b, e, _mm256_loadu_ps(y + i), 0xff, sub, counts);
        if (i < end) {
            __m256i m = lanes_v8(end - i);
            count_v8(&b, e, _mm256_maskload_ps(y + i, m), (1 << (end - i)) - 1, sub, counts);
        }
        for (size_t k = 0; k < e->nbins; k++)
            counts[k] += (uint64_t)sub[k][0] + sub[k][1] + sub[k][2] + sub[k][3];
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
    .isa = "AVX2 (bins estimated by vector, counted by scalar increments into 4 "
           "sub-histograms)",
    .cpu_ok = act_cpu_avx2_fma,
    .hist_edges = hist_plain,
    .minmax = minmax_plain,
};
