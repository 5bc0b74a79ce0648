/* mass.h - equal-mass bins: edges at the sample's quantiles (docs/semantics.md).
 *
 * Sort the n finite values v ascending; edge k (k = 0..B) is v[min(floor(k n
 * / B), n - 1)]; repeated edges are merged, so a value shared by many samples
 * stays in one bin and there may be fewer than B bins. The bins then follow
 * np.histogram(v, bins=edges): [e_k, e_k+1), the last one closed. When every
 * value is equal there is one bin, holding them all. */
#ifndef ACTENT_MASS_H
#define ACTENT_MASS_H

#include <stddef.h>
#include <stdint.h>

#include "kernels.h"

/* The edges of v[0..n) for nbins bins: NULL when memory is short or n or
 * nbins is 0. (*e)->nbins is the number of bins after ties merge. */
struct act_edges *actent_mass_edges(const float *v, size_t n, size_t nbins);

/* Adds the histogram of v[0..n) on e (given-edges, binary search) to counts. */
void actent_mass_hist(const float *v, size_t n, const struct act_edges *e, uint64_t *counts);

#endif
