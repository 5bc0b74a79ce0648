/* verify_hist.c - histogram agreement of a table with scalar, value by value,
 * and the entropy tolerance its ULP bound allows.
 *
 * Both paths bin their own outputs on their own range, np.linspace(min, max,
 * K + 1) edges, as the experiment does. With bound B, a table's value lies
 * within B ulps of scalar's, so its min and max do too, and each edge j
 * (linear and non-decreasing in min and max) lies in a window spanned by
 * the edges of the extreme ranges (min -+ B, max -+ B). A value is at risk
 * when its B-neighbourhood reaches an edge's window: only such a value may
 * land in another bin, and only in a bin that neighbourhood reaches. Every
 * value the table bins differently is checked against exactly that; any
 * other move is a violation ("unexcused").
 *
 * The entropy tolerance. With N values and counts c_k, H = log2 N - (1/N)
 * sum_k g(c_k), g(c) = c log2 c. If out_k at-risk values could leave bin k
 * and in_k could enter it, c_k can end anywhere in [c_k - out_k, c_k + in_k];
 * g is non-decreasing on the integers >= 0 (g(0) = g(1) = 0), so
 *     |H' - H| <= (1/N) sum_k max(g(c_k) - g(c_k - out_k), g(c_k + in_k) - g(c_k)),
 * the largest change any set of such moves could cause (moves conserve N,
 * which only lowers it). That is the tolerance reported; nothing is typed in.
 * The two entropies are computed in double: each of the K terms c/N ln(c/N)
 * with relative error <= 4u (u = 2^-53; the log counted as 2u), their
 * pairwise sum adding <= ceil(log2 K) u, the division by ln 2 and ln 2 itself
 * u each, the sum of non-negative terms bounding the absolute error, so each H is within
 * (ceil(log2 K) + 6) u H of its exact value; the comparison allows the sum of
 * both as "rounding". */
#include "verify.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scalar/bin_scalar.h"
#include "entropy.h"
#include "histogram.h"
#include "pipeline.h"
#include "transform.h"
#include "verify_windows.h"

static const struct act_kernels *const ref = &act_table_scalar;

/* the bin by definition; SIZE_MAX for NaN or a value outside the edges */
static size_t bin_of(float v, const struct act_edges *e)
{
    size_t b;
    return bin_edges_scalar(v, e, &b) ? b : SIZE_MAX;
}

static double g(double c) { return c > 1.0 ? c * log2(c) : 0.0; }

static double tolerance(const uint64_t *c, const uint64_t *out, const uint64_t *in, size_t k,
                        size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < k; i++) {
        double ci = (double)c[i];
        double down = g(ci) - g(ci - (double)out[i]), up = g(ci + (double)in[i]) - g(ci);
        sum += down > up ? down : up;
    }
    return n ? sum / (double)n : 0.0;
}

static double rounding(size_t k, double h1, double h2)
{
    return (ceil(log2((double)k)) + 6.0) * 0x1p-53 * (fabs(h1) + fabs(h2));
}

/* the per-value accounting shared by the plain and the transformed check */
struct tally {
    uint64_t *out, *in, *recount, *recount_ref;
    uint64_t moved, unexcused, at_risk;
    bool has_unexcused;
    size_t first_unexcused; /* its index */
};

/* same_edges: es and et have the same thresholds, so equal values share a bin */
static void tally_value(struct tally *t, const struct windows *w, const struct act_edges *es,
                        const struct act_edges *et, bool same_edges, float vs, float vt,
                        uint32_t radius, size_t i)
{
    size_t bs = bin_of(vs, es), bmin, bmax;
    size_t bt = same_edges && memcmp(&vs, &vt, sizeof vs) == 0 ? bs : bin_of(vt, et);
    if (bs == SIZE_MAX || bt == SIZE_MAX) {
        /* not binned on one side at least (NaN): a move unless on neither */
        if (bs != SIZE_MAX)
            t->recount_ref[bs]++;
        if (bt != SIZE_MAX)
            t->recount[bt]++;
        if (bs != bt) {
            t->moved++;
            t->unexcused++;
            if (!t->has_unexcused) {
                t->has_unexcused = true;
                t->first_unexcused = i;
            }
        }
        return;
    }
    actent_windows_reach(w, vs, radius, bs, &bmin, &bmax);
    t->recount_ref[bs]++;
    t->recount[bt]++;
    if (bmin < bmax) {
        t->at_risk++;
        t->out[bs]++;
        for (size_t b = bmin; b <= bmax; b++)
            t->in[b] += b != bs;
    }
    if (bs != bt) {
        t->moved++;
        if (bt < bmin || bt > bmax) {
            t->unexcused++;
            if (!t->has_unexcused) {
                t->has_unexcused = true;
                t->first_unexcused = i;
            }
        }
    }
}

