/* kde.h - the Kolchinsky-Tracey pairwise-distance bounds on the entropy of
 * the N values, each taken as the centre of a Gaussian of variance V (the
 * bounds Saxe et al. 2018 use). In nats, with L(v) = mean_i ln((1/N)
 * sum_j exp(-(y_i - y_j)^2 / (2v))):
 *   upper  H = 1/2 - L(V) + 1/2 ln(2 pi V)
 *   lower  H = 1/2 - L(4V) + 1/2 ln(2 pi 4V) + 1/2 ln(1/4)
 *   I(X; T) bounds = H - 1/2 (ln(2 pi V) + 1), the noise's entropy removed.
 * Everything here is reported in bits. */
#ifndef ACTENT_KDE_H
#define ACTENT_KDE_H

#include <stddef.h>

#include "kernels.h"

struct actent_kde {
    double upper, lower;       /* bits */
    double mi_upper, mi_lower; /* bits */
};

/* Through the table's kde_lse (twice: V and 4V); y finite, n >= 1, var > 0. */
void actent_kde_bounds(const struct act_kernels *k, const float *y, size_t n, double var,
                       struct actent_kde *out);

#endif
