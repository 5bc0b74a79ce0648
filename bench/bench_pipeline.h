/* bench_pipeline.h - what the pipeline families share: a row's buffers and
 * the per-iteration bookkeeping of one histogram and its entropy. */
#ifndef ACTENT_BENCH_PIPELINE_H
#define ACTENT_BENCH_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

#include "bench_families.h"
#include "bench_util.h"
#include "histogram.h"

_Static_assert(BENCH_BINS <= 64, "bench_counts() holds 64 bins");

/* a pipeline through one kernel table */
struct pipe_case {
    const struct act_kernels *k;
    enum act_op op;
    const struct bench_dist *d;
};

struct bench_pipe {
    size_t n, nwin, ystep;
    const float *x;
    float *y;
    const float *xr; /* input range per window */
    struct actent_edges_buf eb;
    uint64_t *counts; /* bench_counts() */
    double entropy;
};

/* 0, or -1 with a reason already given to the benchmark */
int bench_pipe_open(struct bench_pipe *p, struct bench_state *st, const struct bench_dist *d);
void bench_pipe_close(struct bench_pipe *p);

/* registers "<family>/<op>/<table>/<input>" for every activation, input and
 * table, each run by fn with its struct pipe_case */
void bench_pipe_register(const char *family, bench_fn fn);

#endif
