/* bins_avx512.c - the out-of-line parts of bins_avx512.h: the per-call margins that make the
 * estimate exact outside its zones, rebinning, and turning bit planes into counts.
 *
 * Algorithm: as histogram_avx2.c's, 16 lanes. The margins are the estimate evaluated at every
 * inner threshold and at the float below it, exactly as bins16_estimate computes it (the same
 * FMA). Planes become counts once per call (or per 2^31 values): per bit position, the number
 * of the 16 lanes with that bit set (an 8 x 8 bit transpose per qword and a byte popcount),
 * weighted by the plane. Bound: exact (binning is the definition's); worst input: a value within
 * `zone` steps below a threshold (rebinned lane by lane, a few in 10^5 of uniform data). */
#include <string.h>

#include "../scalar/bin_scalar.h"
#include "bins_avx512.h"
#include "ops_avx512.h"

#define BINS16_BASE_F 8388608.0f /* 2^23 */
#define BINS16_MAX_ZONE 4096     /* wider zones rebin too often: the general path is faster */

/* the float below each lane (all finite): one ulp toward -inf, +0.0 to -denorm_min */
static __m512 below_v16(__m512 t)
{
    __m512i b = _mm512_castps_si512(t);
    __m512i sign = _mm512_srai_epi32(b, 31); /* -1 for negative: step away from zero */
    __m512i d =
        _mm512_sub_epi32(_mm512_sub_epi32(b, _mm512_set1_epi32(1)), _mm512_add_epi32(sign, sign));
    __mmask16 zero = _mm512_cmpeq_epi32_mask(b, _mm512_setzero_si512());
    return _mm512_castsi512_ps(_mm512_mask_mov_epi32(d, zero, _mm512_set1_epi32((int)0x80000001u)));
}

/* For inner thresholds T = thresh[j], j in [1, nbins): the most any T falls short of the start
 * of its bin (*shy), and the deepest step into a bin of the float below a T (*deep), as
 * bins16_estimate computes places; false when one lies outside +-2^24. */
static bool margins(const float *thresh, size_t nbins, float scale, float offset, int32_t *shy,
                    int32_t *deep)
{
    const __m512 s = _mm512_set1_ps(scale), o = _mm512_set1_ps(offset);
    const __m512i base = _mm512_set1_epi32(BINS16_BASE), far = _mm512_set1_epi32(1 << 24);
    const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    __m512i sh = _mm512_set1_epi32(INT32_MIN), dp = sh;
    __mmask16 wild = 0;
    for (size_t j = 1; j < nbins; j += 16) {
        __mmask16 m = tail_mask_v16(nbins - j < 16 ? nbins - j : 16);
        __m512 t = _mm512_maskz_loadu_ps(m, thresh + j);
        __m512i pt = _mm512_sub_epi32(_mm512_castps_si512(_mm512_fmadd_ps(t, s, o)), base);
        __m512i pb =
            _mm512_sub_epi32(_mm512_castps_si512(_mm512_fmadd_ps(below_v16(t), s, o)), base);
        __m512i start = _mm512_slli_epi32(_mm512_add_epi32(lane, _mm512_set1_epi32((int)j)), 16);
        wild |= _mm512_mask_cmpgt_epi32_mask(m, _mm512_abs_epi32(pt), far) |
                _mm512_mask_cmpgt_epi32_mask(m, _mm512_abs_epi32(pb), far);
        sh = _mm512_mask_max_epi32(sh, m, sh, _mm512_sub_epi32(start, pt));
        dp = _mm512_mask_max_epi32(dp, m, dp, _mm512_sub_epi32(pb, start));
    }
    *shy = _mm512_reduce_max_epi32(sh);
    *deep = _mm512_reduce_max_epi32(dp);
    return wild == 0;
}

