/* repeats_out.c - --repeats: the summary of k samples as text, and as JSON
 * holding every sample as a single run writes it. It sits above
 * experiment_out.c (whose JSON it embeds) and extra_out.c. */
#include "repeats_out.h"

#include "experiment_out.h"
#include "extra_out.h"

static void stat_json(struct json *j, const char *key, const struct actent_stat *s)
{
    json_key(j, key);
    json_obj_begin(j);
    actent_json_knum_or_null(j, "mean", s->mean);
    actent_json_knum_or_null(j, "sd", s->sd);
    actent_json_knum_or_null(j, "ci95_lo", s->lo);
    actent_json_knum_or_null(j, "ci95_hi", s->hi);
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
    bool est = actent_extra_has_estimate(&r[0]);
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
    if (actent_extra_has_estimate(&r[0]))
        stat_json(j, "input_estimate", &s->input_estimate);
    json_key(j, "activations");
    json_arr_begin(j, false);
    for (size_t a = 0; a < s->nacts; a++) {
        json_obj_begin(j);
        json_kstr(j, "name", act_name(s->op[a]));
        stat_json(j, "entropy", &s->entropy[a]);
        stat_json(j, "reduction", &s->reduction[a]);
        if (actent_extra_has_estimate(&r[0])) {
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
