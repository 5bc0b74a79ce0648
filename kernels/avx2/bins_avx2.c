/* bins_avx2.c - the out-of-line parts of the AVX2 binning (bins_avx2.h): the per-call
 * margins that decide whether the one-FMA estimate can be trusted, turning bit planes into
 * counts, and rebinning the lanes next to an edge by the definition. */
#include <math.h>

#include "../scalar/bin_scalar.h"
#include "bins_avx2.h"

#define BINS_BASE_F 8388608.0f /* 2^23 */
#define BINS_MAX_ZONE 4096     /* wider zones rebin too often: the general path is faster */

/* the float below each lane (all finite): one ulp toward -inf, +0.0 to -denorm_min */
static __m256 below_v8(__m256 t)
{
    __m256i b = _mm256_castps_si256(t);
    __m256i sign = _mm256_srai_epi32(b, 31); /* -1 for negative: step away from zero */
    __m256i d =
        _mm256_sub_epi32(_mm256_sub_epi32(b, _mm256_set1_epi32(1)), _mm256_add_epi32(sign, sign));
    __m256i zero = _mm256_cmpeq_epi32(b, _mm256_setzero_si256());
    return _mm256_castsi256_ps(_mm256_blendv_epi8(d, _mm256_set1_epi32((int)0x80000001u), zero));
}

/* For inner thresholds T = thresh[j], j in [1, nbins): the most any T falls short of the
 * start of its bin (*shy), and the deepest step into a bin of the float below a T (*deep).
 * Places are bits - BASE of the unclamped estimate, exactly as bins_estimate computes it;
 * false when one lies outside +-2^24 (no estimate to speak of, and 32-bit sums could wrap). */
static bool margins(const float *thresh, size_t nbins, float scale, float offset, int32_t *shy,
                    int32_t *deep)
{
    const __m256 s = _mm256_set1_ps(scale), o = _mm256_set1_ps(offset);
    const __m256i base = _mm256_set1_epi32(BINS_BASE), far = _mm256_set1_epi32(1 << 24);
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256i sh = _mm256_set1_epi32(INT32_MIN), dp = sh, wild = _mm256_setzero_si256();
    for (size_t j = 1; j < nbins; j += 8) {
        __m256i m = tail_mask_v8(nbins - j < 8 ? nbins - j : 8);
        __m256 t = _mm256_maskload_ps(thresh + j, m);
        __m256i pt = _mm256_sub_epi32(_mm256_castps_si256(_mm256_fmadd_ps(t, s, o)), base);
        __m256i pb =
            _mm256_sub_epi32(_mm256_castps_si256(_mm256_fmadd_ps(below_v8(t), s, o)), base);
        __m256i start = _mm256_slli_epi32(_mm256_add_epi32(lane, _mm256_set1_epi32((int)j)), 16);
        wild = _mm256_or_si256(
            wild,
            _mm256_and_si256(m, _mm256_or_si256(_mm256_cmpgt_epi32(_mm256_abs_epi32(pt), far),
                                                _mm256_cmpgt_epi32(_mm256_abs_epi32(pb), far))));
        sh = _mm256_max_epi32(sh, _mm256_blendv_epi8(sh, _mm256_sub_epi32(start, pt), m));
        dp = _mm256_max_epi32(dp, _mm256_blendv_epi8(dp, _mm256_sub_epi32(pb, start), m));
    }
    int32_t a[8], b[8];
    _mm256_storeu_si256((__m256i *)a, sh);
    _mm256_storeu_si256((__m256i *)b, dp);
    *shy = *deep = INT32_MIN;
    for (int k = 0; k < 8; k++) {
        *shy = a[k] > *shy ? a[k] : *shy;
        *deep = b[k] > *deep ? b[k] : *deep;
    }
    return _mm256_testz_si256(wild, wild);
}

void act_bins_init_avx2(struct bins_v8 *b, size_t nbins, double lo, double hi, const float *thresh,
                        float keep_lo, float keep_hi)
{
    b->layout = 0;
    b->nbins = nbins;
    b->thresh = thresh;
    b->keep_lo = keep_lo;
    b->keep_hi = keep_hi;
    if (nbins > BINS_MAX_CSA || !(hi > lo))
        return;
    double s = (double)nbins * 65536.0 / (hi - lo);
    float scale = (float)s, offset = (float)((double)BINS_BASE_F - lo * s);
    if (!isfinite(scale) || !(scale > 0.0f) || !isfinite(offset))
        return;
    int32_t shy = 0, deep = 0;
    for (int tries = 0;; tries++) {
        if (!margins(thresh, nbins, scale, offset, &shy, &deep))
            return;
        if (shy <= 0)
            break;
        /* raise every place until each threshold starts its bin: exact while the offset is
         * an integer below 2^24, as it is unless the edges lie far from zero */
        if (tries == 4)
            return;
        offset += (float)shy;
    }
    int32_t zone = deep >= 1 ? deep + 1 : 1;
    if (zone > BINS_MAX_ZONE)
        return;
    b->scale = _mm256_set1_ps(scale);
    b->offset = _mm256_set1_ps(offset);
    b->top = _mm256_set1_ps(BINS_BASE_F + (float)((nbins << 16) - 1));
    b->floor = _mm256_set1_epi32(BINS_BASE + (int32_t)zone);
    b->zone = _mm256_set1_epi32((int32_t)zone);
    b->last = _mm256_set1_epi32((int32_t)nbins - 1);
    b->bias = _mm256_set1_epi32((int32_t)((0x10000u - BINS_BASE_HI - (uint32_t)nbins) << 16));
    b->sane = _mm256_set1_epi32((int32_t)(0x10000 - nbins));
    b->pick = _mm256_setr_epi8(2, -1, -1, -1, 6, -1, -1, -1, 10, -1, -1, -1, 14, -1, -1, -1, 2, -1,
                               -1, -1, 6, -1, -1, -1, 10, -1, -1, -1, 14, -1, -1, -1);
    b->one = _mm256_set1_epi32(1);
    b->k32 = _mm256_set1_epi32(32);
    b->k47 = _mm256_set1_epi32(47);
    b->bit16 = _mm256_set1_epi32(1 << 16);
    b->bit15 = _mm256_set1_epi32(1 << 15);
    b->layout = nbins <= 49 ? 1 : 2;
}

