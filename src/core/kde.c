/* kde.c - KDE entropy bounds from the table's pairwise log-sum-exp. */
#include "kde.h"

#include <math.h>

void actent_kde_bounds(const struct act_kernels *k, const float *y, size_t n, double var,
                       struct actent_kde *out)
{
    const double pi = 3.14159265358979323846, ln2 = log(2.0);
    double dn = (double)n;
    /* L(v) = (sum_i ln sum_j ...) / N - ln N */
    double lu = k->kde_lse(y, n, 1.0 / (2.0 * var)) / dn - log(dn);
    double ll = k->kde_lse(y, n, 1.0 / (8.0 * var)) / dn - log(dn);
    double up = 0.5 - lu + 0.5 * log(2.0 * pi * var);
    double lo = 0.5 - ll + 0.5 * log(2.0 * pi * 4.0 * var) + 0.5 * log(0.25);
    double noise = 0.5 * (log(2.0 * pi * var) + 1.0);
    out->upper = up / ln2;
    out->lower = lo / ln2;
    out->mi_upper = (up - noise) / ln2;
    out->mi_lower = (lo - noise) / ln2;
}
