/* mass.c - equal-mass edges at the sample's quantiles. */
#include "mass.h"

#include <stdlib.h>

#include "histogram.h"

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

struct act_edges *actent_mass_edges(const float *v, size_t n, size_t nbins)
{
    if (n == 0 || nbins == 0)
        return NULL;
    float *s = malloc(n * sizeof *s);
    double *edge = malloc((nbins + 1) * sizeof *edge);
    struct act_edges *e = NULL;
    if (s && edge) {
        for (size_t i = 0; i < n; i++)
            s[i] = v[i] + 0.0f; /* -0.0 and +0.0 are one value, as numpy compares them */
        qsort(s, n, sizeof *s, cmp_float);
        size_t m = 0;
        for (size_t k = 0; k <= nbins; k++) {
            /* k * n stays below 2^64: n < 2^36 and nbins < 2^24 (the CLI's limits) */
            size_t r = (size_t)((uint64_t)k * n / nbins);
            double d = (double)s[r < n ? r : n - 1];
            if (m == 0 || d != edge[m - 1])
                edge[m++] = d;
        }
        if (m == 1) /* every value equal: one bin [v, v] */
            edge[m++] = edge[0];
        e = actent_edges_given(edge, m - 1);
    }
    free(s);
    free(edge);
    return e;
}

void actent_mass_hist(const float *v, size_t n, const struct act_edges *e, uint64_t *counts)
{
    /* the edges are uneven: only the scalar table's binary search may bin them */
    act_table_scalar.hist_edges(v, n, e, counts);
}
