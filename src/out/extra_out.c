/* extra_out.c - estimators, population limits and repeats, as text and JSON. */
#include "extra_out.h"

#include <math.h>

#include "experiment_out.h"

static bool has_estimate(const struct actent_experiment *r)
{
    return r->opts.estimator != ACTENT_EST_PLUGIN;
}

/* JSON has no NaN or infinity: null (a limit that diverges, a bound not taken) */
static void knum_or_null(struct json *j, const char *key, double v)
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
    if (has_estimate(r)) {
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
    if (has_estimate(r)) {
        json_kstr(j, "estimator", actent_estimator_name(o->estimator));
        if (o->estimator == ACTENT_EST_KDE) {
            json_knum(j, "noise_var", o->noise_var);
            knum_or_null(j, "input_entropy_lower", r->input_est.lower);
        }
        knum_or_null(j, "input_estimate", r->input_est.entropy);
    }
    if (o->population)
        knum_or_null(j, "input_population_entropy", r->input_est.pop_entropy);
}

void actent_extra_json_act(struct json *j, const struct actent_experiment *r,
                           const struct actent_act_result *a)
{
    const struct actent_extra *e = &a->est;
    if (r->opts.binning == ACTENT_BIN_MASS)
        json_kuint(j, "bins_used", a->nbins_used);
    if (has_estimate(r)) {
        knum_or_null(j, "estimate", e->entropy);
        knum_or_null(j, "estimate_reduction", e->reduction);
        if (r->opts.estimator == ACTENT_EST_KDE) {
            knum_or_null(j, "estimate_lower", e->lower);
            knum_or_null(j, "estimate_lower_reduction", e->lower_reduction);
            knum_or_null(j, "mi_lower", e->mi_lower);
            knum_or_null(j, "mi_upper", e->mi_upper);
        }
    }
    if (r->opts.population) {
        knum_or_null(j, "population_entropy", e->pop_entropy);
        knum_or_null(j, "population_reduction", e->pop_reduction);
        knum_or_null(j, "limit_reduction", e->limit_reduction); /* null: diverges */
    }
}

static void stat_json(struct json *j, const char *key, const struct actent_stat *s)
{
    json_key(j, key);
    json_obj_begin(j);
    knum_or_null(j, "mean", s->mean);
    knum_or_null(j, "sd", s->sd);
    knum_or_null(j, "ci95_lo", s->lo);
    knum_or_null(j, "ci95_hi", s->hi);
    json_obj_end(j);
}

static void stat_cols(FILE *f, const struct actent_stat *s)
{
    fprintf(f, " %10.6f %9.6f [%9.6f, %9.6f]", s->mean, s->sd, s->lo, s->hi);
}

void actent_repeats_print(FILE *f, const struct actent_experiment *r,
                          const struct actent_summary *s)
{
    const struct actent_experiment_opts *o = &r[0].opts;
    bool est = has_estimate(&r[0]);
    fprintf(f, "actent experiment: %zu samples, seeds %u..%u, %s mode, table %s, n = %zu\n", s->k,
            o->seed, r[s->k - 1].opts.seed, actent_mode_name(o->mode), o->k->name, o->n);
    fprintf(f, "mean, SD and the 95%% interval of the mean (t, %zu degrees of freedom), bits\n",
            s->k - 1);
    fprintf(f, "input entropy:");
    stat_cols(f, &s->input_entropy);
    fprintf(f, "\n\n%-14s %10s %9s %24s %10s %9s %24s\n", "activation", "entropy", "SD",
            "95% interval", "reduction", "SD", "95% interval");
    for (size_t a = 0; a < s->nacts; a++) {
        fprintf(f, "%-14s", act_name(s->op[a]));
        stat_cols(f, &s->entropy[a]);
        stat_cols(f, &s->reduction[a]);
        fputc('\n', f);
    }
    if (!est)
        return;
    fprintf(f, "\nestimator %s; input", actent_estimator_name(o->estimator));
    stat_cols(f, &s->input_estimate);
    fputc('\n', f);
    for (size_t a = 0; a < s->nacts; a++) {
        fprintf(f, "%-14s", act_name(s->op[a]));
        stat_cols(f, &s->estimate[a]);
        stat_cols(f, &s->estimate_reduction[a]);
        fputc('\n', f);
    }
}

void actent_repeats_json(struct json *j, const struct actent_experiment *r,
                         const struct actent_summary *s)
{
    json_obj_begin(j);
    json_kuint(j, "repeats", s->k);
    json_kuint(j, "first_seed", r[0].opts.seed);
    json_key(j, "summary");
    json_obj_begin(j);
    stat_json(j, "input_entropy", &s->input_entropy);
    if (has_estimate(&r[0]))
        stat_json(j, "input_estimate", &s->input_estimate);
    json_key(j, "activations");
    json_arr_begin(j, false);
    for (size_t a = 0; a < s->nacts; a++) {
        json_obj_begin(j);
        json_kstr(j, "name", act_name(s->op[a]));
        stat_json(j, "entropy", &s->entropy[a]);
        stat_json(j, "reduction", &s->reduction[a]);
        if (has_estimate(&r[0])) {
            stat_json(j, "estimate", &s->estimate[a]);
            stat_json(j, "estimate_reduction", &s->estimate_reduction[a]);
        }
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
    json_key(j, "samples"); /* every repeat in full, as a single run writes it */
    json_arr_begin(j, false);
    for (size_t i = 0; i < s->k; i++)
        actent_experiment_json(j, &r[i]);
    json_arr_end(j);
    json_obj_end(j);
}
