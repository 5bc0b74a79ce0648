/* kde_scalar.c - the KDE bounds' pairwise sums in double, each pair once: the
 * reference the SIMD tables are measured against (kernels.h, act_kde_fn). */
#include <math.h>

#include "ops_scalar.h"

void act_kde_rows_scalar(const float *y, size_t n, size_t i0, size_t i1, double c, double *s,
                         float *col)
{
    (void)col; /* the columns' sums go straight to s, in double */
    for (size_t i = i0; i < i1; i++) {
        double yi = y[i], row = 0.0;
        for (size_t j = i + 1; j < n; j++) {
            double d = yi - (double)y[j];
            double t = exp(-c * d * d);
            row += t;
            s[j] += t;
        }
        s[i] += row;
    }
}
