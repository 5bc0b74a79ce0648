/* pipeline.c - unfused and fused histograms of one activation. */
#include "pipeline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "errmsg.h"
#include "par.h"
#include "turn.h"

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
    struct actent_input in = {.lo = xlo, .hi = xhi, .scanned = false};
    return actent_hist_fused_in(k, op, x, n, &in, eb, nbins, counts, r, threads, err, len);
}

void actent_input_scan_src(const struct act_kernels *k, enum act_op op, const struct actent_src *x,
                           size_t n, unsigned threads, struct actent_input *in)
{
    struct actent_turn w;
    unsigned t = actent_par_threads(threads, n);
    in->scanned = actent_turn_window(op, act_max_ulp(k, op), &w);
    if (in->scanned) {
        actent_par_minmax_turn_src(k, x, n, w.c, w.r, k->activate[op], t, &in->turn);
        in->lo = in->turn.lo;
        in->hi = in->turn.hi;
    } else {
        actent_par_minmax_src(k, x, n, t, &in->lo, &in->hi);
    }
}

void actent_input_scan(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                       unsigned threads, struct actent_input *in)
{
    struct actent_src s = actent_src_f32(x);
    actent_input_scan_src(k, op, &s, n, threads, in);
}

/* the samples nearest the window from either side: *below the largest x <
 * wlo, *above the smallest x > whi (NaN skipped; -inf, +inf when none) */
struct nearest {
    float wlo, whi, below, above;
};

static void nearest_block(void *ctx, const float *x, size_t n)
{
    struct nearest *a = ctx;
    float b = a->below, c = a->above;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        b = v < a->wlo && v > b ? v : b;
        c = v > a->whi && v < c ? v : c;
    }
    a->below = b;
    a->above = c;
}

/* The prediction: f at the input's ends, through the same kernel body, and
 * for a non-monotonic activation whose window the input reaches, the turn
 * scan's minimum over the window: proven when turn.h's test holds; when it
 * does not (few samples near the turn), f at the samples nearest the window
 * either side joins the guess, from one more pass over the input, cheaper
 * than a second fused pass. The maximum of any of them is at an end. */
static void predict(const struct act_kernels *k, enum act_op op, const struct actent_src *x,
                    size_t n, const struct actent_input *in, unsigned threads, float *lo, float *hi,
                    bool *proven)
{
    float pts[4] = {in->lo, in->hi, in->lo, in->lo}, f[4];
    float flo = INFINITY;
    struct actent_turn w;
    *proven = false;
    if (actent_turn_window(op, act_max_ulp(k, op), &w) && in->lo <= w.whi && in->hi >= w.wlo) {
        struct act_turn_scan s;
        if (in->scanned)
            s = in->turn;
        else
            actent_par_minmax_turn_src(k, x, n, w.c, w.r, k->activate[op],
                                       actent_par_threads(threads, n), &s);
        flo = s.flo;
        *proven = flo <= w.floor;
        if (!*proven) {
            struct nearest a = {w.wlo, w.whi, -INFINITY, INFINITY};
            actent_src_blocks(k, x, 0, n, nearest_block, &a);
            pts[2] = a.below;
            pts[3] = a.above;
            pts[2] = isfinite(pts[2]) ? pts[2] : in->lo;
            pts[3] = isfinite(pts[3]) ? pts[3] : in->lo;
        }
    }
    k->activate[op](pts, f, 4);
    *lo = fminf(fminf(fminf(f[0], f[1]), fminf(f[2], f[3])), flo) + 0.0f;
    *hi = fmaxf(f[0], f[1]) + 0.0f;
}

int actent_hist_fused_in(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                         const struct actent_input *in, struct actent_edges_buf *eb, size_t nbins,
                         uint64_t *counts, struct actent_range *r, unsigned threads, char *err,
                         size_t len)
{
    struct actent_src s = actent_src_f32(x);
    return actent_hist_fused_src(k, op, &s, n, in, eb, nbins, counts, r, threads, err, len);
}

int actent_hist_fused_src(const struct act_kernels *k, enum act_op op, const struct actent_src *x,
                          size_t n, const struct actent_input *in, struct actent_edges_buf *eb,
                          size_t nbins, uint64_t *counts, struct actent_range *r, unsigned threads,
                          char *err, size_t len)
{
    float lo, hi;
    predict(k, op, x, n, in, threads, &lo, &hi, &r->proven);
    if (!isfinite(lo) || !isfinite(hi))
        lo = hi = 0.0f; /* any finite guess: the pass reports the true range */
    for (r->passes = 1; r->passes <= 2; r->passes++) {
        const struct act_edges *e;
        if (bin_range(eb, lo, hi, nbins, op, &e, err, len) != 0)
            return -1;
        memset(counts, 0, nbins * sizeof *counts);
        struct act_seen seen = {INFINITY, -INFINITY, 0};
        actent_par_fused_src(k, k->activate_hist[op], x, n, e, counts, &seen,
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
