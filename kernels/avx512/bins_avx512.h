/* bins_avx512.h - exact given-edges binning in zmm registers, counted by vpternlogd adders.
 *
 * Position: bins_avx2.h's estimate, 16 lanes: one FMA t = v * scale + offset (2^16 steps per
 * bin, plus 2^23), clamped (minps above, passing a NaN; vpmaxud below), byte 2 of the bits is
 * the bin (vpshufb), the low 16 bits the step. The same per-call margins (histogram_avx512.c)
 * make it exact outside a `zone` of steps next to each threshold, where lanes are rebinned by
 * the definition; values outside the edges make the call bin again by the definition.
 *
 * Counting: each value is one bit, bin k < 32 in its lane of the low register (vpsllvd 1 << k),
 * bins 32-63 in the high one (1 << (k - 32); a count past 31 gives 0). 16 vectors (256 values)
 * make a block; its 16 low and 16 high one-hot registers go through Harley-Seal trees of
 * carry-save adders, each a full adder of two vpternlogd (sum 0x96, majority 0xe8) instead of
 * AVX2's five and/or/xor: planes of weight 1, 2, 4, 8 stay in registers, the weight-16 carry
 * of each block ripples into planes in memory. Per 16 values: FMA, minps, vpmaxud, vpshufb,
 * two vpsllvd, one vpsubd, about four vpternlogd, two for the range and two for the check.
 *
 * Checks: the range is a minps/maxps pair per vector, masked in the tail (mask registers: the
 * absent lanes keep the running value). A running vpminuw of the bits with the bin half
 * biased flags, once per block, a step inside a zone or a bin past the last (a NaN): the block
 * is then rebinned lane by lane (rare). The last bin is never read from the planes: it is what
 * the other bins and the NaNs leave of n. Padding lanes of the tail are put in the last bin. */
#ifndef ACT_BINS_AVX512_H
#define ACT_BINS_AVX512_H

#include <immintrin.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "../kernels.h"

/* lanes [0, k) set, k in 0..16 */
static inline __mmask16 tail_mask_v16(size_t k) { return (__mmask16)((1u << k) - 1); }

/* horizontal min and max of 16 lanes (no NaN among them), zero reported as +0.0 */
static inline void reduce_minmax_v16(__m512 lo, __m512 hi, float *out_lo, float *out_hi)
{
    *out_lo = _mm512_reduce_min_ps(lo) + 0.0f;
    *out_hi = _mm512_reduce_max_ps(hi) + 0.0f;
}

#define BINS16_AI static inline __attribute__((always_inline))

typedef __m512 (*act_body_v16)(__m512);

#define BINS16_BASE 0x4b000000         /* bits of 2^23: t - BASE is the place */
#define BINS16_BASE_HI 0x4b00          /* its upper 16 bits */
#define BINS16_MAX 64                  /* more bins take the general path */
#define BINS16_BLOCK 256               /* values per block: 16 vectors */
#define BINS16_CHUNK ((size_t)1 << 31) /* values per flush: 32-bit plane sums cannot wrap */
#define BINS16_PLANES 28               /* memory planes (weight 16 * 2^k): 2^23 blocks need 24 */

/* Per-call constants. */
struct bins_v16 {
    __m512 scale, offset, top;
    __m512i floor, zone, last, bias, sane, pick, one, k32;
    const float *thresh;    /* inner thresholds at [1, nbins) */
    float keep_lo, keep_hi; /* counted: keep_lo <= v <= keep_hi */
    size_t nbins;
    bool ok; /* false: the general path */
};

/* Memory planes of one chunk. */
struct bins_mem16 {
    __m512i lp[BINS16_PLANES], hp[BINS16_PLANES];
    unsigned blocks;
};

/* What a call found besides the planes. */
struct bins_tally16 {
    int64_t fix[BINS16_MAX]; /* rebinned lanes: minus the estimate, plus the definition */
    uint64_t nan;
    uint64_t counts[BINS16_MAX]; /* counts of finished chunks */
    float lo, hi;
};

/* Prepares b for nbins bins on [lo, hi]; b->ok is false when the edges need the general path. */
void act_bins_init_avx512(struct bins_v16 *b, size_t nbins, double lo, double hi,
                          const float *thresh, float keep_lo, float keep_hi);
void act_bins_start_avx512(struct bins_tally16 *t);
/* Adds the chunk's planes (registers l, h of weight 1..8, then the memory planes) to t. */
void act_bins_flush_avx512(struct bins_mem16 *m, const __m512i *l, const __m512i *h, __m512 lo,
                           __m512 hi, struct bins_tally16 *t);
/* Rebins the lanes of v in mask; c: their estimated bins. */
void act_bins_fix_avx512(const struct bins_v16 *b, __m512 v, __m512i c, __mmask16 mask,
                         struct bins_tally16 *t);
