/* entropy.h - scipy.stats.entropy(counts, base=2), to the last bit. */
#ifndef ACTENT_ENTROPY_H
#define ACTENT_ENTROPY_H

#include <stddef.h>
#include <stdint.h>

/* p = counts / sum, H = sum(-p ln p) / ln 2 with 0 ln 0 = 0, summed in
 * numpy's pairwise order. NaN when every count is zero (scipy: 0/0). */
double actent_entropy_bits(const uint64_t *counts, size_t k);

/* np.add.reduce over a contiguous double array: numpy's pairwise summation */
double actent_pairwise_sum(const double *a, size_t n);

#endif
