/* bin_scalar.h - the bin of one value, both numpy modes, as plain C.
 *
 * This is the definition every other path is tested against; SIMD tables
 * may also call it for their rare slow paths. See struct act_edges. */
#ifndef ACT_BIN_SCALAR_H
#define ACT_BIN_SCALAR_H

#include <stdbool.h>
#include <stddef.h>

#include "../kernels.h"

/* Given-edges mode: the largest i in [0, nbins) with edge[i] <= v, where v at
 * the top edge falls in the last bin. False for values outside the edges and NaN. */
static inline bool bin_edges_scalar(float v, const struct act_edges *e, size_t *bin)
{
    if (!(v >= e->thresh[0] && v <= e->thresh_hi))
        return false;
    /* count the inner edges 1..nbins-1 that are <= v: first index above v, minus one */
    size_t lo = 1, hi = e->nbins;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v >= e->thresh[mid])
            lo = mid + 1;
        else
            hi = mid;
    }
    *bin = lo - 1;
    return true;
}

/* Uniform mode: numpy's fast path for bins=K, step by step in float32. */
static inline bool bin_uniform_scalar(float v, const struct act_edges *e, size_t *bin)
{
    size_t k = e->nbins;
    if (!((double)v >= e->first && (double)v <= e->last))
        return false;
    double f;
    if (e->wide_sub)
        f = ((double)v - e->first) * e->norm;
    else if (e->wide_norm)
        f = (double)(v - e->first32) * e->norm;
    else
        f = (v - e->first32) * e->norm32;
    /* numpy truncates to intp; the guards only keep a degenerate norm (inf, NaN) in bounds */
    size_t i = f >= 1.0 ? (f < (double)k ? (size_t)f : k - 1) : 0;
    if (i > 0 && v < e->edge32[i])
        i--;
    if (i != k - 1 && v >= e->edge32[i + 1])
        i++;
    *bin = i;
    return true;
}

#endif
