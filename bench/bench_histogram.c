/* bench_histogram.c - histogram/<op>/<impl>/<input>/<n>: the given-edges
 * histogram alone (BENCH_BINS bins, np.linspace edges on the data's own
 * range, built outside the timed loop) of op(x) as the scalar table computes
 * it, so every implementation bins the same values: the shape of the data
 * (relu's half at zero, sigmoid's bulge) is what changes the cost. For every
 * table and every peer that brings a histogram; counts that differ from the
 * scalar table's are an error. */
#include <stdio.h>
#include <string.h>

#include "bench_families.h"
#include "bench_impl.h"
#include "bench_util.h"
#include "histogram.h"

struct hist_case {
    const char *impl;
    bool (*cpu_ok)(void);
    act_bin_fn fn;
    enum act_op op;
    const struct bench_dist *d;
};

static void free_edges(struct act_edges **e, size_t nwin)
{
    for (size_t w = 0; w < nwin; w++)
        actent_edges_free(e[w]);
}

/* NULL when memory is short */
static const char *check(const struct hist_case *c, const float *y, size_t n,
                         const struct act_edges *e)
{
    uint64_t got[BENCH_BINS] = {0}, want[BENCH_BINS] = {0};
    c->fn(y, n, e, got);
    act_table_scalar.hist_edges(y, n, e, want);
    for (size_t k = 0; k < BENCH_BINS; k++)
        if (got[k] != want[k])
            return bench_strdup("bin %zu holds %llu values, the scalar table's %llu", k,
                                (unsigned long long)got[k], (unsigned long long)want[k]);
    return NULL;
}

static void run_histogram(struct bench_state *st, void *ctx)
{
    const struct hist_case *c = ctx;
    size_t n = (size_t)bench_n(st), nwin = bench_windows(n);
    if (!c->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    if (!c->fn) {
        bench_skip(st, "no histogram kernel in the table");
        return;
    }
    const float *y = bench_ref(c->op, c->d, nwin * n), *r = bench_ref_ranges(c->op, c->d, n);
    struct act_edges *e[BENCH_MAX_WINDOWS] = {NULL};
    bool ok = y && r;
    for (size_t w = 0; ok && w < nwin; w++)
        ok = (e[w] = actent_edges_linspace(r[2 * w], r[2 * w + 1], BENCH_BINS)) != NULL;
    if (!ok) {
        free_edges(e, nwin);
        bench_skip(st, "out of memory for the inputs");
        return;
    }
    const char *bad = check(c, y, n, e[0]);
    if (bad) {
        free_edges(e, nwin);
        bench_skip(st, bad);
        return;
    }
    uint64_t *counts = bench_counts();
    size_t w = 0;
    while (bench_running(st)) {
        memset(counts, 0, BENCH_BINS * sizeof *counts);
        c->fn(y + w * n, n, e[w], counts);
        bench_keep(counts);
        w = w + 1 == nwin ? 0 : w + 1;
    }
    free_edges(e, nwin);
    bench_finish(st, (int64_t)n, (int64_t)(n * sizeof(float)));
}

static void add(const char *impl, bool (*cpu_ok)(void), act_bin_fn fn)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    for (int op = 0; op < ACT_COUNT; op++)
        for (size_t d = 0; d < BENCH_NDISTS; d++) {
            struct hist_case *c = bench_calloc(1, sizeof *c);
            if (!c)
                return;
            *c = (struct hist_case){impl, cpu_ok, fn, (enum act_op)op, &bench_dists[d]};
            bench_add(bench_strdup("histogram/%s/%s/%s", act_name(c->op), impl, c->d->name),
                      run_histogram, c, sizes, nsizes);
        }
}

void bench_histogram_register(void)
{
    for (size_t i = 0; i < act_ntables; i++)
        add(act_tables[i]->name, act_tables[i]->cpu_ok, act_tables[i]->hist_edges);
    for (size_t i = 0; i < act_npeers; i++)
        if (act_peers[i]->hist_edges)
            add(act_peers[i]->name, act_peers[i]->cpu_ok, act_peers[i]->hist_edges);
}
