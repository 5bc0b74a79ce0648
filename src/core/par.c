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
    struct actent_src src;
    size_t n, nchunks, nbins;
    const struct act_kernels *k;
    act_bin_fn bin;
    act_fused_fn fused;
    const struct act_edges *e;
    uint64_t *counts; /* nchunks * nbins */
    struct act_seen seen[MAX_CHUNKS];
};

/* A few chunks per thread, so one slow thread does not hold the rest up. */
static size_t plan(struct chunked *c, const struct actent_src *src, size_t n, unsigned threads)
{
    memset(c, 0, sizeof *c);
    c->src = *src;
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

/* one block's min and max merged into the running pair */
struct minmax_acc {
    const struct act_kernels *k;
    float lo, hi;
};

static void minmax_block(void *ctx, const float *x, size_t n)
{
    struct minmax_acc *a = ctx;
    float lo, hi;
    a->k->minmax(x, n, &lo, &hi);
    a->lo = fminf(a->lo, lo);
    a->hi = fmaxf(a->hi, hi);
}

static void minmax_span(const struct act_kernels *k, const struct actent_src *s, size_t at,
                        size_t len, float *lo, float *hi)
{
    if (s->type == ACT_F32) {
        k->minmax((const float *)s->x + at, len, lo, hi);
        return;
    }
    struct minmax_acc a = {k, INFINITY, -INFINITY};
    actent_src_blocks(k, s, at, len, minmax_block, &a);
    *lo = a.lo + 0.0f;
    *hi = a.hi + 0.0f;
}

static void minmax_job(void *ctx, size_t i)
{
    struct chunked *c = ctx;
    size_t at, len;
    span(c, i, &at, &len);
    minmax_span(c->k, &c->src, at, len, &c->seen[i].lo, &c->seen[i].hi);
}

void actent_par_minmax_src(const struct act_kernels *k, const struct actent_src *s, size_t n,
                           unsigned threads, float *lo, float *hi)
{
    if (threads <= 1) {
        minmax_span(k, s, 0, n, lo, hi);
        return;
    }
    struct chunked c;
    plan(&c, s, n, threads);
    c.k = k;
    actent_workers_run(threads, c.nchunks, minmax_job, &c);
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < c.nchunks; i++) {
        *lo = fminf(*lo, c.seen[i].lo);
        *hi = fmaxf(*hi, c.seen[i].hi);
    }
}

void actent_par_minmax(const struct act_kernels *k, const float *x, size_t n, unsigned threads,
                       float *lo, float *hi)
{
    struct actent_src s = actent_src_f32(x);
    actent_par_minmax_src(k, &s, n, threads, lo, hi);
}

struct turn_chunks {
    struct chunked c;
    float wc, wr;
    act_unary_fn f;
    struct act_turn_scan scan[MAX_CHUNKS];
};

/* one block's turn scan merged into the running one */
struct turn_acc {
    const struct turn_chunks *t;
    struct act_turn_scan s;
};

static void turn_merge(struct act_turn_scan *into, const struct act_turn_scan *b)
{
    into->lo = fminf(into->lo, b->lo);
    into->hi = fmaxf(into->hi, b->hi);
    into->flo = fminf(into->flo, b->flo);
}

static void turn_block(void *ctx, const float *x, size_t n)
{
    struct turn_acc *a = ctx;
    struct act_turn_scan b;
    a->t->c.k->minmax_turn(x, n, a->t->wc, a->t->wr, a->t->f, &b);
    turn_merge(&a->s, &b);
}

static void turn_span(const struct turn_chunks *t, size_t at, size_t len, struct act_turn_scan *s)
{
    if (t->c.src.type == ACT_F32) {
        t->c.k->minmax_turn((const float *)t->c.src.x + at, len, t->wc, t->wr, t->f, s);
        return;
    }
    struct turn_acc a = {t, {INFINITY, -INFINITY, INFINITY}};
    actent_src_blocks(t->c.k, &t->c.src, at, len, turn_block, &a);
    *s = a.s;
    s->lo += 0.0f;
    s->hi += 0.0f;
}

static void turn_job(void *ctx, size_t i)
{
    struct turn_chunks *t = ctx;
    size_t at, len;
    span(&t->c, i, &at, &len);
    turn_span(t, at, len, &t->scan[i]);
}

void actent_par_minmax_turn_src(const struct act_kernels *k, const struct actent_src *src, size_t n,
                                float c, float r, act_unary_fn f, unsigned threads,
                                struct act_turn_scan *s)
{
    struct turn_chunks t;
    plan(&t.c, src, n, threads > 1 ? threads : 1);
    t.c.k = k;
    t.wc = c;
    t.wr = r;
    t.f = f;
    if (threads <= 1) {
        turn_span(&t, 0, n, s);
        return;
    }
    actent_workers_run(threads, t.c.nchunks, turn_job, &t);
    *s = (struct act_turn_scan){INFINITY, -INFINITY, INFINITY};
    for (size_t i = 0; i < t.c.nchunks; i++)
        turn_merge(s, &t.scan[i]);
    s->lo += 0.0f;
    s->hi += 0.0f;
}

void actent_par_minmax_turn(const struct act_kernels *k, const float *x, size_t n, float c, float r,
                            act_unary_fn f, unsigned threads, struct act_turn_scan *s)
{
    struct actent_src src = actent_src_f32(x);
    actent_par_minmax_turn_src(k, &src, n, c, r, f, threads, s);
}

/* the fused kernel on one block, counting into the chunk's counts */
struct fused_acc {
    act_fused_fn f;
    const struct act_edges *e;
    uint64_t *counts;
    struct act_seen *seen;
};

static void fused_block(void *ctx, const float *x, size_t n)
{
    struct fused_acc *a = ctx;
    a->f(x, n, a->e, a->counts, a->seen);
}

static void bin_job(void *ctx, size_t i)
{
    struct chunked *c = ctx;
    size_t at, len;
    span(c, i, &at, &len);
    uint64_t *counts = c->counts + i * c->nbins;
    if (c->fused) {
        c->seen[i] = (struct act_seen){INFINITY, -INFINITY, 0};
        struct fused_acc a = {c->fused, c->e, counts, &c->seen[i]};
        actent_src_blocks(c->k, &c->src, at, len, fused_block, &a);
    } else {
        c->bin((const float *)c->src.x + at, len, c->e, counts);
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
        struct actent_src s = actent_src_f32(x);
        plan(&c, &s, n, threads);
        c.bin = f;
        c.e = e;
        if (run_bins(&c, counts, threads) == 0)
            return;
    }
    f(x, n, e, counts); /* one thread, or no memory for the chunks' counts */
}

void actent_par_fused_src(const struct act_kernels *k, act_fused_fn f, const struct actent_src *s,
                          size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen, unsigned threads)
{
    if (threads > 1) {
        struct chunked c;
        plan(&c, s, n, threads);
        c.k = k;
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
    struct fused_acc a = {f, e, counts, seen};
    actent_src_blocks(k, s, 0, n, fused_block, &a);
}

void actent_par_fused(act_fused_fn f, const float *x, size_t n, const struct act_edges *e,
                      uint64_t *counts, struct act_seen *seen, unsigned threads)
{
    struct actent_src s = actent_src_f32(x);
    actent_par_fused_src(NULL, f, &s, n, e, counts, seen, threads);
}
