/* histogram_scalar.c - both numpy histogram modes, one value at a time. */
#include "bin_scalar.h"
#include "ops_scalar.h"

void act_hist_edges_scalar(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    for (size_t i = 0; i < n; i++) {
        size_t b;
        if (bin_edges_scalar(y[i], e, &b))
            counts[b]++;
    }
}

void act_hist_uniform_scalar(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    for (size_t i = 0; i < n; i++) {
        size_t b;
        if (bin_uniform_scalar(y[i], e, &b))
            counts[b]++;
    }
}
