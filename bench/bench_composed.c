/* bench_composed.c - composed/<op>/<act>+<hist>/<input>/<n>: the unfused
 * pipeline assembled from parts: an activation from any implementation,
 * then the min/max and histogram of the fastest table this CPU runs (the one
 * dispatch picks), np.linspace edges and the entropy. With a peer activation
 * this is the best unfused pipeline a user could assemble from a peer's
 * activation and the best histogram available, so fused against composed
 * measures fusion, not a slow baseline histogram. Bytes as unfused/: four
 * passes. */
#include <stdio.h>
#include <string.h>

#include "bench_impl.h"
#include "bench_pipeline.h"
#include "entropy.h"

/* the histogram half: a table's min/max and given-edges histogram */
struct composed_hist {
    const char *name;
    act_minmax_fn minmax;
    act_bin_fn hist_edges;
};

struct composed_case {
    const struct bench_impl *act;
    const struct composed_hist *hist;
    enum act_op op;
    const struct bench_dist *d;
};

static void run_composed(struct bench_state *st, void *ctx)
{
    const struct composed_case *c = ctx;
    if (!bench_impl_cpu_ok(c->act)) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    struct bench_pipe p;
    if (bench_pipe_open(&p, st, c->d) != 0)
        return;
    struct bench_act a;
    char why[256];
    if (bench_act_bind(&a, c->act, c->op, p.x, p.y, p.n, p.nwin, p.ystep, why, sizeof why) != 0) {
        bench_pipe_close(&p);
        bench_skip(st, bench_strdup("%s", why));
        return;
    }
    size_t n = p.n, w = 0;
    bool bad = false;
    while (bench_running(st)) {
        const float *y = p.y + w * p.ystep;
        float lo, hi;
        bench_act_run(&a, w);
        c->hist->minmax(y, n, &lo, &hi);
        const struct act_edges *e = actent_edges_buf_linspace(&p.eb, lo, hi, BENCH_BINS);
        if (!e) {
            bad = true;
            break;
        }
        memset(p.counts, 0, BENCH_BINS * sizeof *p.counts);
        c->hist->hist_edges(y, n, e, p.counts);
        p.entropy = actent_entropy_bits(p.counts, BENCH_BINS);
        bench_keep(&p.entropy);
        w = w + 1 == p.nwin ? 0 : w + 1;
    }
    bench_act_unbind(&a);
    bench_pipe_close(&p);
    if (bad) {
        bench_skip(st, "the activation's output range has no finite edges");
        return;
    }
    bench_finish(st, (int64_t)n, (int64_t)(4 * n * sizeof(float)));
}

void bench_composed_register(void)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    /* act_tables[] is best first: the first this CPU runs is dispatch's choice
     * and the fastest histogram (bench/histogram rows show it per table) */
    static struct composed_hist best;
    for (size_t t = 0; t < act_ntables && !best.name; t++)
        if (act_tables[t]->cpu_ok())
            best = (struct composed_hist){act_tables[t]->name, act_tables[t]->minmax,
                                          act_tables[t]->hist_edges};
    if (!best.name)
        return;
    for (int op = 0; op < ACT_COUNT; op++)
        for (size_t d = 0; d < BENCH_NDISTS; d++)
            for (size_t i = 0; i < bench_nimpls(); i++) {
                const struct bench_impl *im = bench_impl_at(i);
                /* a table's own activation then its histogram is unfused/ */
                if (im->table || !bench_impl_offers(im, (enum act_op)op))
                    continue;
                struct composed_case *c = bench_calloc(1, sizeof *c);
                if (!c)
                    return;
                *c = (struct composed_case){im, &best, (enum act_op)op, &bench_dists[d]};
                bench_add(bench_strdup("composed/%s/%s+%s/%s", act_name(c->op), im->name, best.name,
                                       c->d->name),
                          run_composed, c, sizes, nsizes);
            }
}
