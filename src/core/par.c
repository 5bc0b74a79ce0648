/* par.c - chunked passes: each chunk writes its own slot, the caller reduces
 * the slots in chunk order. */
#define _GNU_SOURCE
#include "par.h"

#include <math.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "workers.h"

enum { MAX_CHUNKS = 256 };

unsigned actent_cpus(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return 1;
    int c = CPU_COUNT(&set);
    return c < 1 ? 1 : c > 64 ? 64 : (unsigned)c;
}

unsigned actent_par_threads(unsigned want, size_t n)
{
    if (want <= 1 || n < ACTENT_PAR_MIN)
        return 1;
    size_t most = n / (ACTENT_PAR_MIN / 2);
    return most < want ? (unsigned)most : want;
}

struct chunked {
    const float *x;
    size_t n, nchunks, nbins;
    const struct act_kernels *k;
    act_bin_fn bin;
    act_fused_fn fused;
    const struct act_edges *e;
    uint64_t *counts; /* nchunks * nbins */
    struct act_seen seen[MAX_CHUNKS];
};

/* A few chunks per thread, so one slow thread does not hold the rest up. */
static size_t plan(struct chunked *c, const float *x, size_t n, unsigned threads)
{
    memset(c, 0, sizeof *c);
    c->x = x;
    c->n = n;
    c->nchunks = (size_t)threads * 4 < MAX_CHUNKS ? (size_t)threads * 4 : MAX_CHUNKS;
    if (c->nchunks > n)
        c->nchunks = n ? n : 1;
    return c->nchunks;
}

static void span(const struct chunked *c, size_t i, size_t *at, size_t *len)
{
    size_t a = c->n * i / c->nchunks, b = c->n * (i + 1) / c->nchunks;
    *at = a;
    *len = b - a;
}

static void minmax_job(void *ctx, size_t i)
{
    struct chunked *c = ctx;
    size_t at, len;
    span(c, i, &at, &len);
    c->k->minmax(c->x + at, len, &c->seen[i].lo, &c->seen[i].hi);
}

void actent_par_minmax(const struct act_kernels *k, const float *x, size_t n, unsigned threads,
                       float *lo, float *hi)
{
    if (threads <= 1) {
        k->minmax(x, n, lo, hi);
        return;
    }
    struct chunked c;
    plan(&c, x, n, threads);
    c.k = k;
    actent_workers_run(threads, c.nchunks, minmax_job, &c);
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < c.nchunks; i++) {
        *lo = fminf(*lo, c.seen[i].lo);
        *hi = fmaxf(*hi, c.seen[i].hi);
    }
}

struct turn_chunks {
    struct chunked c;
    float wc, wr;
    act_unary_fn f;
    struct act_turn_scan scan[MAX_CHUNKS];
};

static void turn_job(void *ctx, size_t i)
{
    struct turn_chunks *t = ctx;
    size_t at, len;
    span(&t->c, i, &at, &len);
    t->c.k->minmax_turn(t->c.x + at, len, t->wc, t->wr, t->f, &t->scan[i]);
}

void actent_par_minmax_turn(const struct act_kernels *k, const float *x, size_t n, float c, float r,
                            act_unary_fn f, unsigned threads, struct act_turn_scan *s)
{
    if (threads <= 1) {
        k->minmax_turn(x, n, c, r, f, s);
        return;
    }
    struct turn_chunks t;
    plan(&t.c, x, n, threads);
    t.c.k = k;
    t.wc = c;
    t.wr = r;
    t.f = f;
    actent_workers_run(threads, t.c.nchunks, turn_job, &t);
    *s = (struct act_turn_scan){INFINITY, -INFINITY, INFINITY};
    for (size_t i = 0; i < t.c.nchunks; i++) {
        s->lo = fminf(s->lo, t.scan[i].lo);
        s->hi = fmaxf(s->hi, t.scan[i].hi);
        s->flo = fminf(s->flo, t.scan[i].flo);
    }
    s->lo += 0.0f;
    s->hi += 0.0f;
}

static void bin_job(void *ctx, size_t i)
{
    struct chunked *c = ctx;
    size_t at, len;
    span(c, i, &at, &len);
    uint64_t *counts = c->counts + i * c->nbins;
    if (c->fused) {
        c->seen[i] = (struct act_seen){INFINITY, -INFINITY, 0};
        c->fused(c->x + at, len, c->e, counts, &c->seen[i]);
    } else {
        c->bin(c->x + at, len, c->e, counts);
    }
}

static int run_bins(struct chunked *c, uint64_t *counts, unsigned threads)
{
    c->nbins = c->e->nbins;
    c->counts = calloc(c->nchunks * c->nbins, sizeof *c->counts);
    if (!c->counts)
        return -1;
    actent_workers_run(threads, c->nchunks, bin_job, c);
    for (size_t i = 0; i < c->nchunks; i++)
        for (size_t b = 0; b < c->nbins; b++)
            counts[b] += c->counts[i * c->nbins + b];
    free(c->counts);
    return 0;
}

void actent_par_bin(act_bin_fn f, const float *x, size_t n, const struct act_edges *e,
                    uint64_t *counts, unsigned threads)
{
    if (threads > 1) {
        struct chunked c;
        plan(&c, x, n, threads);
        c.bin = f;
        c.e = e;
        if (run_bins(&c, counts, threads) == 0)
            return;
    }
    f(x, n, e, counts); /* one thread, or no memory for the chunks' counts */
}

void actent_par_fused(act_fused_fn f, const float *x, size_t n, const struct act_edges *e,
                      uint64_t *counts, struct act_seen *seen, unsigned threads)
{
    if (threads > 1) {
        struct chunked c;
        plan(&c, x, n, threads);
        c.fused = f;
        c.e = e;
        if (run_bins(&c, counts, threads) == 0) {
            for (size_t i = 0; i < c.nchunks; i++) {
                seen->lo = fminf(seen->lo, c.seen[i].lo);
                seen->hi = fmaxf(seen->hi, c.seen[i].hi);
                seen->nan += c.seen[i].nan;
            }
            return;
        }
    }
    f(x, n, e, counts, seen);
}
