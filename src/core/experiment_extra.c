/* experiment_extra.c - equal-mass bins, estimators and limits for an analysis. */
#include "experiment_extra.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "entropy.h"
#include "errmsg.h"
#include "histogram.h"
#include "kde.h"
#include "population.h"
#include "transform.h"

bool actent_extra_needs_values(const struct actent_experiment_opts *o)
{
    return o->binning == ACTENT_BIN_MASS || o->estimator == ACTENT_EST_KDE;
}

int actent_analyse_one_mass(const struct actent_experiment_opts *o, enum act_op op, const float *x,
                            size_t n, float *y, struct actent_rng *rng, struct actent_experiment *r,
                            struct actent_act_result *a, char *err, size_t len)
{
    const struct act_kernels *k = o->k;
    a->op = op;
    a->counts = calloc(r->nbins_out, sizeof *a->counts);
    a->counts_transformed = calloc(r->nbins_out, sizeof *a->counts);
    if (!a->counts || !a->counts_transformed)
        return actent_fail(err, len, "out of memory for %zu bins", r->nbins_out);
    k->activate[op](x, y, n);
    k->minmax(y, n, &a->lo, &a->hi);
    if (!isfinite(a->lo) || !isfinite(a->hi))
        return actent_fail(err, len, "%s gives non-finite values: they cannot be binned",
                           act_name(op));
    struct act_edges *e = actent_mass_edges(y, n, r->nbins_out);
    if (!e)
        return actent_fail(err, len, "out of memory for %zu equal-mass edges", r->nbins_out);
    a->nbins_used = e->nbins;
    actent_mass_hist(y, n, e, a->counts);
    a->entropy = actent_entropy_bits(a->counts, r->nbins_out);
    a->reduction = r->input_entropy - a->entropy;
    a->entropy_transformed = a->entropy;
    if (o->iterations) {
        actent_copy_neighbour(y, n, o->iterations, rng, y);
        actent_mass_hist(y, n, e, a->counts_transformed);
        a->entropy_transformed = actent_entropy_bits(a->counts_transformed, r->nbins_out);
    } else {
        memcpy(a->counts_transformed, a->counts, r->nbins_out * sizeof *a->counts);
    }
    a->further_reduction = a->entropy - a->entropy_transformed;
    actent_edges_free(e);
    return 0;
}

static void clear(struct actent_extra *e)
{
    e->entropy = e->reduction = e->lower = e->lower_reduction = NAN;
    e->mi_lower = e->mi_upper = NAN;
    e->pop_entropy = e->pop_reduction = e->limit_reduction = NAN;
}

/* KDE bounds of v[0..n) into e (bits): 0, or -1 with a message */
static int kde_into(const struct actent_experiment_opts *o, const float *v, size_t n,
                    struct actent_kde_watch *w, struct actent_extra *e, char *err, size_t len)
{
    struct actent_kde b;
    int rc = actent_kde_bounds(o->k, v, n, o->noise_var, w, &b);
    if (rc < 0)
        return actent_fail(err, len, "out of memory for the KDE sums of %zu values", n);
    if (rc > 0)
        return actent_fail(err, len, "cancelled during the KDE bounds");
    e->entropy = b.upper;
    e->lower = b.lower;
    e->mi_upper = b.mi_upper;
    e->mi_lower = b.mi_lower;
    return 0;
}

/* KDE's O(N^2) work, said before it starts when it takes more than seconds
 * (o->kde_announce_pairs), then shown as it goes (a bar on a terminal, lines
 * in a log) */
static void kde_start(const struct actent_experiment_opts *o, size_t n, size_t nsets,
                      struct actent_progress *p, struct actent_kde_watch *w)
{
    *w = (struct actent_kde_watch){p, 0, actent_kde_pairs(n) * nsets};
    bool big = (double)w->total >= o->kde_announce_pairs;
    FILE *f = o->progress ? o->progress : big ? o->notes : NULL;
    if (big && o->notes)
        fprintf(o->notes,
                "actent: kde is O(N^2): %zu values and %zu arrays (the input and each "
                "activation's output) make %.3g pairwise exponentials\n",
                n, nsets, (double)w->total);
    actent_progress_start(p, f, o->progress != NULL, "kde");
    p->unit = "pairs";
    p->tick = o->tick;
    p->tick_ctx = o->tick_ctx;
}

int actent_experiment_extras_check(const struct actent_experiment_opts *o, size_t n, char *err,
                                   size_t len)
{
    if (o->estimator != ACTENT_EST_KDE)
        return 0;
    size_t sets = 1;
    for (int i = 0; i < ACT_COUNT; i++)
        sets += o->use[i];
    double pairs = (double)actent_kde_pairs(n) * (double)sets;
    if (pairs <= o->kde_max_pairs)
        return 0;
    return actent_fail(err, len,
                       "kde is O(N^2): %zu values and %zu arrays (the input and each activation's "
                       "output) make %.3g pairwise exponentials, beyond the %.3g allowed (minutes "
                       "to hours on one core); ask for them with --kde-max-pairs %.3g "
                       "(kde_max_pairs in the library and the module), or analyse fewer values",
                       n, sets, pairs, o->kde_max_pairs, pairs);
}

int actent_experiment_extras(const float *x, size_t n, float *y, struct actent_experiment *r,
                             char *err, size_t len)
{
    const struct actent_experiment_opts *o = &r->opts;
    enum actent_estimator est = o->estimator;
    struct actent_extra *in = &r->input_est;
    struct actent_progress p;
    struct actent_kde_watch w; /* one progress over the input and every output */
    clear(in);
    if (est == ACTENT_EST_KDE) {
        kde_start(o, n, 1 + r->nacts, &p, &w);
        if (kde_into(o, x, n, &w, in, err, len) != 0)
            return -1;
    } else if (est != ACTENT_EST_PLUGIN) {
        in->entropy = actent_estimate_bits(est, r->input_counts, r->nbins_in);
    }
    for (size_t i = 0; i < r->nacts; i++) {
        struct actent_act_result *a = &r->acts[i];
        struct actent_extra *e = &a->est;
        clear(e);
        if (est == ACTENT_EST_KDE) {
            /* the activations again: the transform has overwritten y */
            o->k->activate[a->op](x, y, n);
            if (kde_into(o, y, n, &w, e, err, len) != 0)
                return -1;
            e->lower_reduction = in->lower - e->lower;
        } else if (est != ACTENT_EST_PLUGIN) {
            e->entropy = actent_estimate_bits(est, a->counts, r->nbins_out);
        }
        e->reduction = in->entropy - e->entropy;
    }
    if (est == ACTENT_EST_KDE)
        actent_progress_end(&p, w.total);
    if (o->population)
        return actent_population_fill(r, err, len);
    return 0;
}
