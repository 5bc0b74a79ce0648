/* histogram.h - bin edges as numpy builds them, and histograms through a table.
 *
 * Two modes, both numpy's:
 *   uniform: np.histogram(x, bins=K) on float32 data: K bins on [min, max]
 *            (widened by 0.5 each way when min == max), float32 edges;
 *   given:   np.histogram(y, bins=np.linspace(lo, hi, K + 1)): double edges.
 * The notebook bins its input the first way and its outputs the second, with
 * np.linspace(min, max, 50), i.e. 49 bins. */
#ifndef ACTENT_HISTOGRAM_H
#define ACTENT_HISTOGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "kernels.h"

/* np.linspace(lo, hi, nbins + 1) as given edges. NULL (with errno) when
 * nbins is 0 or too large, lo > hi, either is not finite, or memory is short. */
struct act_edges *actent_edges_linspace(double lo, double hi, size_t nbins);

/* np.histogram(x, bins=nbins)'s edges for float32 data with this min and max. */
struct act_edges *actent_edges_uniform(float min, float max, size_t nbins);

/* np.histogram(y, bins=edges)'s given edges: nbins + 1 finite, non-decreasing
 * doubles (the caller checks). Only binary-search binning (the scalar table's
 * hist_edges) may use them: SIMD tables assume evenly spaced edges. NULL when
 * nbins is 0 or too large, or memory is short. */
struct act_edges *actent_edges_given(const double *edges, size_t nbins);

void actent_edges_free(struct act_edges *e);

/* Reusable storage for edges of up to `cap` bins, so a hot loop that rebuilds
 * edges (one histogram per activation) allocates nothing. */
struct actent_edges_buf {
    struct act_edges e;
    size_t cap;
    double *edge;
    float *thresh, *edge32;
};

/* 0, or -1 when memory is short or cap is 0 or too large */
int actent_edges_buf_init(struct actent_edges_buf *b, size_t cap);
void actent_edges_buf_free(struct actent_edges_buf *b);
/* np.linspace(lo, hi, nbins + 1) into b; NULL when the arguments are bad
 * (as actent_edges_linspace) or nbins exceeds b->cap */
const struct act_edges *actent_edges_buf_linspace(struct actent_edges_buf *b, double lo, double hi,
                                                  size_t nbins);

/* numpy's linspace in double: out[i] = i * step + lo, out[num - 1] = hi. */
void actent_linspace(double lo, double hi, size_t num, double *out);

/* the smallest float32 >= d, and the largest float32 <= d */
float actent_f32_ceil(double d);
float actent_f32_floor(double d);

#endif
