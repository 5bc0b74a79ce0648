/* bench_minmax.c - minmax/x/<impl>/<input>/<n>: the min and max of the input
 * itself (the pipeline's range pass), for every table and every peer that
 * brings a min/max. A result that differs from the scalar table's is an error. */
#include <stdio.h>

#include "bench_families.h"
#include "bench_impl.h"
#include "bench_util.h"

struct minmax_case {
    const char *impl;
    bool (*cpu_ok)(void);
    act_minmax_fn fn;
    const struct bench_dist *d;
};

static void run_minmax(struct bench_state *st, void *ctx)
{
    const struct minmax_case *c = ctx;
    size_t n = (size_t)bench_n(st), nwin = bench_windows(n);
    if (!c->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    if (!c->fn) {
        bench_skip(st, "no minmax kernel in the table");
        return;
    }
    const float *x = bench_x(c->d, nwin * n), *want = bench_x_ranges(c->d, n);
    if (!x || !want) {
        bench_skip(st, "out of memory for the inputs");
        return;
    }
    float lo, hi;
    c->fn(x, n, &lo, &hi);
    if (lo != want[0] || hi != want[1]) {
        bench_skip(st, bench_strdup("min/max [%a, %a] differ from the scalar table's [%a, %a]",
                                    (double)lo, (double)hi, (double)want[0], (double)want[1]));
        return;
    }
    size_t w = 0;
    while (bench_running(st)) {
        c->fn(x + w * n, n, &lo, &hi);
        bench_keep(&lo);
        bench_keep(&hi);
        w = w + 1 == nwin ? 0 : w + 1;
    }
    bench_finish(st, (int64_t)n, (int64_t)(n * sizeof(float)));
}

static void add(const char *impl, bool (*cpu_ok)(void), act_minmax_fn fn)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    for (size_t d = 0; d < BENCH_NDISTS; d++) {
        struct minmax_case *c = bench_calloc(1, sizeof *c);
        if (!c)
            return;
        *c = (struct minmax_case){impl, cpu_ok, fn, &bench_dists[d]};
        bench_add(bench_strdup("minmax/x/%s/%s", impl, c->d->name), run_minmax, c, sizes, nsizes);
    }
}

void bench_minmax_register(void)
{
    for (size_t i = 0; i < act_ntables; i++)
        add(act_tables[i]->name, act_tables[i]->cpu_ok, act_tables[i]->minmax);
    for (size_t i = 0; i < act_npeers; i++)
        if (act_peers[i]->minmax)
            add(act_peers[i]->name, act_peers[i]->cpu_ok, act_peers[i]->minmax);
}
