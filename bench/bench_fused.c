/* bench_fused.c - fused/<op>/<table>/<input>/<n>: the same histogram and
 * entropy as unfused/, without storing the activations (src/pipeline.h:
 * actent_hist_fused). The input's min and max, from which the output range
 * is predicted, are computed once outside the timed loop, as the notebook's
 * analysis computes them once for all activations. Bytes: x read once.
 * `passes` is 2 where the predicted range was not the range seen. */
#include <stdio.h>

#include "bench_impl.h"
#include "bench_pipeline.h"
#include "entropy.h"
#include "pipeline.h"

static void run_fused(struct bench_state *st, void *ctx)
{
    const struct pipe_case *c = ctx;
    if (!c->k->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    if (!c->k->activate[c->op] || !c->k->activate_hist[c->op]) {
        bench_skip(st, bench_strdup("%s has no %s kernel", c->k->name, act_name(c->op)));
        return;
    }
    struct bench_pipe p;
    if (bench_pipe_open(&p, st, c->d) != 0)
        return;
    char err[256] = "";
    struct actent_range r = {0, 0, 0};
    size_t n = p.n, w = 0;
    while (bench_running(st)) {
        if (actent_hist_fused(c->k, c->op, p.x + w * n, n, p.xr[2 * w], p.xr[2 * w + 1], &p.eb,
                              BENCH_BINS, p.counts, &r, err, sizeof err) != 0)
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
    bench_finish(st, (int64_t)n, (int64_t)(n * sizeof(float)));
    bench_counter(st, "passes", r.passes);
    bench_label(st, "input range given");
}

void bench_fused_register(void) { bench_pipe_register("fused", run_fused); }
