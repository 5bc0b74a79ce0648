/* bench_unfused.c - unfused/<op>/<table>/<input>/<n>: one activation's
 * histogram the way the notebook computes it, through a kernel table:
 * activate and store, min/max of the output, np.linspace edges, bin
 * (src/core/pipeline.h: actent_hist_unfused), then the entropy. Bytes count the
 * four passes over memory: x read, y written, y read twice. */
#include <stdio.h>

#include "bench_impl.h"
#include "bench_pipeline.h"
#include "entropy.h"
#include "pipeline.h"

static void run_unfused(struct bench_state *st, void *ctx)
{
    const struct pipe_case *c = ctx;
    if (!c->k->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    if (!c->k->activate[c->op]) {
        bench_skip(st, bench_strdup("%s has no %s kernel", c->k->name, act_name(c->op)));
        return;
    }
    struct bench_pipe p;
    if (bench_pipe_open(&p, st, c->d) != 0)
        return;
    char err[256] = "";
    struct actent_range r;
    size_t n = p.n, w = 0;
    while (bench_running(st)) {
        if (actent_hist_unfused(c->k, c->op, p.x + w * n, n, p.y + w * p.ystep, &p.eb, BENCH_BINS,
                                p.counts, &r, err, sizeof err) != 0)
            break;
        p.entropy = actent_entropy_bits(p.counts, BENCH_BINS);
        bench_keep(&p.entropy);
        w = w + 1 == p.nwin ? 0 : w + 1;
    }
    bench_pipe_close(&p);
    if (err[0]) {
        bench_skip(st, bench_strdup("%s", err));
        return;
    }
    bench_finish(st, (int64_t)n, (int64_t)(4 * n * sizeof(float)));
}

void bench_unfused_register(void) { bench_pipe_register("unfused", run_unfused); }
