/* bins_avx2.h - exact given-edges binning in registers: no gathers, no stores per value.
 *
 * Position. One FMA gives a value v its place t = v * scale + offset: 2^16 steps per bin, plus
 * 2^23, so t lies where floats are the integers and the bits of t are BASE + round(place): byte 2
 * is the bin, the low 16 bits the step within it. One rounding, monotonic in v; clamps keep t
 * within the bins (below: on the bits, unsigned; above: minps, which passes a NaN through).
 *
 * Exactness. A monotonic estimate can disagree with the thresholds only next to them. At the
 * start of a call (act_bins_init_avx2) the estimate is evaluated at every inner threshold and at
 * the float below it: the offset is raised until each threshold lands at or past the start of
 * its bin, and `zone` is one more than the deepest step into a bin that a float below its
 * threshold reaches. A lane whose step is below `zone` may be one bin too high; it is rebinned
 * by the definition afterwards (zone / 2^16 of the values: a few in 10^5). The clamps put the
 * outer edges' values (relu's zeros, saturated outputs) at step `zone` of the first bin and
 * step 0xffff of the last, outside every zone. Values beyond the outer edges are clamped in
 * too: the pass tracks the min and max, and when either lies outside the edges the call bins
 * again by the definition (src/core/pipeline.c's prediction makes that rare). Edges the estimate
 * cannot resolve (zone over 4096) and more than 64 bins take the general path at once.
 *
 * Counting. Each value becomes one bit: bin k < 32 is bit k of its lane of the low register;
 * layout 1 (up to 49 bins) puts bins 32-47 of two vectors in one high register (bits 16-31 for
 * the first vector, 0-15 for the second); layout 2 (up to 64 bins) gives each vector its own
 * high register for bins 32-63. The last bin is never counted: it is what the other bins and
 * the NaNs leave of n. Bits are summed by carry-save adders (Harley-Seal, 32 vectors per block:
 * planes of weight 1 and 2 in registers, 4 to 16 and the carries of the blocks in memory), and
 * the planes become counts once per call or 2^31 values (act_bins_flush_avx2). A NaN (or a value
 * far outside the edges) has a bin above the last; a running 16-bit min catches it and any step
 * inside a zone, and the block is then rebinned lane by lane.
 *
 * A block runs in three streams: f(x) of the next block into memory, the estimates of this one,
 * and their counting. Written alternately in groups of four vectors, so that the out-of-order
 * core runs an activation's multiplies and divisions beside the adders; f's results only go to
 * memory, so nothing waits on them in the schedulers. */
#ifndef ACT_BINS_AVX2_H
#define ACT_BINS_AVX2_H

#include <immintrin.h>
#include <stdbool.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../kernels.h"

#define BINS_AI static inline __attribute__((always_inline))

typedef __m256 (*act_body_v8)(__m256);

#define BINS_BASE 0x4b000000         /* bits of 2^23: t - BASE is the place */
#define BINS_BASE_HI 0x4b00          /* its upper 16 bits */
#define BINS_MAX_CSA 64              /* more bins take the general path */
#define BINS_BLOCK 256               /* values per block: 32 vectors */
#define BINS_CHUNK ((size_t)1 << 31) /* values per flush: 32-bit plane sums cannot wrap */
#define BINS_PLANES 26               /* memory planes: 2^23 blocks per chunk need 24 */

/* Per-call constants. */
struct bins_v8 {
    __m256 scale, offset, top;
    __m256i floor; /* bits of the lowest t kept */
    __m256i zone;  /* a step below this is rebinned */
    __m256i last;  /* nbins - 1: a bin above it is a NaN or an outlier */
    __m256i bias;  /* added to the upper halves: bins 0 .. nbins-1 become the top 16-bit values */
    __m256i sane;  /* 2^16 - nbins: a biased upper half below it is a NaN or an outlier */
    /* constants of the loop, loaded from here rather than rebuilt in registers */
    __m256i pick; /* pshufb: byte 2 of each lane, the bin of a place below 2^23 */
    __m256i one, k32, k47, bit16, bit15;
    const float *thresh;    /* inner thresholds at [1, nbins) */
    float keep_lo, keep_hi; /* counted: keep_lo <= v <= keep_hi */
    size_t nbins;
    int layout; /* 0: the general path; 1: <= 49 bins; 2: <= 64 */
};

/* Counting state in registers (its address is never taken, so it stays there): the planes
 * updated every few vectors. */