struct bufs {
    float *ys, *yt, *code, *z;
    uint64_t *cs, *ct, *cf, *out, *in, *recount, *recount_ref;
    struct actent_edges_buf es, et, scratch;
    struct windows w;
};

static void bufs_free(struct bufs *b)
{
    free(b->ys);
    free(b->yt);
    free(b->code);
    free(b->z);
    free(b->cs);
    free(b->w.lo);
    free(b->w.hi);
    actent_edges_buf_free(&b->es);
    actent_edges_buf_free(&b->et);
    actent_edges_buf_free(&b->scratch);
}

static int bufs_init(struct bufs *b, size_t n, size_t k)
{
    memset(b, 0, sizeof *b);
    size_t m = n ? n : 1;
    b->ys = malloc(m * sizeof(float));
    b->yt = malloc(m * sizeof(float));
    b->code = malloc(m * sizeof(float));
    b->z = malloc(m * sizeof(float));
    b->cs = calloc(7 * (k + 2), sizeof(uint64_t));
    b->w.nbins = k;
    b->w.lo = malloc((k + 1) * sizeof(int64_t));
    b->w.hi = malloc((k + 1) * sizeof(int64_t));
    int rc = actent_edges_buf_init(&b->es, k) | actent_edges_buf_init(&b->et, k) |
             actent_edges_buf_init(&b->scratch, k);
    if (rc || !b->ys || !b->yt || !b->code || !b->z || !b->cs || !b->w.lo || !b->w.hi) {
        bufs_free(b);
        return -1;
    }
    b->ct = b->cs + (k + 2);
    b->cf = b->ct + (k + 2);
    b->out = b->cf + (k + 2);
    b->in = b->out + (k + 2);
    b->recount = b->in + (k + 2);
    b->recount_ref = b->recount + (k + 2);
    return 0;
}

static bool same_edges(const struct bufs *b)
{
    return b->es.e.thresh_hi == b->et.e.thresh_hi &&
           memcmp(b->es.e.thresh, b->et.e.thresh, (b->es.e.nbins + 1) * sizeof(float)) == 0;
}

static void clear_tally(struct tally *t, struct bufs *b, size_t k)
{
    memset(b->out, 0, 4 * (k + 2) * sizeof(uint64_t));
    *t = (struct tally){
        .out = b->out, .in = b->in, .recount = b->recount, .recount_ref = b->recount_ref};
}

/* the input histogram, uniform mode as the notebook bins its input: same values, same counts */
static bool input_counts_equal(const struct act_kernels *k, const float *x, size_t n, size_t bins)
{
    float l1, h1, l2, h2;
    ref->minmax(x, n, &l1, &h1);
    k->minmax(x, n, &l2, &h2);
    if (l1 != l2 || h1 != h2)
        return false;
    struct act_edges *e = actent_edges_uniform(l1, h1, bins);
    uint64_t *a = calloc(2 * bins, sizeof *a);
    bool same = false;
    if (e && a) {
        ref->hist_uniform(x, n, e, a);
        k->hist_uniform(x, n, e, a + bins);
        same = memcmp(a, a + bins, bins * sizeof *a) == 0;
    }
    free(a);
    actent_edges_free(e);
    return same;
}

/* the copy-neighbour transform of both outputs, with the untransformed edges */
static void check_transform(const struct act_kernels *k, struct bufs *b, size_t n,
                            struct actent_rng *rng, size_t iterations, uint32_t bound,
                            struct actent_hist_check *h)
{
    size_t nb = h->nbins;
    h->has_transform = true;
    bool same_zeros = n < ((size_t)1 << 24);
    for (size_t i = 0; i < n; i++) {
        same_zeros &= (b->ys[i] != 0.0f) == (b->yt[i] != 0.0f);
        /* the index + 1 of each non-zero value, exact in a float below 2^24 */
        b->code[i] = b->ys[i] != 0.0f ? (float)(i + 1) : 0.0f;
    }
    struct actent_rng copy = *rng;
    /* the experiment's path, on each table's own values */
    memset(b->cs, 0, 2 * (nb + 2) * sizeof(uint64_t));
    actent_copy_neighbour(b->ys, n, iterations, rng, b->z);
    ref->hist_edges(b->z, n, &b->es.e, b->cs);
    struct actent_rng tcopy = copy;
    actent_copy_neighbour(b->yt, n, iterations, &tcopy, b->z);
    k->hist_edges(b->z, n, &b->et.e, b->ct);
    h->t_entropy_ref = actent_entropy_bits(b->cs, nb);
    h->t_entropy = actent_entropy_bits(b->ct, nb);
    h->t_rounding = rounding(nb, h->t_entropy, h->t_entropy_ref);
    h->transform_ok = same_zeros;
    if (!same_zeros)
        return;
    /* where each transformed value came from: the same places on both paths */
    actent_copy_neighbour(b->code, n, iterations, &copy, b->code);
    struct tally t;
    clear_tally(&t, b, nb);
    for (size_t p = 0; p < n; p++) {
        size_t src = (size_t)b->code[p];
        float vs = src ? b->ys[src - 1] : 0.0f, vt = src ? b->yt[src - 1] : 0.0f;
        tally_value(&t, &b->w, &b->es.e, &b->et.e, same_edges(b), vs, vt, src ? bound : 0, p);
    }
    h->t_moved = t.moved;
    h->t_unexcused = t.unexcused;
    h->t_at_risk = t.at_risk;
    h->t_tolerance = tolerance(b->cs, t.out, t.in, nb, n);
    /* the per-value account must give the experiment path's counts */
    if (memcmp(t.recount, b->ct, nb * sizeof *b->ct) != 0)
        h->transform_ok = false;
}

