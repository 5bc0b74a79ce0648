/* pipeline.h - one activation's histogram on the output's own range, the two ways.
 *
 * Unfused: activate into a buffer, find its min and max, build edges, bin.
 * Fused: never store the activations. The range is predicted from the input's
 * range, [f(min x), f(max x)], which is exact when the kernel is monotonic as
 * written in float32. A non-monotonic activation's minimum comes from the
 * input pass as well (minmax_turn: f of the few samples near its turn, and
 * of the nearest ones either side), proven where turn.h says so. The fused
 * pass reports the range it actually saw, and if that differs (a kernel that
 * dips by an ulp somewhere, a minimum the input pass could not prove) the
 * pass is repeated with the seen range. The counts are then exactly the
 * unfused path's: same edges, same values, same bins. */
#ifndef ACTENT_PIPELINE_H
#define ACTENT_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernels.h"
#include "histogram.h"
#include "source.h"

struct actent_range {
    float lo, hi; /* the output's min and max: the histogram's outer edges */
    int passes;   /* fused: 1, or 2 when the predicted range was not the range seen */
    bool proven;  /* fused: the input pass proved the minimum (turn.h) */
};

/* What the fused pass knows of its input before binning: its min and max,
 * and for a non-monotonic activation what the minmax_turn pass saw. */
struct actent_input {
    float lo, hi;
    bool scanned; /* turn holds the minmax_turn pass's findings */
    struct act_turn_scan turn;
};

/* One pass over x on up to `threads` threads: its min and max, and for a
 * non-monotonic op the turn scan in the same pass. */
void actent_input_scan(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                       unsigned threads, struct actent_input *in);

/* the same over any source (source.h): float16, bfloat16, float64 widened a
 * block at a time, the results those of the float32 widening */
void actent_input_scan_src(const struct act_kernels *k, enum act_op op, const struct actent_src *x,
                           size_t n, unsigned threads, struct actent_input *in);

/* counts[0..nbins) = histogram of f(x) with np.linspace(min f, max f, nbins + 1)
 * edges; y receives f(x). 0, or -1 with a message (a non-finite output, or no
 * memory for the edges). */
int actent_hist_unfused(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                        float *y, struct actent_edges_buf *eb, size_t nbins, uint64_t *counts,
                        struct actent_range *r, char *err, size_t len);

/* The same counts without storing f(x). xlo, xhi: the input's min and max. */
int actent_hist_fused(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                      float xlo, float xhi, struct actent_edges_buf *eb, size_t nbins,
                      uint64_t *counts, struct actent_range *r, char *err, size_t len);

/* The same on up to `threads` threads (chunks binned in parallel, counts
 * summed, ranges reduced): the same counts and range for any thread count.
 * A non-monotonic op gets its turn scan here (one input pass). */
int actent_hist_fused_mt(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                         float xlo, float xhi, struct actent_edges_buf *eb, size_t nbins,
                         uint64_t *counts, struct actent_range *r, unsigned threads, char *err,
                         size_t len);

/* The same from an input scanned before (actent_input_scan, or only lo and
 * hi set by the caller: the turn scan then runs here when op needs it). */
int actent_hist_fused_in(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                         const struct actent_input *in, struct actent_edges_buf *eb, size_t nbins,
                         uint64_t *counts, struct actent_range *r, unsigned threads, char *err,
                         size_t len);

/* actent_hist_fused_in over any source (source.h) */
int actent_hist_fused_src(const struct act_kernels *k, enum act_op op, const struct actent_src *x,
                          size_t n, const struct actent_input *in, struct actent_edges_buf *eb,
                          size_t nbins, uint64_t *counts, struct actent_range *r, unsigned threads,
                          char *err, size_t len);

#endif
