/* par.h - one pass over a large array split into chunks on several threads.
 *
 * Every result here is an integer sum or a min/max, so it is the same bits
 * for any number of threads and any chunking. Below ACTENT_PAR_MIN values one
 * thread runs: starting threads costs more than it saves (measured with
 * `actent-bench --benchmark_filter=fused_mt`, see docs/usage.md). */
#ifndef ACTENT_PAR_H
#define ACTENT_PAR_H

#include <stddef.h>
#include <stdint.h>

#include "kernels.h"
#include "source.h"

#define ACTENT_PAR_MIN ((size_t)1 << 17)

/* The CPUs this process may run on (sched_getaffinity), at least 1, at most 64. */
unsigned actent_cpus(void);

/* How many threads a pass over n values should use, given `want` (0: 1). */
unsigned actent_par_threads(unsigned want, size_t n);

void actent_par_minmax(const struct act_kernels *k, const float *x, size_t n, unsigned threads,
                       float *lo, float *hi);
/* the minmax_turn pass (kernels.h) on chunks, reduced: the same for any threads */
void actent_par_minmax_turn(const struct act_kernels *k, const float *x, size_t n, float c, float r,
                            act_unary_fn f, unsigned threads, struct act_turn_scan *s);
/* the same passes over any source (source.h): float32 read in place, other
 * types widened by k a block at a time; the results are those of the float32
 * widening, bit for bit, for any threads */
void actent_par_minmax_src(const struct act_kernels *k, const struct actent_src *s, size_t n,
                           unsigned threads, float *lo, float *hi);
void actent_par_minmax_turn_src(const struct act_kernels *k, const struct actent_src *src, size_t n,
                                float c, float r, act_unary_fn f, unsigned threads,
                                struct act_turn_scan *s);
void actent_par_fused_src(const struct act_kernels *k, act_fused_fn f, const struct actent_src *s,
                          size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen, unsigned threads);
/* counts (nbins of them, zeroed by the caller) += the histogram of x */
void actent_par_bin(act_bin_fn f, const float *x, size_t n, const struct act_edges *e,
                    uint64_t *counts, unsigned threads);
/* the fused pass: counts += the histogram of f(x); *seen as the kernel reports it */
void actent_par_fused(act_fused_fn f, const float *x, size_t n, const struct act_edges *e,
                      uint64_t *counts, struct act_seen *seen, unsigned threads);

#endif
