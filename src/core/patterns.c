/* patterns.c - distinct rows by hashing, and their entropies (patterns.h). */
#include "patterns.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIX 0x9e3779b97f4a7c15u

static inline uint64_t fold(uint64_t h) { return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9u; }

/* Four lanes, each taking 8 bytes (two codes) per step: their multiplies are
 * independent chains, so the row costs about one step per 32 bytes. */
static uint64_t row_hash(const int32_t *c, size_t d)
{
    uint64_t h[4] = {1, 2, 3, 4};
    size_t k = 0;
    for (; k + 8 <= d; k += 8)
        for (int l = 0; l < 4; l++) {
            uint64_t w;
            memcpy(&w, c + k + 2 * l, sizeof w);
            h[l] = (h[l] ^ w) * MIX;
        }
    for (; k < d; k++)
        h[0] = (h[0] ^ (uint32_t)c[k]) * MIX;
    return fold(h[0] ^ fold(h[1] ^ fold(h[2] ^ fold(h[3] ^ d))));
}

void actent_patterns_free(struct actent_patterns *p)
{
    free(p->id);
    free(p->count);
    free(p->order);
    free(p->stamp);
    free(p->place);
    free(p->sub);
    free(p->start);
    memset(p, 0, sizeof *p);
}

/* rows per coded block: about 32 KiB of codes */
#define BLOCK_CODES 8192

int actent_patterns_find(actent_rows_fn code, void *ctx, size_t n, size_t d,
                         struct actent_patterns *p)
{
    memset(p, 0, sizeof *p);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t rows = d < BLOCK_CODES ? BLOCK_CODES / d : 1;
    /* one 8-byte slot per entry: the row + 1 (0: empty) and the hash's top
     * half, so a probe touches one cache line */
    struct slot {
        uint32_t row1, tag;
    } *slot = calloc(cap, sizeof *slot);
    int32_t *buf = malloc((rows + 1) * d * sizeof *buf), *again = buf + rows * d;
    p->id = malloc(n * sizeof *p->id);
    p->count = malloc(n * sizeof *p->count);
    int rc = !slot || !buf || !p->id || !p->count ? -1 : 0;
    size_t mask = cap - 1, npat = 0;
    p->n = n;
    for (size_t i0 = 0; rc == 0 && i0 < n; i0 += rows) {
        size_t i1 = n - i0 < rows ? n : i0 + rows;
        if (!code(ctx, i0, i1, buf)) {
            rc = 1;
            break;
        }
        for (size_t i = i0; rc == 0 && i < i1; i++) {
            const int32_t *row = buf + (i - i0) * d;
            uint64_t h = row_hash(row, d);
            for (size_t s = (size_t)h & mask;; s = (s + 1) & mask) {
                uint32_t tag = (uint32_t)(h >> 32);
                if (slot[s].row1 == 0) {
                    slot[s] = (struct slot){(uint32_t)(i + 1), tag};
                    p->id[i] = (uint32_t)npat;
                    p->count[npat++] = 1;
                    break;
                }
                if (slot[s].tag != tag)
                    continue;
                size_t j = slot[s].row1 - 1;
                const int32_t *prev = j >= i0 ? buf + (j - i0) * d : again;
                if (j < i0 && !code(ctx, j, j + 1, again)) {
                    rc = 1;
                    break;
                }
                if (memcmp(prev, row, d * sizeof *row) == 0) {
                    p->id[i] = p->id[j];
                    p->count[p->id[j]]++;
                    break;
                }
            }
        }
    }
    free(slot);
    free(buf);
    p->npat = npat;
    if (rc != 0)
        actent_patterns_free(p);
    return rc;
}

/* The plug-in entropy as log N - (1/N) sum c ln c: a pattern seen once adds
 * nothing, so a layer whose rows are mostly distinct takes few logarithms
 * (scipy's -sum p ln p takes one per pattern). Equal to it within a few ulp
 * of log N (tests/test_infoplane.c: 1e-12 bits against numpy). The other
 * estimators go through estimators.c. */