/* False when a value lay outside the edges; else adds the counts of n values to counts. */
bool act_bins_finish_avx512(const struct bins_v16 *b, struct bins_tally16 *t, size_t n,
                            uint64_t *counts);

/* full adder: returns the carry, *sum = a ^ b ^ c */
BINS16_AI __m512i csa16(__m512i a, __m512i b, __m512i c, __m512i *sum)
{
    *sum = _mm512_ternarylogic_epi32(a, b, c, 0x96);
    return _mm512_ternarylogic_epi32(a, b, c, 0xe8);
}

/* Harley-Seal steps: add inputs to planes p[0], p[1] (weight 1, 2), return the next carry */
BINS16_AI __m512i hs2(__m512i *p, __m512i a, __m512i b) { return csa16(p[0], a, b, &p[0]); }
BINS16_AI __m512i hs4(__m512i *p, const __m512i *a)
{
    __m512i u = hs2(p, a[0], a[1]), w = hs2(p, a[2], a[3]);
    return csa16(p[1], u, w, &p[1]);
}
/* Adds carry c to memory planes p[0 ..) after `blocks` blocks: the top plane is new (written,
 * not read) at a power of 2, so the planes need no clearing. */
BINS16_AI void bins16_ripple(__m512i *p, __m512i c, unsigned blocks)
{
    int top = 31 - __builtin_clz(blocks);
    for (int k = 0; k < top; k++) {
        __m512i t = _mm512_and_si512(p[k], c);
        p[k] = _mm512_xor_si512(p[k], c);
        c = t;
    }
    p[top] = blocks & (blocks - 1) ? _mm512_xor_si512(p[top], c) : c;
}

/* The estimated bin of each lane (a shift count) and its clamped bits in *r; lanes outside
 * `live` get the last bin at step 0xffff (never counted, never rebinned). */
BINS16_AI __m512i bins16_estimate(const struct bins_v16 *b, __m512 v, __mmask16 live, __m512i *r)
{
    __m512 t = _mm512_min_ps(b->top, _mm512_fmadd_ps(v, b->scale, b->offset));
    t = _mm512_mask_mov_ps(b->top, live, t);
    *r = _mm512_max_epu32(_mm512_castps_si512(t), b->floor);
    return _mm512_shuffle_epi8(*r, b->pick);
}

/* v = f(x[at .. at+16)), live = the lanes below n */
BINS16_AI __m512 bins16_load(const float *x, size_t n, size_t at, bool tail, act_body_v16 f,
                             __mmask16 *live)
{
    if (!tail || at + 16 <= n) {
        *live = 0xffff;
        return f(_mm512_loadu_ps(x + at));
    }
    size_t k = at < n ? n - at : 0;
    *live = (__mmask16)((1u << k) - 1);
    return f(_mm512_maskz_loadu_ps(*live, x + (at < n ? at : 0)));
}

/* Rebins the flagged lanes of the block at x + at (rare: its own pass, the same estimates). */
BINS16_AI void bins16_fix_block(const struct bins_v16 *b, struct bins_tally16 *t, const float *x,
                                size_t n, size_t at, bool tail, act_body_v16 f)
{
    const __m512i low = _mm512_set1_epi32(0xffff);
    for (size_t k = 0; k < BINS16_BLOCK; k += 16) {
        if (tail && at + k >= n)
            break;
        __mmask16 live;
        __m512i r;
        __m512 v = bins16_load(x, n, at + k, tail, f, &live);
        __m512i c = bins16_estimate(b, v, live, &r);
        __mmask16 bad = _mm512_cmpgt_epi32_mask(b->zone, _mm512_and_si512(r, low)) |
                        _mm512_cmpgt_epu32_mask(c, b->last);
        if (bad)
            act_bins_fix_avx512(b, v, c, bad, t);
    }
}

/* Counting state in registers. */
struct bins16_regs {
    __m512i l[4], h[4]; /* planes of weight 1, 2, 4, 8: bins 0-31, 32-63 */
    __m512i check;      /* running vpminuw of the biased bits */
    __m512 lo, hi;
};

/* live lanes of the vector at x + i: all but in the tail block */
BINS16_AI __mmask16 bins16_live(size_t n, size_t i, bool tail)
{
    if (!tail || i + 16 <= n)
        return 0xffff;
    return i < n ? (__mmask16)((1u << (n - i)) - 1) : 0;
}

/* v[0 .. 16) = f(x) for the block at x + at (past n when tail: zero-masked loads) */
BINS16_AI void bins16_fill(const float *x, size_t n, size_t at, bool tail, act_body_v16 f,
                           __m512 *v)
{
    for (int k = 0; k < 16; k++) {
        __mmask16 live;
        v[k] = bins16_load(x, n, at + 16 * (size_t)k, tail, f, &live);
    }
}

/* Four vectors of this block: range, estimates, check, and their one-hot bits added to the
 * planes; returns the weight-4 carries (low, high) in cl, ch. */
