/* kde_scalar.c - the pairwise log-sum-exp in double: the reference the SIMD
 * tables are measured against (kernels.h, act_kde_fn). */
#include <math.h>

#include "ops_scalar.h"

double act_kde_lse_scalar(const float *y, size_t n, double c)
{
    double total = 0.0;
    for (size_t i = 0; i < n; i++) {
        double yi = y[i], s = 0.0;
        for (size_t j = 0; j < n; j++) {
            double d = yi - (double)y[j];
            s += exp(-c * d * d);
        }
        total += log(s);
    }
    return total;
}