static double entropy_of(enum actent_estimator e, const uint64_t *c, size_t m)
{
    if (e != ACTENT_EST_PLUGIN)
        return actent_estimate_bits(e, c, m);
    uint64_t n = 0;
    double s = 0.0;
    for (size_t i = 0; i < m; i++) {
        n += c[i];
        if (c[i] > 1)
            s += (double)c[i] * log((double)c[i]);
    }
    return n ? (log((double)n) - s / (double)n) / log(2.0) : NAN;
}

double actent_patterns_bits(const struct actent_patterns *p, enum actent_estimator e)
{
    return entropy_of(e, p->count, p->npat);
}

/* the scratch cond_bits needs, kept between calls (shuffles reuse it) */
static int scratch(struct actent_patterns *p, size_t nz)
{
    size_t n = p->n;
    if (!p->order) {
        p->order = malloc(n * sizeof *p->order);
        p->stamp = malloc(p->npat * sizeof *p->stamp);
        p->place = malloc(n * sizeof *p->place);
        p->sub = malloc(n * sizeof *p->sub);
        if (!p->order || !p->stamp || !p->place || !p->sub)
            return -1;
    }
    if (p->start_cap < nz + 1) {
        size_t *s = realloc(p->start, (nz + 1) * sizeof *s);
        if (!s)
            return -1;
        p->start = s;
        p->start_cap = nz + 1;
    }
    return 0;
}

int actent_patterns_cond_bits(struct actent_patterns *p, enum actent_estimator e, const int32_t *z,
                              size_t nz, double *bits)
{
    return actent_patterns_cond_bits_of(p, e, p->id, z, nz, bits);
}

int actent_patterns_bits_of(struct actent_patterns *p, enum actent_estimator e, const uint32_t *id,
                            double *bits)
{
    if (scratch(p, 1) != 0)
        return -1;
    size_t m = 0;
    for (size_t q = 0; q < p->npat; q++)
        p->stamp[q] = UINT32_MAX;
    for (size_t k = 0; k < p->n; k++) {
        uint32_t q = id[k];
        if (p->stamp[q] != 0) {
            p->stamp[q] = 0;
            p->place[q] = (uint32_t)m;
            p->sub[m++] = 0;
        }
        p->sub[p->place[q]]++;
    }
    *bits = entropy_of(e, p->sub, m);
    return 0;
}

int actent_patterns_cond_bits_of(struct actent_patterns *p, enum actent_estimator e,
                                 const uint32_t *id, const int32_t *z, size_t nz, double *bits)
{
    if (scratch(p, nz) != 0)
        return -1;
    size_t n = p->n, *start = p->start;
    /* rows grouped by class: a counting sort */
    memset(start, 0, (nz + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[(size_t)z[i] + 1]++;
    for (size_t c = 0; c < nz; c++)
        start[c + 1] += start[c];
    for (size_t i = 0; i < n; i++)
        p->order[start[z[i]]++] = (uint32_t)i;
    for (size_t c = nz; c > 0; c--)
        start[c] = start[c - 1];
    start[0] = 0;
    /* each class's pattern counts: a stamp marks a pattern seen in this class */
    for (size_t q = 0; q < p->npat; q++)
        p->stamp[q] = UINT32_MAX;
    double h = 0.0;
    for (size_t c = 0; c < nz; c++) {
        size_t m = 0;
        for (size_t r = start[c]; r < start[c + 1]; r++) {
            uint32_t q = id[p->order[r]];
            if (p->stamp[q] != (uint32_t)c) {
                p->stamp[q] = (uint32_t)c;
                p->place[q] = (uint32_t)m;
                p->sub[m++] = 0;
            }
            p->sub[p->place[q]]++;
        }
        size_t nc = start[c + 1] - start[c];
        if (nc == 0)
            continue;
        h += (double)nc / (double)n * entropy_of(e, p->sub, m);
    }
    *bits = h;
    return 0;
}