void act_bins_init_avx512(struct bins_v16 *b, size_t nbins, double lo, double hi,
                          const float *thresh, float keep_lo, float keep_hi)
{
    b->ok = false;
    b->nbins = nbins;
    b->thresh = thresh;
    b->keep_lo = keep_lo;
    b->keep_hi = keep_hi;
    if (nbins > BINS16_MAX || !(hi > lo))
        return;
    double s = (double)nbins * 65536.0 / (hi - lo);
    float scale = (float)s, offset = (float)((double)BINS16_BASE_F - lo * s);
    if (!isfinite(scale) || !(scale > 0.0f) || !isfinite(offset))
        return;
    int32_t shy = 0, deep = 0;
    for (int tries = 0;; tries++) {
        if (!margins(thresh, nbins, scale, offset, &shy, &deep))
            return;
        if (shy <= 0)
            break;
        /* raise every place until each threshold starts its bin (see bins_avx2.h) */
        if (tries == 4)
            return;
        offset += (float)shy;
    }
    int32_t zone = deep >= 1 ? deep + 1 : 1;
    if (zone > BINS16_MAX_ZONE)
        return;
    b->scale = _mm512_set1_ps(scale);
    b->offset = _mm512_set1_ps(offset);
    b->top = _mm512_set1_ps(BINS16_BASE_F + (float)((nbins << 16) - 1));
    b->floor = _mm512_set1_epi32(BINS16_BASE + zone);
    b->zone = _mm512_set1_epi32(zone);
    b->last = _mm512_set1_epi32((int32_t)nbins - 1);
    b->bias = _mm512_set1_epi32((int32_t)((0x10000u - BINS16_BASE_HI - (uint32_t)nbins) << 16));
    b->sane = _mm512_set1_epi32((int32_t)(0x10000 - nbins));
    /* byte 2 of each 32-bit lane, the bin of a place below 2^23 (vpshufb is per 128 bits) */
    b->pick = _mm512_broadcast_i32x4(
        _mm_setr_epi8(2, -1, -1, -1, 6, -1, -1, -1, 10, -1, -1, -1, 14, -1, -1, -1));
    b->one = _mm512_set1_epi32(1);
    b->k32 = _mm512_set1_epi32(32);
    b->ok = true;
}

/* the bin of v by the definition; false outside the kept range or NaN */
static bool exact_bin(const struct bins_v16 *b, float v, size_t *bin)
{
    if (!(v >= b->keep_lo && v <= b->keep_hi))
        return false;
    size_t lo = 1, hi = b->nbins; /* the first inner threshold above v */
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

/* bins read from the planes: the last bin never is */
static size_t counted(const struct bins_v16 *b) { return b->nbins - 1; }

void act_bins_fix_avx512(const struct bins_v16 *b, __m512 v, __m512i c, __mmask16 mask,
                         struct bins_tally16 *t)
{
    float val[16];
    uint32_t est[16];
    _mm512_storeu_ps(val, v);
    _mm512_storeu_si512(est, c);
    size_t cap = counted(b);
    for (int l = 0; l < 16; l++) {
        if (!(mask >> l & 1))
            continue;
        if (val[l] != val[l]) {
            t->nan++;
            continue;
        }
        if (est[l] < cap)
            t->fix[est[l]]--;
        size_t bin;
        if (exact_bin(b, val[l], &bin) && bin < cap)
            t->fix[bin]++;
    }
}

void act_bins_start_avx512(struct bins_tally16 *t)
{
    memset(t, 0, sizeof *t);
    t->lo = INFINITY;
    t->hi = -INFINITY;
}

/* For each bit position k of a plane (16 lanes x 32 bits), the number of lanes with bit k set,
 * as byte k (0 .. 16): bytes gathered by position (vpshufb, then vpermd: qword 4h + p holds byte
 * p of lanes 8h .. 8h+7), an 8 x 8 bit transpose per qword, a byte popcount by nibble table, and
 * the two halves of lanes added. About 30 instructions per plane, all in zmm registers. */
static __m256i lane_count16(__m512i x)
{
    const __m512i by_byte =
        _mm512_broadcast_i32x4(_mm_setr_epi8(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15));
    x = _mm512_shuffle_epi8(x, by_byte);
    x = _mm512_permutexvar_epi32(
        _mm512_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15), x);
    static const int64_t mask[3] = {0x00AA00AA00AA00AALL, 0x0000CCCC0000CCCCLL,
                                    0x00000000F0F0F0F0LL};
    static const unsigned sh[3] = {7, 14, 28};
    for (int k = 0; k < 3; k++) {
        __m512i t = _mm512_and_si512(_mm512_xor_si512(x, _mm512_srli_epi64(x, sh[k])),
                                     _mm512_set1_epi64(mask[k]));
        x = _mm512_xor_si512(x, _mm512_xor_si512(t, _mm512_slli_epi64(t, sh[k])));
    }
    const __m512i pop =
        _mm512_broadcast_i32x4(_mm_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4));
    const __m512i m4 = _mm512_set1_epi8(0x0f);
    x = _mm512_add_epi8(_mm512_shuffle_epi8(pop, _mm512_and_si512(x, m4)),
                        _mm512_shuffle_epi8(pop, _mm512_and_si512(_mm512_srli_epi16(x, 4), m4)));
    return _mm256_add_epi8(_mm512_castsi512_si256(x), _mm512_extracti64x4_epi64(x, 1));
}