struct bins_regs {
    __m256i l1, l2;      /* bins 0-31, weight 1 and 2 */
    __m256i h1, h2;      /* bins 32 and up, weight 1 and 2 (layout 1 keeps h2 in memory) */
    __m256i check[2];    /* running min of each 16-bit half of the biased bits: see bins_one */
    __m256 lo[2], hi[2]; /* running min and max of the values: two chains hide the latency */
};

/* Counting state in memory, for one chunk: planes updated once per 8 vectors or less often. */
enum { P_L1, P_L2, P_L4, P_L8, P_L16, P_H1, P_H2, P_H4, P_H8, P_H16, P_REG };
struct bins_csa {
    __m256i reg[P_REG];
    __m256i lp[BINS_PLANES], hp[BINS_PLANES]; /* weight 32 * 2^k (hp, layout 1: 16 * 2^k) */
    __m256 lo, hi;
    unsigned blocks; /* blocks in this chunk */
};

/* What a call found besides the planes. */
struct bins_tally {
    int64_t fix[BINS_MAX_CSA]; /* rebinned lanes: minus the estimate, plus the definition */
    uint64_t nan;
    uint64_t counts[BINS_MAX_CSA]; /* counts of finished chunks */
    float lo, hi;                  /* min and max of finished chunks */
};

/* Prepares b for nbins bins on [lo, hi]: inner thresholds thresh[1 .. nbins-1], values kept
 * from keep_lo to keep_hi. b->layout is 0 when the edges need the general path. */
void act_bins_init_avx2(struct bins_v8 *b, size_t nbins, double lo, double hi, const float *thresh,
                        float keep_lo, float keep_hi);
/* Clears the memory planes and the tally. */
void act_bins_start_avx2(const struct bins_v8 *b, struct bins_csa *m, struct bins_tally *t);
/* Adds the chunk's planes (all of m->reg filled in) to t's counts and min/max; clears m. */
void act_bins_flush_avx2(const struct bins_v8 *b, struct bins_csa *s, struct bins_tally *t);
/* Rebins the lanes of v in mask (one bit per lane); c: their estimated bins. */
void act_bins_fix_avx2(const struct bins_v8 *b, __m256 v, __m256i c, int mask,
                       struct bins_tally *t);
/* After the last flush: false when a value lay outside the edges (the caller bins again by the
 * definition); else adds the counts of n values to counts. */
bool act_bins_finish_avx2(const struct bins_v8 *b, struct bins_tally *t, size_t n,
                          uint64_t *counts);
/* The bin of v by the definition; false when v is outside the kept range or NaN. */
bool act_bins_exact_avx2(const struct bins_v8 *b, float v, size_t *bin);

/* lanes [0, k) set, k in 0..8 */
static inline __m256i tail_mask_v8(size_t k)
{
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)k), lane);
}

/* horizontal min and max of 8 lanes (no NaN among them), zero reported as +0.0 */
static inline void reduce_minmax_v8(__m256 lo, __m256 hi, float *out_lo, float *out_hi)
{
    __m128 l = _mm_min_ps(_mm256_castps256_ps128(lo), _mm256_extractf128_ps(lo, 1));
    __m128 h = _mm_max_ps(_mm256_castps256_ps128(hi), _mm256_extractf128_ps(hi, 1));
    l = _mm_min_ps(l, _mm_movehl_ps(l, l));
    h = _mm_max_ps(h, _mm_movehl_ps(h, h));
    l = _mm_min_ss(l, _mm_movehdup_ps(l));
    h = _mm_max_ss(h, _mm_movehdup_ps(h));
    *out_lo = _mm_cvtss_f32(l) + 0.0f;
    *out_hi = _mm_cvtss_f32(h) + 0.0f;
}

BINS_AI __m256i bins_csa(__m256i a, __m256i b, __m256i c, __m256i *sum)
{
    __m256i u = _mm256_xor_si256(a, b);
    *sum = _mm256_xor_si256(u, c);
    return _mm256_or_si256(_mm256_and_si256(a, b), _mm256_and_si256(u, c));
}

/* tail lanes [k, 8) are padding: k in 0..8 */
BINS_AI __m256i bins_pad_mask(size_t k)
{
    return _mm256_cmpgt_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
                              _mm256_set1_epi32((int)k - 1));
}

