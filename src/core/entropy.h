/* entropy.h - scipy.stats.entropy(counts, base=2), to the last bit. */
#ifndef ACTENT_ENTROPY_H
#define ACTENT_ENTROPY_H

#include <stddef.h>
#include <stdint.h>

#include "actent.h" /* actent_entropy_bits, public as it is */

/* np.add.reduce over a contiguous double array: numpy's pairwise summation */
double actent_pairwise_sum(const double *a, size_t n);

#endif
