/* bench_activate.c - activate/<op>/<impl>/<input>/<n>: one activation alone,
 * x -> y, for every table and every peer that offers it. Each row carries
 * max_ulp: the largest distance from the scalar table over the first
 * min(n, BENCH_ULP_MAX) values, the same values the timed loop reads first.
 * An implementation that gives NaN for a finite input (or writes nothing)
 * is reported as an error, not timed. */
#include <math.h>
#include <stdio.h>

#include "bench_families.h"
#include "bench_impl.h"
#include "bench_util.h"

#define MAX_SIZES 8

struct act_case {
    const struct bench_impl *im;
    enum act_op op;
    const struct bench_dist *d;
    int64_t ulp_n[MAX_SIZES]; /* sizes whose error is known */
    struct bench_ulp ulp[MAX_SIZES];
    size_t nulp;
};

static struct bench_ulp error_of(struct act_case *c, const struct bench_act *a, size_t n)
{
    for (size_t i = 0; i < c->nulp; i++)
        if (c->ulp_n[i] == (int64_t)n)
            return c->ulp[i];
    size_t m = n < BENCH_ULP_MAX ? n : BENCH_ULP_MAX;
    /* NaN first, so that an implementation that writes nothing cannot pass
     * on what an earlier row left in the shared output */
    for (size_t i = 0; i < n; i++)
        a->y[i] = NAN;
    bench_act_run(a, 0);
    struct bench_ulp u = bench_ulp_check(c->op, c->d, a->y, m);
    if (c->nulp < MAX_SIZES) {
        c->ulp_n[c->nulp] = (int64_t)n;
        c->ulp[c->nulp++] = u;
    }
    return u;
}

static void run_activate(struct bench_state *st, void *ctx)
{
    struct act_case *c = ctx;
    size_t n = (size_t)bench_n(st), nwin = bench_windows(n);
    if (!bench_impl_cpu_ok(c->im)) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    const float *x = bench_x(c->d, nwin * n);
    float *y = bench_y(bench_out_step(n) ? nwin * n : n);
    if (!x || !y) {
        bench_skip(st, "out of memory for the inputs");
        return;
    }
    struct bench_act a;
    char why[256];
    if (bench_act_bind(&a, c->im, c->op, x, y, n, nwin, bench_out_step(n), why, sizeof why) != 0) {
        bench_skip(st, why);
        return;
    }
    struct bench_ulp u = error_of(c, &a, n);
    if (u.nan_diff) {
        bench_act_unbind(&a);
        bench_skip(st, bench_strdup("NaN (or nothing written) for %llu finite inputs",
                                    (unsigned long long)u.nan_diff));
        return;
    }
    if (c->im->lib && c->im->lib->impl)
        bench_label(st, c->im->lib->impl(a.handles[0]));
    size_t w = 0;
    while (bench_running(st)) {
        bench_act_run(&a, w);
        bench_keep(y + w * a.ystep);
        w = w + 1 == nwin ? 0 : w + 1;
    }
    bench_act_unbind(&a);
    bench_finish(st, (int64_t)n, (int64_t)(2 * n * sizeof(float)));
    bench_counter(st, "max_ulp", u.max_ulp);
}

void bench_activate_register(void)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    for (int op = 0; op < ACT_COUNT; op++)
        for (size_t d = 0; d < BENCH_NDISTS; d++)
            for (size_t i = 0; i < bench_nimpls(); i++) {
                const struct bench_impl *im = bench_impl_at(i);
                if (!bench_impl_offers(im, (enum act_op)op))
                    continue;
                struct act_case *c = bench_calloc(1, sizeof *c);
                if (!c)
                    continue;
                *c = (struct act_case){.im = im, .op = (enum act_op)op, .d = &bench_dists[d]};
                bench_add(bench_strdup("activate/%s/%s/%s", act_name(c->op), im->name, c->d->name),
                          run_activate, c, sizes, nsizes);
            }
}
