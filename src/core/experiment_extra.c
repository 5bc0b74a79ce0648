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

/* KDE bounds of v[0..n) into e (bits) */
static void kde_into(const struct act_kernels *k, const float *v, size_t n, double var,
                     struct actent_extra *e)
{
    struct actent_kde b;
    actent_kde_bounds(k, v, n, var, &b);
    e->entropy = b.upper;
    e->lower = b.lower;
    e->mi_upper = b.mi_upper;
    e->mi_lower = b.mi_lower;
}

int actent_experiment_extras(const float *x, size_t n, float *y, struct actent_experiment *r,
                             char *err, size_t len)
{
    const struct actent_experiment_opts *o = &r->opts;
    enum actent_estimator est = o->estimator;
    struct actent_extra *in = &r->input_est;
    clear(in);
    if (est == ACTENT_EST_KDE)
        kde_into(o->k, x, n, o->noise_var, in);
    else if (est != ACTENT_EST_PLUGIN)
        in->entropy = actent_estimate_bits(est, r->input_counts, r->nbins_in);
    for (size_t i = 0; i < r->nacts; i++) {
        struct actent_act_result *a = &r->acts[i];
        struct actent_extra *e = &a->est;
        clear(e);
        if (est == ACTENT_EST_KDE) {
            /* the activations again: the transform has overwritten y */
            o->k->activate[a->op](x, y, n);
            kde_into(o->k, y, n, o->noise_var, e);
            e->lower_reduction = in->lower - e->lower;
        } else if (est != ACTENT_EST_PLUGIN) {
            e->entropy = actent_estimate_bits(est, a->counts, r->nbins_out);
        }
        e->reduction = in->entropy - e->entropy;
    }
    if (o->population)
        return actent_population_fill(r, err, len);
    return 0;
}