bool act_bins_exact_avx2(const struct bins_v8 *b, float v, size_t *bin)
{
    if (!(v >= b->keep_lo && v <= b->keep_hi))
        return false;
    /* count the inner thresholds <= v: the first index above v, minus one */
    size_t lo = 1, hi = b->nbins;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v >= b->thresh[mid])
            lo = mid + 1;
        else
            hi = mid;
    }
    *bin = lo - 1;
    return true;
}

/* bins counted by the planes: the last bin never is */
static size_t counted(const struct bins_v8 *b)
{
    size_t cap = b->layout == 1 ? 48 : 64;
    return b->nbins - 1 < cap ? b->nbins - 1 : cap;
}

void act_bins_fix_avx2(const struct bins_v8 *b, __m256 v, __m256i c, int mask, struct bins_tally *t)
{
    float val[8];
    uint32_t est[8];
    _mm256_storeu_ps(val, v);
    _mm256_storeu_si256((__m256i *)est, c);
    size_t cap = counted(b);
    for (int l = 0; l < 8; l++) {
        if (!(mask >> l & 1))
            continue;
        if (val[l] != val[l]) {
            t->nan++;
            continue;
        }
        if (est[l] < cap)
            t->fix[est[l]]--;
        size_t bin;
        if (act_bins_exact_avx2(b, val[l], &bin) && bin < cap)
            t->fix[bin]++;
    }
}

/* For each bit position k of a plane (8 lanes x 32 bits), the number of lanes with bit k set,
 * as byte k: bytes gathered by position, an 8 x 8 bit transpose per qword, a byte popcount. */
