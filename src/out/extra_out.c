/* extra_out.c - estimators and population limits, as text and JSON. */
#include "extra_out.h"

#include <math.h>

bool actent_extra_has_estimate(const struct actent_experiment *r)
{
    return r->opts.estimator != ACTENT_EST_PLUGIN;
}

void actent_json_knum_or_null(struct json *j, const char *key, double v)
{
    json_key(j, key);
    if (isfinite(v))
        json_num(j, v);
    else
        json_null(j);
}

void actent_extra_print(FILE *f, const struct actent_experiment *r)
{
    const struct actent_experiment_opts *o = &r->opts;
    bool kde = o->estimator == ACTENT_EST_KDE;
    if (o->binning == ACTENT_BIN_MASS)
        fprintf(f, "\nequal-mass bins (--binning mass): the input's %zu of %zu after ties merge\n",
                r->nbins_in_used, r->nbins_in);
    if (actent_extra_has_estimate(r)) {
        fprintf(f, "\nestimator %s", actent_estimator_name(o->estimator));
        if (kde)
            fprintf(f, " (noise variance %g): entropy bounds, and I(X;T)'s", o->noise_var);
        fprintf(f, "; input %.6f bits%s\n", r->input_est.entropy, kde ? " (upper)" : "");
        fprintf(f, "%-14s %12s %12s", "activation", kde ? "upper" : "entropy", "reduction");
        if (kde)
            fprintf(f, " %12s %12s %12s %12s", "lower", "reduction", "I lower", "I upper");
        fputc('\n', f);
        for (size_t i = 0; i < r->nacts; i++) {
            const struct actent_extra *e = &r->acts[i].est;
            fprintf(f, "%-14s %12.6f %12.6f", act_name(r->acts[i].op), e->entropy, e->reduction);
            if (kde)
                fprintf(f, " %12.6f %12.6f %12.6f %12.6f", e->lower, e->lower_reduction,
                        e->mi_lower, e->mi_upper);
            fputc('\n', f);
        }
    }
    if (o->population) {
        fprintf(f,
                "\npopulation (N -> inf, the same bins): input %.6f bits; the limit of "
                "the reduction as bins -> inf (inf: flat where the input has mass)\n%-14s %12s "
                "%12s %12s %12s\n",
                r->input_est.pop_entropy, "activation", "entropy", "reduction", "sample", "limit");
        for (size_t i = 0; i < r->nacts; i++) {
            const struct actent_act_result *a = &r->acts[i];
            fprintf(f, "%-14s %12.6f %12.6f %12.6f %12.6f\n", act_name(a->op), a->est.pop_entropy,
                    a->est.pop_reduction, a->reduction, a->est.limit_reduction);
        }
    }
}

void actent_extra_json_input(struct json *j, const struct actent_experiment *r)
{
    const struct actent_experiment_opts *o = &r->opts;
    if (o->binning == ACTENT_BIN_MASS) {
        json_kstr(j, "binning", "mass");
        json_kuint(j, "input_bins_used", r->nbins_in_used);
    }
    if (actent_extra_has_estimate(r)) {
        json_kstr(j, "estimator", actent_estimator_name(o->estimator));
        if (o->estimator == ACTENT_EST_KDE) {
            json_knum(j, "noise_var", o->noise_var);
            actent_json_knum_or_null(j, "input_entropy_lower", r->input_est.lower);
        }
        actent_json_knum_or_null(j, "input_estimate", r->input_est.entropy);
    }
    if (o->population)
        actent_json_knum_or_null(j, "input_population_entropy", r->input_est.pop_entropy);
}

void actent_extra_json_act(struct json *j, const struct actent_experiment *r,
                           const struct actent_act_result *a)
{
    const struct actent_extra *e = &a->est;
    if (r->opts.binning == ACTENT_BIN_MASS)
        json_kuint(j, "bins_used", a->nbins_used);
    if (actent_extra_has_estimate(r)) {
        actent_json_knum_or_null(j, "estimate", e->entropy);
        actent_json_knum_or_null(j, "estimate_reduction", e->reduction);
        if (r->opts.estimator == ACTENT_EST_KDE) {
            actent_json_knum_or_null(j, "estimate_lower", e->lower);
            actent_json_knum_or_null(j, "estimate_lower_reduction", e->lower_reduction);
            actent_json_knum_or_null(j, "mi_lower", e->mi_lower);
            actent_json_knum_or_null(j, "mi_upper", e->mi_upper);
        }
    }
    if (r->opts.population) {
        actent_json_knum_or_null(j, "population_entropy", e->pop_entropy);
        actent_json_knum_or_null(j, "population_reduction", e->pop_reduction);
        actent_json_knum_or_null(j, "limit_reduction", e->limit_reduction); /* null: diverges */
    }
}
