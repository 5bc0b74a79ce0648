/* bench_util.c - sizes, seeded inputs, scalar references and their ranges,
 * kept for the program's life so that every repetition of every benchmark,
 * in whatever order they are interleaved, reads the same bytes. */
#include "bench_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "sample.h"
#include "ulp.h"

static bool smoke;

void bench_set_smoke(bool on) { smoke = on; }
bool bench_smoke(void) { return smoke; }

/* 4096 (the notebook's) and 65536 rotate through 256 KiB of input (L2); 262144 reads
 * 1 MiB and writes 1 MiB without rotating (L3 on most servers, L2 on few); 1048576
 * and 16777216 rotate over 64 MiB each way (DRAM, or L3 where it holds 128 MiB) */
static const int64_t sizes_all[] = {4096, 65536, 262144, 1048576, 16777216};
static const int64_t sizes_notebook[] = {ACTENT_NOTEBOOK_N};
static const int64_t sizes_smoke[] = {BENCH_SMOKE_N};

const int64_t *bench_sizes(size_t *count)
{
    *count = smoke ? 1 : sizeof sizes_all / sizeof sizes_all[0];
    return smoke ? sizes_smoke : sizes_all;
}

const int64_t *bench_sizes_notebook(size_t *count)
{
    *count = 1;
    return smoke ? sizes_smoke : sizes_notebook;
}

size_t bench_windows(size_t n)
{
    size_t w;
    if (n == 0 || smoke)
        w = 1;
    else if (n * 2 * sizeof(float) > BENCH_ROTATE_BYTES)
        w = n >= BENCH_SPAN ? 1 : BENCH_SPAN / n;
    else
        w = n >= BENCH_FRESH ? 1 : (BENCH_FRESH + n - 1) / n;
    return w < BENCH_MAX_WINDOWS ? w : BENCH_MAX_WINDOWS;
}

size_t bench_out_step(size_t n) { return n * 2 * sizeof(float) > BENCH_ROTATE_BYTES ? n : 0; }

/* seeds are arbitrary but fixed: scripts/bench_numpy.py draws the same values */
const struct bench_dist bench_dists[BENCH_NDISTS] = {
    {"unit", -1.0, 1.0, 1001},
    {"wide", -10.0, 10.0, 1002},
};

/* ---- storage that grows on demand inside one reservation */

struct grow {
    float *p;   /* BENCH_SPAN floats reserved; pages are touched only as they fill */
    size_t len; /* filled so far */
};

static bool reserve(struct grow *g)
{
    if (!g->p)
        g->p = aligned_alloc(64, BENCH_SPAN * sizeof(float));
    return g->p != NULL;
}

static struct {
    struct grow g;
    struct actent_rng rng;
    bool seeded;
} streams[BENCH_NDISTS];

static size_t dist_index(const struct bench_dist *d) { return (size_t)(d - bench_dists); }

const float *bench_x(const struct bench_dist *d, size_t count)
{
    size_t i = dist_index(d);
    struct grow *g = &streams[i].g;
    if (count > BENCH_SPAN || !reserve(g))
        return NULL;
    if (!streams[i].seeded) {
        actent_rng_seed(&streams[i].rng, d->seed);
        streams[i].seeded = true;
    }
    if (g->len < count) {
        /* the stream continues where it stopped: the same values as one long draw */
        actent_sample(&streams[i].rng, ACTENT_UNIFORM, d->lo, d->hi, g->p + g->len, count - g->len);
        for (size_t k = g->len; k < count; k++)
            if (g->p[k] == 0.0f)
                g->p[k] = (float)(d->hi / 2); /* never zero: see bench_util.h */
        g->len = count;
    }
    return g->p;
}

static struct grow scratch;

float *bench_y(size_t count)
{
    if (count > BENCH_SPAN || !reserve(&scratch))
        return NULL;
    if (scratch.len < count) {
        memset(scratch.p + scratch.len, 0, (count - scratch.len) * sizeof(float));
        scratch.len = count;
    }
    return scratch.p;
}

static struct grow refs[ACT_COUNT][BENCH_NDISTS];

const float *bench_ref(enum act_op op, const struct bench_dist *d, size_t count)
{
    struct grow *g = &refs[op][dist_index(d)];
    const float *x = bench_x(d, count);
    if (!x || !reserve(g))
        return NULL;
    if (g->len < count) {
        act_table_scalar.activate[op](x + g->len, g->p + g->len, count - g->len);
        g->len = count;
    }
    return g->p;
}

/* ---- window ranges, kept per (data, distribution, n) */

struct ranges {
    int what; /* an op, or -1 for the input itself */
    size_t dist, n;
    float *lohi;
    struct ranges *next;
};

static struct ranges *range_list;

static const float *ranges_of(int what, const struct bench_dist *d, size_t n)
{
    for (struct ranges *r = range_list; r; r = r->next)
        if (r->what == what && r->dist == dist_index(d) && r->n == n)
            return r->lohi;
    size_t w = bench_windows(n);
    const float *v = what < 0 ? bench_x(d, w * n) : bench_ref((enum act_op)what, d, w * n);
    struct ranges *r = calloc(1, sizeof *r);
    float *lohi = malloc(2 * w * sizeof *lohi);
    if (!v || !r || !lohi) {
        free(r);
        free(lohi);
        return NULL;
    }
    for (size_t k = 0; k < w; k++)
        act_table_scalar.minmax(v + k * n, n, &lohi[2 * k], &lohi[2 * k + 1]);
    *r = (struct ranges){what, dist_index(d), n, lohi, range_list};
    range_list = r;
    return lohi;
}

const float *bench_x_ranges(const struct bench_dist *d, size_t n) { return ranges_of(-1, d, n); }

const float *bench_ref_ranges(enum act_op op, const struct bench_dist *d, size_t n)
{
    return ranges_of((int)op, d, n);
}

uint64_t *bench_counts(void)
{
    static _Alignas(64) uint64_t counts[64];
    return counts;
}

/* ---- accuracy */

struct bench_ulp bench_ulp_check(enum act_op op, const struct bench_dist *d, const float *y,
                                 size_t n)
{
    struct bench_ulp u = {0.0, 0};
    const float *r = bench_ref(op, d, n);
    if (!r) {
        u.max_ulp = NAN;
        return u;
    }
    int64_t worst = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]) || isnan(r[i])) {
            u.nan_diff += isnan(y[i]) != isnan(r[i]);
            continue;
        }
        int64_t dist = (int64_t)actent_ulp_distance(y[i], r[i]);
        worst = dist > worst ? dist : worst;
    }
    u.max_ulp = (double)worst;
    return u;
}

/* ---- things registered benchmarks keep */

struct kept {
    struct kept *next;
    max_align_t data[];
};

static struct kept *kept_list;

void *bench_calloc(size_t n, size_t size)
{
    if (size && n > (SIZE_MAX - sizeof(struct kept)) / size)
        return NULL;
    struct kept *k = calloc(1, sizeof *k + n * size);
    if (!k)
        return NULL;
    k->next = kept_list;
    kept_list = k;
    return k->data;
}

const char *bench_strdup(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = len < 0 ? NULL : bench_calloc((size_t)len + 1, 1);
    if (!s)
        return "?";
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return s;
}