/* v = f(x[at .. at+8)), and the padding mask when the vector runs past n */
BINS_AI __m256 bins_load(const float *x, size_t n, size_t at, bool tail, act_body_v8 f,
                         __m256i *pad)
{
    if (!tail) {
        *pad = _mm256_setzero_si256();
        return f(_mm256_loadu_ps(x + at));
    }
    size_t k = at < n ? n - at : 0;
    *pad = bins_pad_mask(k < 8 ? k : 8);
    return f(
        _mm256_maskload_ps(x + (at < n ? at : 0), _mm256_xor_si256(*pad, _mm256_set1_epi32(-1))));
}

/* The estimated bin of each lane (as a shift count), and its clamped bits in *r. Padding lanes
 * get the last bin at step 0xffff: never counted, never rebinned. Byte 2 of the bits is the bin
 * (bit 23, the exponent's lowest, is 0 from 2^23 to 2^24); for a NaN it is 0xc0 or more, which
 * shifts every one-hot bit out. */
BINS_AI __m256i bins_estimate(const struct bins_v8 *b, __m256 v, __m256i pad, bool tail, __m256i *r)
{
    __m256 t = _mm256_min_ps(b->top, _mm256_fmadd_ps(v, b->scale, b->offset));
    if (tail)
        t = _mm256_blendv_ps(t, b->top, _mm256_castsi256_ps(pad));
    *r = _mm256_max_epu32(_mm256_castps_si256(t), b->floor);
    return _mm256_shuffle_epi8(*r, b->pick);
}

/* One vector: its range, its estimate, the running check. The check keeps, per 16-bit half,
 * the min of the clamped bits with the upper half biased: a lower half below zone is a step
 * next to a threshold, an upper half below `sane` a bin outside 0 .. nbins-1 (a NaN). */
BINS_AI __m256i bins_one(const struct bins_v8 *b, struct bins_regs *s, __m256 v, __m256i pad,
                         bool tail, int chain)
{
    if (tail)
        v = _mm256_or_ps(v, _mm256_castsi256_ps(pad)); /* NaN: min and max skip it */
    s->lo[chain] = _mm256_min_ps(v, s->lo[chain]);
    s->hi[chain] = _mm256_max_ps(v, s->hi[chain]);
    __m256i r, c = bins_estimate(b, v, pad, tail, &r);
    s->check[chain] = _mm256_min_epu16(s->check[chain], _mm256_add_epi16(r, b->bias));
    return c;
}

/* Four estimates: carries of weight 4 (low bins) and 2 or 4 (high: layout 1, 2). */
BINS_AI void bins_quad(const struct bins_v8 *b, struct bins_regs *s, const __m256i *c, int layout,
                       __m256i *cl, __m256i *ch)
{
    const __m256i one = b->one, k32 = b->k32;
    __m256i ta =
        bins_csa(s->l1, _mm256_sllv_epi32(one, c[0]), _mm256_sllv_epi32(one, c[1]), &s->l1);
    __m256i tb =
        bins_csa(s->l1, _mm256_sllv_epi32(one, c[2]), _mm256_sllv_epi32(one, c[3]), &s->l1);
    *cl = bins_csa(s->l2, ta, tb, &s->l2);
    if (layout == 1) {
        /* bins 32-47: the first vector of a pair to bits 16-31 (0x10000 << (c ^ 32)), the
         * second to bits 0-15 (0x8000 >> (c ^ 47)); every other bin, 48 included, shifts out */
        const __m256i a = b->bit16, z = b->bit15;
        __m256i h01 = _mm256_or_si256(_mm256_sllv_epi32(a, _mm256_xor_si256(c[0], k32)),
                                      _mm256_srlv_epi32(z, _mm256_xor_si256(c[1], b->k47)));
        __m256i h23 = _mm256_or_si256(_mm256_sllv_epi32(a, _mm256_xor_si256(c[2], k32)),
                                      _mm256_srlv_epi32(z, _mm256_xor_si256(c[3], b->k47)));
        *ch = bins_csa(s->h1, h01, h23, &s->h1);
    } else {
        __m256i h[4];
        for (int k = 0; k < 4; k++)
            h[k] = _mm256_sllv_epi32(one, _mm256_sub_epi32(c[k], k32));
        ta = bins_csa(s->h1, h[0], h[1], &s->h1);
        tb = bins_csa(s->h1, h[2], h[3], &s->h1);
        *ch = bins_csa(s->h2, ta, tb, &s->h2);
    }
}

/* the memory planes: updated once per 8 vectors or less often */
BINS_AI __m256i bins_csa_m(__m256i *plane, __m256i a, __m256i b)
{
    __m256i sum, carry = bins_csa(*plane, a, b, &sum);
    *plane = sum;
    return carry;
}

