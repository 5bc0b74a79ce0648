/* bench_fused.c - fused/<op>/<table>/<input>/<n>: the same histogram and
 * entropy as unfused/, without storing the activations (src/core/pipeline.h:
 * actent_hist_fused_in). Every pass a single call makes is timed: the input
 * scan (min and max, and a non-monotonic activation's turn scan in the same
 * pass) and the fused pass. Bytes: x read twice. `passes` is 2 where the
 * predicted range was not the range seen; `proven` 1 where the input scan
 * proved the minimum. */
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
    struct actent_range r = {0, 0, 0, false};
    size_t n = p.n, w = 0;
    while (bench_running(st)) {
        struct actent_input in;
        actent_input_scan(c->k, c->op, p.x + w * n, n, 1, &in);
        if (actent_hist_fused_in(c->k, c->op, p.x + w * n, n, &in, &p.eb, BENCH_BINS, p.counts, &r,
                                 1, err, sizeof err) != 0)
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
    bench_finish(st, (int64_t)n, (int64_t)(2 * n * sizeof(float)));
    bench_counter(st, "passes", r.passes);
    bench_counter(st, "proven", r.proven);
    bench_label(st, "input scan timed");
}

void bench_fused_register(void) { bench_pipe_register("fused", run_fused); }
