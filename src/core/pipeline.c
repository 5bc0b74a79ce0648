/* pipeline.c - unfused and fused histograms of one activation. */
#include "pipeline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "errmsg.h"
#include "par.h"

static int bin_range(struct actent_edges_buf *eb, float lo, float hi, size_t nbins, enum act_op op,
                     const struct act_edges **e, char *err, size_t len)
{
    if (!isfinite(lo) || !isfinite(hi))
        return actent_fail(
            err, len, "%s gives %s values: the output range [%g, %g] has no finite edges",
            act_name(op), isnan(lo) || isnan(hi) ? "NaN" : "infinite", (double)lo, (double)hi);
    *e = actent_edges_buf_linspace(eb, lo, hi, nbins);
    if (!*e)
        return actent_fail(err, len, "cannot build %zu bin edges on [%g, %g]", nbins, (double)lo,
                           (double)hi);
    return 0;
}

int actent_hist_unfused(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                        float *y, struct actent_edges_buf *eb, size_t nbins, uint64_t *counts,
                        struct actent_range *r, char *err, size_t len)
{
    const struct act_edges *e;
    k->activate[op](x, y, n);
    k->minmax(y, n, &r->lo, &r->hi);
    r->passes = 1;
    if (bin_range(eb, r->lo, r->hi, nbins, op, &e, err, len) != 0)
        return -1;
    memset(counts, 0, nbins * sizeof *counts);
    k->hist_edges(y, n, e, counts);
    return 0;
}

int actent_hist_fused(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                      float xlo, float xhi, struct actent_edges_buf *eb, size_t nbins,
                      uint64_t *counts, struct actent_range *r, char *err, size_t len)
{
    return actent_hist_fused_mt(k, op, x, n, xlo, xhi, eb, nbins, counts, r, 1, err, len);
}

int actent_hist_fused_mt(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                         float xlo, float xhi, struct actent_edges_buf *eb, size_t nbins,
                         uint64_t *counts, struct actent_range *r, unsigned threads, char *err,
                         size_t len)
{
    /* the prediction: f at the input's ends, through the same kernel body, and
     * at the interior minimiser of a non-monotonic activation when the input
     * range holds it (the output's minimum is there, its maximum at an end) */
    float pts[3] = {xlo, xhi, xlo}, f[3];
    if (act_interior_min(op, &pts[2]) && !(pts[2] >= xlo && pts[2] <= xhi))
        pts[2] = xlo;
    k->activate[op](pts, f, 3);
    float lo = fminf(fminf(f[0], f[1]), f[2]) + 0.0f, hi = fmaxf(f[0], f[1]) + 0.0f;
    if (!isfinite(lo) || !isfinite(hi))
        lo = hi = 0.0f; /* any finite guess: the pass reports the true range */
    for (r->passes = 1; r->passes <= 2; r->passes++) {
        const struct act_edges *e;
        if (bin_range(eb, lo, hi, nbins, op, &e, err, len) != 0)
            return -1;
        memset(counts, 0, nbins * sizeof *counts);
        struct act_seen seen = {INFINITY, -INFINITY, 0};
        actent_par_fused(k->activate_hist[op], x, n, e, counts, &seen,
                         actent_par_threads(threads, n));
        if (seen.nan)
            return actent_fail(err, len, "%s gives NaN for %llu inputs", act_name(op),
                               (unsigned long long)seen.nan);
        /* chunks may meet -0.0 and +0.0 in either order: report +0.0 */
        r->lo = seen.lo + 0.0f;
        r->hi = seen.hi + 0.0f;
        if (seen.lo == lo && seen.hi == hi)
            return 0;
        lo = seen.lo;
        hi = seen.hi;
    }
    return actent_fail(err, len,
                       "%s/%s: the fused pass saw a different range on the same input twice",
                       act_name(op), k->name);
}
