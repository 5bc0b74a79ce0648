/* bench_analysis.c - analysis/<variant>/<table>/unit/<n>: the whole notebook
 * analysis through one table (src/core/experiment.h: actent_experiment_analyse),
 * on the notebook's own sample (np.random.seed(0), U(-1, 1), float32) at its
 * size: the input histogram and entropy, then for all 11 activations the
 * activation, its histogram and entropy; variant "notebook" also runs the
 * copy-neighbour transform (200 iterations) and bins it again, variant
 * "no-transform" does not. Each iteration restarts the random stream where
 * the sample left it, as the notebook does. Items count 11 activations x n
 * values; no bytes are reported. */
#include <stdio.h>
#include <stdlib.h>

#include "bench_families.h"
#include "bench_util.h"
#include "experiment.h"
#include "rng.h"
#include "sample.h"

struct analysis_case {
    const struct act_kernels *k;
    size_t iterations;
};

static void run_analysis(struct bench_state *st, void *ctx)
{
    const struct analysis_case *c = ctx;
    size_t n = (size_t)bench_n(st);
    if (!c->k->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    for (int op = 0; op < ACT_COUNT; op++)
        if (!c->k->activate[op]) {
            bench_skip(st,
                       bench_strdup("%s has no %s kernel", c->k->name, act_name((enum act_op)op)));
            return;
        }
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.k = c->k;
    o.iterations = c->iterations;
    struct actent_rng start, rng;
    float *x = malloc(n * sizeof *x);
    if (!x) {
        bench_skip(st, "out of memory for the sample");
        return;
    }
    actent_rng_seed(&start, o.seed);
    actent_sample(&start, ACTENT_UNIFORM, -1.0, 1.0, x, n);
    char err[256] = "";
    double h = 0.0;
    while (bench_running(st)) {
        struct actent_experiment r;
        rng = start;
        if (actent_experiment_analyse(&o, x, n, &rng, &r, err, sizeof err) != 0)
            break;
        h = r.acts[0].entropy_transformed;
        bench_keep(&h);
        actent_experiment_free(&r);
    }
    free(x);
    if (err[0]) {
        bench_skip(st, bench_strdup("%s", err));
        return;
    }
    bench_finish(st, (int64_t)(ACT_COUNT * n), 0);
    bench_label(st, "items: 11 activations x n");
}

void bench_analysis_register(void)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes_notebook(&nsizes);
    static const struct {
        const char *name;
        size_t iterations;
    } variants[] = {{"notebook", 200}, {"no-transform", 0}};
    for (size_t v = 0; v < 2; v++)
        for (size_t i = 0; i < act_ntables; i++) {
            struct analysis_case *c = bench_calloc(1, sizeof *c);
            if (!c)
                return;
            *c = (struct analysis_case){act_tables[i], variants[v].iterations};
            bench_add(bench_strdup("analysis/%s/%s/unit", variants[v].name, c->k->name),
                      run_analysis, c, sizes, nsizes);
        }
}