/* acc[k] += sum over planes j of 2^j * (lanes with bit k of plane j), k in 0..32 */
static void planes_to_counts(const __m512i *p, int np, __m512i acc[2])
{
    for (int g = 0; g < np; g += 4) {
        /* four planes' lane counts (<= 16 each) weighted 1 .. 8 fit a byte: <= 240 */
        __m256i sum = _mm256_setzero_si256();
        for (int k = 0; k < 4 && g + k < np; k++)
            if (_mm512_test_epi32_mask(p[g + k], p[g + k]))
                sum = _mm256_add_epi8(
                    sum, _mm256_sll_epi16(lane_count16(p[g + k]), _mm_cvtsi32_si128(k)));
        if (_mm256_testz_si256(sum, sum))
            continue;
        __m128i w = _mm_cvtsi32_si128(g);
        acc[0] = _mm512_add_epi32(
            acc[0], _mm512_sll_epi32(_mm512_cvtepu8_epi32(_mm256_castsi256_si128(sum)), w));
        acc[1] = _mm512_add_epi32(
            acc[1], _mm512_sll_epi32(_mm512_cvtepu8_epi32(_mm256_extracti128_si256(sum, 1)), w));
    }
}

/* out[0 .. 16) += the 16 lanes of v, widened */
static void add_u32(uint64_t *out, __m512i v)
{
    _mm512_storeu_si512(out, _mm512_add_epi64(_mm512_loadu_si512(out),
                                              _mm512_cvtepu32_epi64(_mm512_castsi512_si256(v))));
    _mm512_storeu_si512(out + 8,
                        _mm512_add_epi64(_mm512_loadu_si512(out + 8),
                                         _mm512_cvtepu32_epi64(_mm512_extracti64x4_epi64(v, 1))));
}

static int bit_length(unsigned v) { return v ? 32 - __builtin_clz(v) : 0; }

void act_bins_flush_avx512(struct bins_mem16 *m, const __m512i *l, const __m512i *h, __m512 lo,
                           __m512 hi, struct bins_tally16 *t)
{
    __m512i p[4 + BINS16_PLANES];
    int np = 4 + bit_length(m->blocks);
    for (int half = 0; half < 2; half++) {
        const __m512i z = _mm512_setzero_si512();
        __m512i acc[2] = {z, z};
        memcpy(p, half ? h : l, 4 * sizeof p[0]);
        memcpy(p + 4, half ? m->hp : m->lp, (size_t)(np - 4) * sizeof p[0]);
        planes_to_counts(p, np, acc);
        add_u32(t->counts + 32 * half, acc[0]);
        add_u32(t->counts + 32 * half + 16, acc[1]);
    }
    float a, b;
    reduce_minmax_v16(lo, hi, &a, &b);
    t->lo = a < t->lo ? a : t->lo;
    t->hi = b > t->hi ? b : t->hi;
    m->blocks = 0;
}

bool act_bins_finish_avx512(const struct bins_v16 *b, struct bins_tally16 *t, size_t n,
                            uint64_t *counts)
{
    if (t->lo < b->keep_lo || t->hi > b->keep_hi)
        return false;
    size_t cap = counted(b);
    uint64_t sum = 0;
    for (size_t k = 0; k < cap; k++) {
        uint64_t c = t->counts[k] + (uint64_t)t->fix[k];
        counts[k] += c;
        sum += c;
    }
    /* the last bin holds what the others and the NaNs leave */
    counts[b->nbins - 1] += n - t->nan - sum;
    return true;
}
