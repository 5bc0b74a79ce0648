/* experiment.c - sample, activate, bin, measure, simplify, measure again. */
#include "experiment.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entropy.h"
#include "errmsg.h"
#include "experiment_acts.h"
#include "experiment_extra.h"
#include "histogram.h"
#include "par.h"
#include "pipeline.h"
#include "progress.h"

void actent_experiment_defaults(struct actent_experiment_opts *o)
{
    memset(o, 0, sizeof *o);
    o->mode = ACTENT_NOTEBOOK;
    o->n = ACTENT_NOTEBOOK_N;
    o->seed = 0;
    o->dist = ACTENT_UNIFORM;
    o->sigma = 1.0;
    o->bins = 50;
    o->iterations = 200;
    for (int i = 0; i < ACT_COUNT; i++)
        o->use[i] = i < ACT_NOTEBOOK_COUNT; /* the notebook's 11; --activations all adds the rest */
    o->k = &act_table_scalar;
    o->transform_par_min = 5e7;
    o->kde_announce_pairs = 1e10;
    o->kde_max_pairs = ACTENT_KDE_MAX_PAIRS;
}

const char *actent_mode_name(enum actent_mode m)
{
    return m == ACTENT_CONSISTENT ? "consistent" : "notebook";
}

static void *alloc_array(size_t n, size_t size, const char *what, char *err, size_t len)
{
    void *p = n > SIZE_MAX / size ? NULL : calloc(n ? n : 1, size);
    if (!p)
        actent_fail(err, len, "out of memory: %zu values for %s (%.1f MiB)", n, what,
                    (double)n * (double)size / 1048576.0);
    return p;
}

int actent_experiment_run(const struct actent_experiment_opts *o, struct actent_experiment *r,
                          char *err, size_t len)
{
    memset(r, 0, sizeof *r);
    float *x = alloc_array(o->n, sizeof *x, "the sample", err, len);
    if (!x)
        return -1;
    struct actent_rng rng;
    actent_rng_seed(&rng, o->seed);
    if (o->dist == ACTENT_NORMAL)
        actent_sample(&rng, ACTENT_NORMAL, 0.0, o->sigma, x, o->n);
    else
        actent_sample(&rng, ACTENT_UNIFORM, -1.0, 1.0, x, o->n);
    int rc = actent_experiment_analyse(o, x, o->n, &rng, r, err, len);
    free(x);
    return rc;
}

/* The first non-finite value, so an error can name it; n if none. */
static size_t first_nonfinite(const float *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return i;
    return n;
}

/* One activation without the transform: the fused pass never stores the
 * activations. Zero iterations only move the zeros to the end (as +0.0, in
 * the same bin), so the transformed counts are these. */
static int analyse_fused(const struct actent_experiment_opts *o, const float *x, size_t n,
                         struct actent_edges_buf *eb, struct actent_experiment *r,
                         struct actent_act_result *a, char *err, size_t len)
{
    struct actent_range range;
    if (actent_hist_fused_mt(o->k, a->op, x, n, r->in_lo, r->in_hi, eb, r->nbins_out, a->counts,
                             &range, o->threads, err, len) != 0)
        return -1;
    memcpy(a->counts_transformed, a->counts, r->nbins_out * sizeof *a->counts);
    a->lo = range.lo;
    a->hi = range.hi;
    a->entropy = a->entropy_transformed = actent_entropy_bits(a->counts, r->nbins_out);
    a->reduction = r->input_entropy - a->entropy;
    a->further_reduction = 0.0;
    return 0;
}

/* The activations, after the input's histogram: r->acts allocated, then filled. */
static int analyse_acts(const struct actent_experiment_opts *o, const float *x, size_t n,
                        struct actent_rng *rng, struct actent_experiment *r, char *err, size_t len)
{
    for (int op = 0; op < ACT_COUNT; op++) {
        if (!o->use[op])
            continue;
        if (!o->k->activate[op])
            return actent_fail(err, len, "table %s has no %s kernel", o->k->name,
                               act_name((enum act_op)op));
        struct actent_act_result *a = &r->acts[r->nacts++];
        a->op = (enum act_op)op;
        a->counts = alloc_array(r->nbins_out, sizeof *a->counts, "counts", err, len);
        a->counts_transformed = alloc_array(r->nbins_out, sizeof *a->counts, "counts", err, len);
        if (!a->counts || !a->counts_transformed)
            return -1;
    }
    if (o->iterations) {
        /* the activations run side by side, beside the skip pass, when that pays */
        double moved = (double)n * (double)o->iterations * (double)r->nacts;
        unsigned side = o->threads >= ACTENT_TRANSFORM_PAR_THREADS && r->nacts > 1 &&
                                moved >= o->transform_par_min
                            ? o->threads
                            : 1;
        if (side > r->nacts + 1)
            side = (unsigned)r->nacts + 1;
        r->threads = side > r->threads ? side : r->threads;
        /* a bar only where the rounds take seconds: about 1e8 values moved */
        struct actent_progress p;
        bool show = o->progress && moved > 1e8;
        actent_progress_start(&p, show ? o->progress : NULL, true, "copy-neighbour");
        p.unit = "values moved";
        p.tick = o->tick;
        p.tick_ctx = o->tick_ctx;
        int rc =
            actent_acts_transform(o, x, n, rng, r, side, show || o->tick ? &p : NULL, err, len);
        if (rc == 0 && show)
            actent_progress_end(&p, (uint64_t)moved);
        return rc;
    }
    struct actent_edges_buf eb;
    if (actent_edges_buf_init(&eb, r->nbins_out) != 0)
        return actent_fail(err, len, "out of memory for %zu bin edges", r->nbins_out);
    int rc = 0;
    for (size_t i = 0; i < r->nacts && rc == 0; i++)
        rc = analyse_fused(o, x, n, &eb, r, &r->acts[i], err, len);
    actent_edges_buf_free(&eb);
    return rc;
}