BINS_AI void bins_oct(const struct bins_v8 *b, struct bins_regs *s, struct bins_csa *m,
                      const __m256i *c, int layout, __m256i *cl, __m256i *ch)
{
    __m256i la, ha, lb, hb;
    bins_quad(b, s, c, layout, &la, &ha);
    bins_quad(b, s, c + 4, layout, &lb, &hb);
    *cl = bins_csa_m(&m->reg[P_L4], la, lb);
    *ch = bins_csa_m(&m->reg[layout == 1 ? P_H2 : P_H4], ha, hb);
}

/* Adds carry c to the memory planes p[0 ..) after `blocks` blocks: a count of blocks needs
 * bit-length(blocks) planes, and the top one is new (so written, not read) at a power of 2. */
BINS_AI void bins_ripple(__m256i *p, __m256i c, unsigned blocks)
{
    int top = 31 - __builtin_clz(blocks);
    for (int k = 0; k < top; k++) {
        __m256i t = _mm256_and_si256(p[k], c);
        p[k] = _mm256_xor_si256(p[k], c);
        c = t;
    }
    p[top] = blocks & (blocks - 1) ? _mm256_xor_si256(p[top], c) : c;
}

/* Rebins the flagged lanes of the block at x + at. Rare: its own pass, the same estimates. */
BINS_AI void bins_fix_block(const struct bins_v8 *b, struct bins_tally *t, const float *x, size_t n,
                            size_t at, bool tail, act_body_v8 f)
{
    const __m256i low = _mm256_set1_epi32(0xffff);
    for (size_t k = 0; k < BINS_BLOCK; k += 8) {
        if (tail && at + k >= n)
            break;
        __m256i pad = _mm256_setzero_si256(), r;
        __m256 v = bins_load(x, n, at + k, tail, f, &pad);
        __m256i c = bins_estimate(b, v, pad, tail, &r);
        __m256i bad = _mm256_or_si256(_mm256_cmpgt_epi32(b->zone, _mm256_and_si256(r, low)),
                                      _mm256_cmpgt_epi32(_mm256_max_epu32(c, b->last), b->last));
        int mask = _mm256_movemask_ps(_mm256_castsi256_ps(bad));
        if (mask)
            act_bins_fix_avx2(b, v, c, mask, t);
    }
}

/* v[0 .. 8) = f(x) for the 8 vectors at x + at (past n when tail: anything, never counted). */
BINS_AI void bins_fill8(const float *x, size_t n, size_t at, bool tail, act_body_v8 f, __m256 *v)
{
    for (int k = 0; k < 8; k++) {
        __m256i pad;
        v[k] = bins_load(x, n, at + 8 * (size_t)k, tail, f, &pad);
    }
}

/* Estimates of the 8 vectors v[0 .. 8), which came from x + at, into c[0 .. 8). */
BINS_AI void bins_est8(const struct bins_v8 *b, struct bins_regs *s, const __m256 *v, size_t n,
                       size_t at, bool tail, __m256i *c)
{
    for (int k = 0; k < 8; k++) {
        size_t i = at + 8 * (size_t)k;
        __m256i pad = _mm256_setzero_si256();
        if (tail) {
            if (i >= n) {
                c[k] = b->last; /* padding: the last bin, never counted */
                continue;
            }
            pad = bins_pad_mask(n - i < 8 ? n - i : 8);
        }
        c[k] = bins_one(b, s, v[k], pad, tail, k & 1);
    }
}

/* One block of 32 vectors v, f(x) at x + at (padded past n when tail): the estimates (kept in
 * memory, so that the counting keeps its sums and constants in registers), then their counting
 * by groups of four vectors, each after f of four vectors of the next block (into vnext, when
 * next is set): see the head of this file. */