int actent_verify_hist(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                       size_t nbins, struct actent_rng *rng, size_t iterations,
                       struct actent_hist_check *h, char *err, size_t len)
{
    const char *sample = h->sample;
    memset(h, 0, sizeof *h);
    h->sample = sample;
    h->n = n;
    h->nbins = nbins;
    struct bufs b;
    if (bufs_init(&b, n, nbins) != 0) {
        snprintf(err, len, "out of memory for a histogram check of %zu values", n);
        return -1;
    }
    uint32_t bound = act_max_ulp(k, op);
    struct actent_range rs, rt, rf;
    char why[160];
    h->input_counts_equal = input_counts_equal(k, x, n, nbins + 1);
    /* scalar's unfused path (activate, min/max, linspace edges); its counts,
     * by definition the values binned one by one, come from the tally below */
    ref->activate[op](x, b.ys, n);
    ref->minmax(b.ys, n, &rs.lo, &rs.hi);
    if (!isfinite(rs.lo) || !isfinite(rs.hi) ||
        !actent_edges_buf_linspace(&b.es, rs.lo, rs.hi, nbins)) {
        snprintf(h->err, sizeof h->err, "scalar %s gives no finite range on this sample",
                 act_name(op));
        bufs_free(&b);
        return 0;
    }
    if (actent_hist_unfused(k, op, x, n, b.yt, &b.et, nbins, b.ct, &rt, why, sizeof why)) {
        snprintf(h->err, sizeof h->err, "%s", why);
        bufs_free(&b);
        return 0;
    }
    /* fused against unfused, on the table's own path */
    float xlo, xhi;
    ref->minmax(x, n, &xlo, &xhi);
    if (actent_hist_fused(k, op, x, n, xlo, xhi, &b.scratch, nbins, b.cf, &rf, why, sizeof why)) {
        h->fused_equal = false;
    } else {
        h->fused_equal =
            memcmp(b.cf, b.ct, nbins * sizeof *b.cf) == 0 && rf.lo == rt.lo && rf.hi == rt.hi;
        h->fused_passes = rf.passes;
    }
    for (size_t i = 0; i < n; i++)
        h->beyond += !(bound == 0 ? memcmp(&b.ys[i], &b.yt[i], sizeof(float)) == 0
                                  : actent_ulp_distance(b.yt[i], b.ys[i]) <= bound);
    if (actent_windows_build(&b.w, &b.scratch, &b.es.e, &b.et.e, rs.lo, rs.hi, bound) != 0) {
        snprintf(h->err, sizeof h->err, "cannot build the edges of [%g, %g] moved by %u ulp",
                 (double)rs.lo, (double)rs.hi, bound);
        bufs_free(&b);
        return 0;
    }
    struct tally t;
    clear_tally(&t, &b, nbins);
    bool same = same_edges(&b);
    for (size_t i = 0; i < n; i++)
        tally_value(&t, &b.w, &b.es.e, &b.et.e, same, b.ys[i], b.yt[i], bound, i);
    h->ok = true;
    h->moved = t.moved;
    h->unexcused = t.unexcused;
    h->at_risk = t.at_risk;
    h->first_unexcused_x = t.has_unexcused ? x[t.first_unexcused] : NAN;
    memcpy(b.cs, t.recount_ref, nbins * sizeof *b.cs);
    h->kernel_agrees = memcmp(t.recount, b.ct, nbins * sizeof *b.ct) == 0;
    h->counts_equal = memcmp(b.cs, b.ct, nbins * sizeof *b.ct) == 0;
    h->entropy_ref = actent_entropy_bits(b.cs, nbins);
    h->entropy = actent_entropy_bits(b.ct, nbins);
    h->tolerance = tolerance(b.cs, t.out, t.in, nbins, n);
    h->rounding = rounding(nbins, h->entropy, h->entropy_ref);
    if (rng)
        check_transform(k, &b, n, rng, iterations, bound, h);
    bufs_free(&b);
    return 0;
}