/* The activations on equal-mass bins (each output's own quantile edges), in order. */
static int analyse_mass(const struct actent_experiment_opts *o, const float *x, size_t n,
                        struct actent_rng *rng, struct actent_experiment *r, char *err, size_t len)
{
    float *y = alloc_array(n, sizeof *y, "the activations", err, len);
    if (!y)
        return -1;
    int rc = 0;
    for (int op = 0; op < ACT_COUNT && rc == 0; op++) {
        if (!o->use[op])
            continue;
        struct actent_act_result *a = &r->acts[r->nacts++];
        rc = actent_analyse_one_mass(o, (enum act_op)op, x, n, y, rng, r, a, err, len);
    }
    free(y);
    return rc;
}

/* The estimators beyond the plug-in and the population limit, after the counts. */
static int extras(const struct actent_experiment_opts *o, const float *x, size_t n,
                  struct actent_experiment *r, char *err, size_t len)
{
    float *y = NULL;
    if (actent_extra_needs_values(o) &&
        !(y = alloc_array(n, sizeof *y, "the activations", err, len)))
        return -1;
    int rc = actent_experiment_extras(x, n, y, r, err, len);
    free(y);
    return rc;
}

int actent_experiment_analyse(const struct actent_experiment_opts *o, const float *x, size_t n,
                              struct actent_rng *rng, struct actent_experiment *r, char *err,
                              size_t len)
{
    memset(r, 0, sizeof *r);
    r->opts = *o;
    r->opts.n = n;
    const struct act_kernels *k = o->k;
    if (n == 0)
        return actent_fail(err, len, "no values to analyse");
    if (o->bins < 1 || (o->mode == ACTENT_NOTEBOOK && o->bins < 2))
        return actent_fail(err, len, "--bins must be at least %d in %s mode (got %zu)",
                           o->mode == ACTENT_NOTEBOOK ? 2 : 1, actent_mode_name(o->mode), o->bins);
    if (actent_experiment_extras_check(o, n, err, len) != 0)
        return -1;
    size_t bad = first_nonfinite(x, n);
    if (bad < n)
        return actent_fail(err, len, "input element %zu is %g: non-finite values cannot be binned",
                           bad, (double)x[bad]);
    r->nbins_in = o->bins;
    r->nbins_out = o->mode == ACTENT_NOTEBOOK ? o->bins - 1 : o->bins;
    unsigned threads = actent_par_threads(o->threads, n);
    r->threads = threads;
    actent_par_minmax(k, x, n, threads, &r->in_lo, &r->in_hi);
    /* numpy subtracts the float32 ends in float32; past FLT_MAX its index
     * arithmetic turns to NaN and np.histogram fails, so there is no answer to repeat */
    if (o->mode == ACTENT_NOTEBOOK && isinf(r->in_hi - r->in_lo))
        return actent_fail(err, len,
                           "the input's range [%g, %g] is wider than float32 can hold, so "
                           "np.histogram(x, bins=%zu) cannot bin it; --mode consistent can",
                           (double)r->in_lo, (double)r->in_hi, o->bins);
    if (o->binning == ACTENT_BIN_MASS)
        r->nbins_out = r->nbins_in; /* quantile bins: input and outputs alike */
    struct act_edges *e = o->binning == ACTENT_BIN_MASS ? actent_mass_edges(x, n, r->nbins_in)
                          : o->mode == ACTENT_NOTEBOOK
                              ? actent_edges_uniform(r->in_lo, r->in_hi, r->nbins_in)
                              : actent_edges_linspace(r->in_lo, r->in_hi, r->nbins_in);
    r->input_counts = alloc_array(r->nbins_in, sizeof *r->input_counts, "counts", err, len);
    if (!e || !r->input_counts) {
        actent_edges_free(e);
        actent_experiment_free(r);
        return actent_fail(err, len, "out of memory for %zu bins", r->nbins_in);
    }
    if (o->binning == ACTENT_BIN_MASS) {
        actent_mass_hist(x, n, e, r->input_counts);
        r->nbins_in_used = e->nbins;
    } else {
        actent_par_bin(o->mode == ACTENT_NOTEBOOK ? k->hist_uniform : k->hist_edges, x, n, e,
                       r->input_counts, threads);
    }
    actent_edges_free(e);
    r->input_entropy = actent_entropy_bits(r->input_counts, r->nbins_in);

    int rc = o->binning == ACTENT_BIN_MASS ? analyse_mass(o, x, n, rng, r, err, len)
                                           : analyse_acts(o, x, n, rng, r, err, len);
    if (rc == 0)
        rc = extras(o, x, n, r, err, len);
    if (rc != 0)
        actent_experiment_free(r);
    return rc;
}

void actent_experiment_free(struct actent_experiment *r)
{
    free(r->input_counts);
    for (size_t i = 0; i < r->nacts; i++) {
        free(r->acts[i].counts);
        free(r->acts[i].counts_transformed);
    }
    memset(r, 0, sizeof *r);
}
