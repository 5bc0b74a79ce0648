/* bench_kde.c - kde/all/<table>/unit/<n>: the KDE entropy bounds (upper and
 * lower: two pairwise log-sum-exps, src/core/kde.h) of every activation's
 * output on the notebook's sample (np.random.seed(0), U(-1, 1), float32),
 * noise variance 0.01, activations included. Items count activations x n;
 * the work is 2 n^2 exps per activation. scripts/bench_numpy.py times the
 * same formula in numpy (kde/all/numpy/unit/<n>). */
#include <stdio.h>
#include <stdlib.h>

#include "bench_families.h"
#include "bench_util.h"
#include "kde.h"
#include "rng.h"
#include "sample.h"

#define KDE_VAR 0.01

static void run_kde(struct bench_state *st, void *ctx)
{
    const struct act_kernels *k = ctx;
    size_t n = (size_t)bench_n(st);
    if (!k->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    float *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        bench_skip(st, "out of memory for the sample");
        return;
    }
    struct actent_rng rng;
    actent_rng_seed(&rng, 0);
    actent_sample(&rng, ACTENT_UNIFORM, -1.0, 1.0, x, n);
    double h = 0.0;
    while (bench_running(st)) {
        for (int op = 0; op < ACT_COUNT; op++) {
            struct actent_kde b;
            k->activate[op](x, y, n);
            if (actent_kde_bounds(k, y, n, KDE_VAR, NULL, &b) != 0) {
                bench_skip(st, "out of memory for the KDE sums");
                break;
            }
            h += b.upper + b.lower;
        }
        bench_keep(&h);
    }
    free(x);
    free(y);
    bench_finish(st, (int64_t)(ACT_COUNT * n), 0);
    bench_label(st, "items: activations x n; n^2 - n exps each (each pair once, 2 bounds)");
}

void bench_kde_register(void)
{
    static const int64_t sizes[] = {4096};
    for (size_t i = 0; i < act_ntables; i++)
        bench_add(bench_strdup("kde/all/%s/unit", act_tables[i]->name), run_kde,
                  (void *)act_tables[i], sizes, 1);
}