BINS16_AI void bins16_quad(const struct bins_v16 *b, struct bins16_regs *s, const __m512 *v,
                           size_t n, size_t at, bool tail, __m512i *cl, __m512i *ch)
{
    __m512i c[4], ol[4], oh[4];
    for (int k = 0; k < 4; k++) {
        __mmask16 live = bins16_live(n, at + 16 * (size_t)k, tail);
        __m512i r;
        s->lo = _mm512_mask_min_ps(s->lo, live, v[k], s->lo);
        s->hi = _mm512_mask_max_ps(s->hi, live, v[k], s->hi);
        c[k] = bins16_estimate(b, v[k], live, &r);
        s->check = _mm512_min_epu16(s->check, _mm512_add_epi16(r, b->bias));
        ol[k] = _mm512_sllv_epi32(b->one, c[k]);
        oh[k] = _mm512_sllv_epi32(b->one, _mm512_sub_epi32(c[k], b->k32));
    }
    *cl = hs4(s->l, ol);
    *ch = hs4(s->h, oh);
}

/* One block of 16 vectors v = f(x + at) (tail: the last, partial one): counted four vectors
 * at a time, each group after f of four vectors of the next block (into vnext, when next is
 * set), so that the activation's multiplies and divisions run beside the adders. */
BINS16_AI void bins16_block(const struct bins_v16 *b, struct bins16_regs *s, struct bins_mem16 *m,
                            struct bins_tally16 *t, const float *x, size_t n, size_t at, bool tail,
                            act_body_v16 f, const __m512 *v, __m512 *vnext, bool next)
{
    __m512i cl[4], ch[4];
    for (int q = 0; q < 4; q++) {
        if (next)
            for (int k = 0; k < 4; k++)
                vnext[4 * q + k] = f(_mm512_loadu_ps(x + at + BINS16_BLOCK + 64 * q + 16 * k));
        bins16_quad(b, s, v + 4 * q, n, at + 64 * (size_t)q, tail, &cl[q], &ch[q]);
    }
    __m512i l8a = csa16(s->l[2], cl[0], cl[1], &s->l[2]);
    __m512i h8a = csa16(s->h[2], ch[0], ch[1], &s->h[2]);
    __m512i l8b = csa16(s->l[2], cl[2], cl[3], &s->l[2]);
    __m512i h8b = csa16(s->h[2], ch[2], ch[3], &s->h[2]);
    m->blocks++;
    bins16_ripple(m->lp, csa16(s->l[3], l8a, l8b, &s->l[3]), m->blocks);
    bins16_ripple(m->hp, csa16(s->h[3], h8a, h8b, &s->h[3]), m->blocks);
    /* a step next to a threshold, or a NaN, anywhere in the block */
    __mmask16 bad =
        _mm512_cmpgt_epi32_mask(b->zone, _mm512_and_si512(s->check, _mm512_set1_epi32(0xffff))) |
        _mm512_cmpgt_epi32_mask(b->sane, _mm512_srli_epi32(s->check, 16));
    if (__builtin_expect(bad != 0, 0))
        bins16_fix_block(b, t, x, n, at, tail, f);
    s->check = _mm512_set1_epi32(-1);
}

/* The fast pass over x[0, n): false when the general path must count instead. */
BINS16_AI bool bins16_run(const struct bins_v16 *b, const float *x, size_t n, uint64_t *counts,
                          float *lo, float *hi, uint64_t *nan, act_body_v16 f)
{
    struct bins_mem16 m;
    struct bins_tally16 t;
    __m512 v[2][16]; /* f(x) of this block and the next */
    act_bins_start_avx512(&t);
    for (size_t c0 = 0; c0 < n; c0 += BINS16_CHUNK) {
        const __m512i z = _mm512_setzero_si512();
        struct bins16_regs s = {{z, z, z, z},
                                {z, z, z, z},
                                _mm512_set1_epi32(-1),
                                _mm512_set1_ps(INFINITY),
                                _mm512_set1_ps(-INFINITY)};
        m.blocks = 0;
        size_t end = n - c0 > BINS16_CHUNK ? c0 + BINS16_CHUNK : n, i = c0;
        size_t full = (end - c0) / BINS16_BLOCK;
        if (full)
            bins16_fill(x, n, c0, false, f, v[0]);
        for (size_t j = 0; j < full; j++, i += BINS16_BLOCK)
            bins16_block(b, &s, &m, &t, x, n, i, false, f, v[j & 1], v[(j + 1) & 1], j + 1 < full);
        if (i < end) {
            bins16_fill(x, n, i, true, f, v[0]);
            bins16_block(b, &s, &m, &t, x, n, i, true, f, v[0], v[1], false);
        }
        act_bins_flush_avx512(&m, s.l, s.h, s.lo, s.hi, &t);
    }
    if (!act_bins_finish_avx512(b, &t, n, counts))
        return false;
    *lo = t.lo;
    *hi = t.hi;
    *nan = t.nan;
    return true;
}

#endif
