/* kde.c - KDE entropy bounds from the table's pairwise sums, a block of rows
 * at a time, so long runs show progress and can be stopped. */
#include "kde.h"

#include <math.h>
#include <stdlib.h>

/* sum over i of ln(sum over j of exp(-c (y_i - y_j)^2)); 1 when p stopped it */
static int lse(const struct act_kernels *k, const float *y, size_t n, double c, double *s,
               float *col, struct actent_kde_watch *w)
{
    for (size_t i = 0; i < n; i++)
        s[i] = 1.0; /* the j = i term */
    for (size_t i0 = 0; i0 < n; i0 += ACT_KDE_ROWS) {
        size_t i1 = n - i0 < ACT_KDE_ROWS ? n : i0 + ACT_KDE_ROWS;
        k->kde_rows(y, n, i0, i1, c, s, col);
        if (!w)
            continue;
        /* the pairs (i, j > i) of the block's rows */
        uint64_t rows = i1 - i0;
        w->done += rows * (uint64_t)(n - i0) - rows * (rows + 1) / 2;
        if (w->p && actent_progress_update(w->p, w->done, w->total))
            return 1;
    }
    return 0;
}

uint64_t actent_kde_pairs(size_t n) { return (uint64_t)n * (n ? n - 1 : 0); }

int actent_kde_bounds(const struct act_kernels *k, const float *y, size_t n, double var,
                      struct actent_kde_watch *w, struct actent_kde *out)
{
    const double pi = 3.14159265358979323846, ln2 = log(2.0);
    double *s = malloc(n * sizeof *s);
    float *col = malloc(n * sizeof *col);
    if (!s || !col) {
        free(s);
        free(col);
        return -1;
    }
    double sums[2];
    int rc = 0;
    /* L(v) = (sum_i ln sum_j ...) / N - ln N, for V and 4V */
    for (int b = 0; b < 2 && rc == 0; b++) {
        double c = 1.0 / ((b == 0 ? 2.0 : 8.0) * var);
        rc = lse(k, y, n, c, s, col, w);
        double t = 0.0;
        for (size_t i = 0; i < n; i++)
            t += log(s[i]);
        sums[b] = t;
    }
    free(s);
    free(col);
    if (rc != 0)
        return 1;
    double dn = (double)n;
    double lu = sums[0] / dn - log(dn), ll = sums[1] / dn - log(dn);
    double up = 0.5 - lu + 0.5 * log(2.0 * pi * var);
    double lo = 0.5 - ll + 0.5 * log(2.0 * pi * 4.0 * var) + 0.5 * log(0.25);
    double noise = 0.5 * (log(2.0 * pi * var) + 1.0);
    out->upper = up / ln2;
    out->lower = lo / ln2;
    out->mi_upper = (up - noise) / ln2;
    out->mi_lower = (lo - noise) / ln2;
    return 0;
}
