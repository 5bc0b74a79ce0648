/* bench_pipeline.c - buffers for the pipeline families. */
#include "bench_pipeline.h"

#include <string.h>

int bench_pipe_open(struct bench_pipe *p, struct bench_state *st, const struct bench_dist *d)
{
    memset(p, 0, sizeof *p);
    p->n = (size_t)bench_n(st);
    p->nwin = bench_windows(p->n);
    p->x = bench_x(d, p->nwin * p->n);
    p->ystep = bench_out_step(p->n);
    p->y = bench_y(p->ystep ? p->nwin * p->n : p->n);
    p->xr = bench_x_ranges(d, p->n);
    p->counts = bench_counts();
    if (!p->x || !p->y || !p->xr || actent_edges_buf_init(&p->eb, BENCH_BINS) != 0) {
        bench_skip(st, "out of memory for the inputs");
        return -1;
    }
    return 0;
}

void bench_pipe_close(struct bench_pipe *p) { actent_edges_buf_free(&p->eb); }

void bench_pipe_register(const char *family, bench_fn fn)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    for (int op = 0; op < ACT_COUNT; op++)
        for (size_t d = 0; d < BENCH_NDISTS; d++)
            for (size_t i = 0; i < act_ntables; i++) {
                struct pipe_case *c = bench_calloc(1, sizeof *c);
                if (!c)
                    return;
                *c = (struct pipe_case){act_tables[i], (enum act_op)op, &bench_dists[d]};
                bench_add(
                    bench_strdup("%s/%s/%s/%s", family, act_name(c->op), c->k->name, c->d->name),
                    fn, c, sizes, nsizes);
            }
}
