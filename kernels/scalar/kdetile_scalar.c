/* kdetile_scalar.c - the d-dimensional KDE bounds' tiles in double: the
 * reference the SIMD tables are measured against (kernels.h, act_kde_dist_fn
 * and act_kde_tile_fn). */
#include <math.h>

#include "ops_scalar.h"

void act_kde_dist_scalar(const float *a, size_t nr, size_t lda, const float *bt, size_t nc,
                         size_t ldb, size_t d, float *D, size_t ldd)
{
    for (size_t r = 0; r < nr; r++)
        for (size_t c = 0; c < nc; c++) {
            double s = 0.0;
            for (size_t k = 0; k < d; k++) {
                double t = (double)a[r * lda + k] - (double)bt[k * ldb + c];
                s += t * t;
            }
            D[r * ldd + c] = (float)s;
        }
}

void act_kde_tile_scalar(const float *D, size_t nr, size_t nc, size_t ldd, double cf,
                         const int32_t *yr, const int32_t *yc, double *rs, double *cs, double *rsy,
                         double *csy)
{
    for (size_t r = 0; r < nr; r++) {
        double row = 0.0, rowy = 0.0;
        for (size_t c = 0; c < nc; c++) {
            double e = exp(-cf * (double)D[r * ldd + c]);
            row += e;
            cs[c] += e;
            if (yr[r] == yc[c]) {
                rowy += e;
                csy[c] += e;
            }
        }
        rs[r] += row;
        rsy[r] += rowy;
    }
}