static __m256i lane_count(__m256i x)
{
    const __m256i by_byte = _mm256_setr_epi8(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15,
                                             0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    x = _mm256_shuffle_epi8(x, by_byte);
    /* qword q: byte q of lanes 0-7 */
    x = _mm256_permutevar8x32_epi32(x, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    static const int64_t mask[3] = {0x00AA00AA00AA00AALL, 0x0000CCCC0000CCCCLL,
                                    0x00000000F0F0F0F0LL};
    __m256i t;
    t = _mm256_and_si256(_mm256_xor_si256(x, _mm256_srli_epi64(x, 7)), _mm256_set1_epi64x(mask[0]));
    x = _mm256_xor_si256(x, _mm256_xor_si256(t, _mm256_slli_epi64(t, 7)));
    t = _mm256_and_si256(_mm256_xor_si256(x, _mm256_srli_epi64(x, 14)),
                         _mm256_set1_epi64x(mask[1]));
    x = _mm256_xor_si256(x, _mm256_xor_si256(t, _mm256_slli_epi64(t, 14)));
    t = _mm256_and_si256(_mm256_xor_si256(x, _mm256_srli_epi64(x, 28)),
                         _mm256_set1_epi64x(mask[2]));
    x = _mm256_xor_si256(x, _mm256_xor_si256(t, _mm256_slli_epi64(t, 28)));
    const __m256i pop = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2,
                                         1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i m4 = _mm256_set1_epi8(0x0f);
    return _mm256_add_epi8(_mm256_shuffle_epi8(pop, _mm256_and_si256(x, m4)),
                           _mm256_shuffle_epi8(pop, _mm256_and_si256(_mm256_srli_epi16(x, 4), m4)));
}

/* acc[q] lane k += sum over planes p of 2^p * (lanes with bit 8q + k of plane p) */
static void planes_to_counts(const __m256i *p, int np, __m256i acc[4])
{
    for (int g = 0; g < np; g += 5) {
        /* five planes' lane counts (<= 8 each) weighted 1 .. 16 fit a byte: <= 248 */
        __m256i sum = _mm256_setzero_si256();
        for (int k = 0; k < 5 && g + k < np; k++)
            if (!_mm256_testz_si256(p[g + k], p[g + k]))
                sum = _mm256_add_epi8(sum,
                                      _mm256_sll_epi16(lane_count(p[g + k]), _mm_cvtsi32_si128(k)));
        if (_mm256_testz_si256(sum, sum))
            continue;
        __m128i w = _mm_cvtsi32_si128(g);
        __m128i half[2] = {_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1)};
        for (int q = 0; q < 4; q++) {
            __m128i bytes = q & 1 ? _mm_srli_si128(half[q >> 1], 8) : half[q >> 1];
            acc[q] = _mm256_add_epi32(acc[q], _mm256_sll_epi32(_mm256_cvtepu8_epi32(bytes), w));
        }
    }
}

/* out[0 .. 8) += the 8 lanes of v, widened */
static void add_u32(uint64_t *out, __m256i v)
{
    __m256i *o = (__m256i *)out;
    _mm256_storeu_si256(o, _mm256_add_epi64(_mm256_loadu_si256(o),
                                            _mm256_cvtepu32_epi64(_mm256_castsi256_si128(v))));
    _mm256_storeu_si256(o + 1,
                        _mm256_add_epi64(_mm256_loadu_si256(o + 1),
                                         _mm256_cvtepu32_epi64(_mm256_extracti128_si256(v, 1))));
}

static int bit_length(unsigned v) { return v ? 32 - __builtin_clz(v) : 0; }

void act_bins_start_avx2(const struct bins_v8 *b, struct bins_csa *m, struct bins_tally *t)
{
    /* the memory planes past reg[] are written before they are read (bins_ripple) */
    memset(m->reg, 0, sizeof m->reg);
    m->blocks = 0;
    memset(t->fix, 0, b->nbins * sizeof t->fix[0]);
    /* flush adds whole groups of 8: every position of the layout */
    memset(t->counts, 0, (b->layout == 1 ? 48 : 64) * sizeof t->counts[0]);
    t->nan = 0;
    t->lo = INFINITY;
    t->hi = -INFINITY;
}

void act_bins_flush_avx2(const struct bins_v8 *b, struct bins_csa *m, struct bins_tally *t)
{
    __m256i p[5 + BINS_PLANES];
    const __m256i z = _mm256_setzero_si256();
    __m256i low[4] = {z, z, z, z}, high[4] = {z, z, z, z};
    int deep = bit_length(m->blocks);
    /* low bins: planes of weight 1 .. 16, then 32 up */
    memcpy(p, m->reg + P_L1, 5 * sizeof p[0]);
    memcpy(p + 5, m->lp, (size_t)deep * sizeof p[0]);
    planes_to_counts(p, 5 + deep, low);
    /* high bins: layout 1 has planes 1 .. 8 and then 16 up */
    int nreg = b->layout == 1 ? 4 : 5;
    memcpy(p, m->reg + P_H1, (size_t)nreg * sizeof p[0]);
    memcpy(p + nreg, m->hp, (size_t)deep * sizeof p[0]);
    planes_to_counts(p, nreg + deep, high);
    /* positions past the counted bins hold the last bin: added here, never read */
    for (int q = 0; q < 4; q++)
        add_u32(t->counts + 8 * q, low[q]);
    if (b->layout == 1) {
        /* bins 32-47 in bits 0-15 (second vector of a pair) and 16-31 (first) */
        add_u32(t->counts + 32, _mm256_add_epi32(high[0], high[2]));
        add_u32(t->counts + 40, _mm256_add_epi32(high[1], high[3]));
    } else {
        for (int q = 0; q < 4; q++)
            add_u32(t->counts + 32 + 8 * q, high[q]);
    }
    float lo, hi;
    reduce_minmax_v8(m->lo, m->hi, &lo, &hi);
    t->lo = lo < t->lo ? lo : t->lo;
    t->hi = hi > t->hi ? hi : t->hi;
    memset(m->reg, 0, sizeof m->reg);
    m->blocks = 0;
}

bool act_bins_finish_avx2(const struct bins_v8 *b, struct bins_tally *t, size_t n, uint64_t *counts)
{
    if (t->lo < b->keep_lo || t->hi > b->keep_hi)
        return false;
    size_t cap = counted(b);
    __m256i sum4 = _mm256_setzero_si256();
    size_t k = 0;
    for (; k + 4 <= cap; k += 4) {
        __m256i c = _mm256_add_epi64(_mm256_loadu_si256((const __m256i *)(t->counts + k)),
                                     _mm256_loadu_si256((const __m256i *)(t->fix + k)));
        sum4 = _mm256_add_epi64(sum4, c);
        _mm256_storeu_si256((__m256i *)(counts + k),
                            _mm256_add_epi64(_mm256_loadu_si256((const __m256i *)(counts + k)), c));
    }
    uint64_t s4[4], sum;
    _mm256_storeu_si256((__m256i *)s4, sum4);
    sum = s4[0] + s4[1] + s4[2] + s4[3];
    for (; k < cap; k++) {
        uint64_t c = t->counts[k] + (uint64_t)t->fix[k];
        counts[k] += c;
        sum += c;
    }
    /* the last bin holds what the others and the NaNs leave */
    counts[b->nbins - 1] += n - t->nan - sum;
    return true;
}