BINS_AI void bins_block(const struct bins_v8 *b, struct bins_regs *s, struct bins_csa *m,
                        struct bins_tally *t, const float *x, size_t n, size_t at, bool tail,
                        int layout, act_body_v8 f, const __m256 *v, __m256 *vnext, bool next)
{
    __m256i c[32], l[4], h[4];
    for (int g = 0; g < 4; g++)
        bins_est8(b, s, v + 8 * g, n, at + 64 * (size_t)g, tail, c + 8 * g);
    for (int g = 0; g < 4; g++) {
        __m256i la, ha, lb, hb;
        for (int q = 0; q < 2; q++) {
            if (next)
                for (int k = 0; k < 4; k++) {
                    __m256i pad;
                    size_t i = at + BINS_BLOCK + 64 * (size_t)g + 32 * (size_t)q + 8 * (size_t)k;
                    vnext[8 * g + 4 * q + k] = bins_load(x, n, i, false, f, &pad);
                }
            bins_quad(b, s, c + 8 * g + 4 * q, layout, q ? &lb : &la, q ? &hb : &ha);
        }
        l[g] = bins_csa_m(&m->reg[P_L4], la, lb);
        h[g] = bins_csa_m(&m->reg[layout == 1 ? P_H2 : P_H4], ha, hb);
    }
    __m256i la = bins_csa_m(&m->reg[P_L8], l[0], l[1]);
    __m256i lb = bins_csa_m(&m->reg[P_L8], l[2], l[3]);
    __m256i ha = bins_csa_m(&m->reg[layout == 1 ? P_H4 : P_H8], h[0], h[1]);
    __m256i hb = bins_csa_m(&m->reg[layout == 1 ? P_H4 : P_H8], h[2], h[3]);
    m->blocks++;
    bins_ripple(m->lp, bins_csa_m(&m->reg[P_L16], la, lb), m->blocks);
    bins_ripple(m->hp, bins_csa_m(&m->reg[layout == 1 ? P_H8 : P_H16], ha, hb), m->blocks);
    /* a step next to a threshold, or a NaN, anywhere in the block */
    __m256i check = _mm256_min_epu16(s->check[0], s->check[1]);
    __m256i low = _mm256_and_si256(check, _mm256_set1_epi32(0xffff));
    __m256i bad = _mm256_or_si256(_mm256_cmpgt_epi32(b->zone, low),
                                  _mm256_cmpgt_epi32(b->sane, _mm256_srli_epi32(check, 16)));
    if (__builtin_expect(!_mm256_testz_si256(bad, bad), 0))
        bins_fix_block(b, t, x, n, at, tail, f);
    s->check[0] = s->check[1] = _mm256_set1_epi32(-1);
}

/* The fast pass over x[0, n): false when the general path must count instead. */
BINS_AI bool bins_run(const struct bins_v8 *b, const float *x, size_t n, uint64_t *counts,
                      float *lo, float *hi, uint64_t *nan, int layout, act_body_v8 f)
{
    struct bins_csa m;
    struct bins_tally t;
    __m256 v[2][32]; /* f(x) of this block and the next */
    act_bins_start_avx2(b, &m, &t);
    for (size_t c0 = 0; c0 < n; c0 += BINS_CHUNK) {
        const __m256i z = _mm256_setzero_si256();
        const __m256 inf = _mm256_set1_ps(INFINITY), ninf = _mm256_set1_ps(-INFINITY);
        const __m256i ones = _mm256_set1_epi32(-1);
        struct bins_regs s = {z, z, z, z, {ones, ones}, {inf, inf}, {ninf, ninf}};
        size_t end = n - c0 > BINS_CHUNK ? c0 + BINS_CHUNK : n, i = c0;
        size_t full = (end - c0) / BINS_BLOCK;
        if (full)
            for (int g = 0; g < 4; g++)
                bins_fill8(x, n, c0 + 64 * (size_t)g, false, f, v[0] + 8 * g);
        for (size_t j = 0; j < full; j++, i += BINS_BLOCK)
            bins_block(b, &s, &m, &t, x, n, i, false, layout, f, v[j & 1], v[(j + 1) & 1],
                       j + 1 < full);
        if (i < end) {
            for (int g = 0; g < 4; g++)
                bins_fill8(x, n, i + 64 * (size_t)g, true, f, v[0] + 8 * g);
            bins_block(b, &s, &m, &t, x, n, i, true, layout, f, v[0], v[1], false);
        }
        m.reg[P_L1] = s.l1;
        m.reg[P_L2] = s.l2;
        m.reg[P_H1] = s.h1;
        if (layout == 2)
            m.reg[P_H2] = s.h2;
        m.lo = _mm256_min_ps(s.lo[0], s.lo[1]);
        m.hi = _mm256_max_ps(s.hi[0], s.hi[1]);
        act_bins_flush_avx2(b, &m, &t);
    }
    if (!act_bins_finish_avx2(b, &t, n, counts))
        return false;
    *lo = t.lo;
    *hi = t.hi;
    *nan = t.nan;
    return true;
}

#endif
