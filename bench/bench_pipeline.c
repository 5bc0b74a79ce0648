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
