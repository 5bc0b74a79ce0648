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
#include <stdint.h>

#include "kernels.h"
#include "progress.h"

struct actent_kde {
    double upper, lower;       /* bits */
    double mi_upper, mi_lower; /* bits */
};

/* Progress over one or more calls: done counts the pairs computed so far
 * (actent_kde_pairs(n) per call), total what all the calls will compute. */
struct actent_kde_watch {
    struct actent_progress *p;
    uint64_t done, total;
};

/* Through the table's kde_rows (twice: V and 4V); y finite, n >= 1, var > 0.
 * w (may be NULL) is updated after each block of rows. 0; -1 when memory is
 * short (n doubles and n floats); 1 when w's callback asked to stop. */
int actent_kde_bounds(const struct act_kernels *k, const float *y, size_t n, double var,
                      struct actent_kde_watch *w, struct actent_kde *out);

/* the pairs one call of actent_kde_bounds computes: n(n - 1) / 2 for each bound, n(n - 1) */
uint64_t actent_kde_pairs(size_t n);

#endif
