/* analyse.c - the whole analysis through the public API, returned as the
 * JSON of one result of `actent experiment --json`, written by the same code. */
#include "actent.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "errmsg.h"
#include "estimators.h"
#include "experiment.h"
#include "experiment_out.h"
#include "json.h"
#include "layer.h"

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define HOST_FLOAT32 ">f4"
#else
#define HOST_FLOAT32 "<f4"
#endif

/* estimator, noise_var, binning: the CLI's rules, with the fields' names */
static int extra_options(const struct actent_options *o, struct actent_experiment_opts *e,
                         char *err, size_t len)
{
    if (o->estimator) {
        e->estimator = actent_estimator_from_name(o->estimator);
        if (e->estimator == ACTENT_EST_COUNT)
            return actent_fail(err, len,
                               "estimator must be plugin, miller-madow, grassberger, jackknife "
                               "or kde, not '%s'",
                               o->estimator);
    }
    if (e->estimator == ACTENT_EST_KDE && !(o->noise_var >= 1e-12 && o->noise_var <= 1e12))
        return actent_fail(err, len,
                           "estimator kde needs noise_var, the noise variance, in [1e-12, 1e12] "
                           "(it is %g)",
                           o->noise_var);
    if (e->estimator != ACTENT_EST_KDE && o->noise_var != 0)
        return actent_fail(err, len, "noise_var applies only to estimator kde");
    e->noise_var = o->noise_var;
    if (o->kde_max_pairs < 0 || isnan(o->kde_max_pairs))
        return actent_fail(err, len, "kde_max_pairs is %g: it cannot be negative",
                           o->kde_max_pairs);
    if (o->kde_max_pairs > 0)
        e->kde_max_pairs = o->kde_max_pairs;
    if (o->binning && strcmp(o->binning, "mass") == 0)
        e->binning = ACTENT_BIN_MASS;
    else if (o->binning && strcmp(o->binning, "width") != 0)
        return actent_fail(err, len, "binning must be width or mass, not '%s'", o->binning);
    if (e->binning == ACTENT_BIN_MASS && e->mode == ACTENT_NOTEBOOK)
        return actent_fail(err, len,
                           "binning mass bins input and outputs alike: it needs mode "
                           "consistent");
    return 0;
}

static int options(const actent_table *t, const struct actent_options *o,
                   struct actent_experiment_opts *e, char *err, size_t len)
{
    actent_experiment_defaults(e);
    e->iterations = 0;
    if (t) {
        int i = 0;
        while (i < actent_table_count() && actent_table_at(i) != t)
            i++;
        if (i == actent_table_count())
            return actent_fail(err, len, "the table handle %p is not one of actent_table_at()'s",
                               (const void *)t);
        e->k = (const struct act_kernels *)(const void *)t;
        if (!e->k->cpu_ok())
            return actent_fail(err, len, "table '%s' cannot run on this CPU", e->k->name);
    } else if (actent_select(NULL, &e->k, err, len) != 0) {
        return -1;
    }
    if (!o)
        return 0;
    if (o->mode && strcmp(o->mode, "consistent") == 0)
        e->mode = ACTENT_CONSISTENT;
    else if (o->mode && strcmp(o->mode, "notebook") != 0)
        return actent_fail(err, len, "mode '%s' is unknown (notebook or consistent)", o->mode);
    if (o->bins > ACTENT_MAX_BINS)
        return actent_fail(err, len, "bins is %zu: at most ACTENT_MAX_BINS (2^24 = %zu)", o->bins,
                           ACTENT_MAX_BINS);
    if (o->bins)
        e->bins = o->bins;
    if (e->mode == ACTENT_NOTEBOOK && e->bins < 2)
        return actent_fail(err, len,
                           "bins is 1: notebook mode needs at least 2 (its outputs get "
                           "one bin fewer)");
    if (o->iterations > ACTENT_MAX_ITERATIONS)
        return actent_fail(err, len,
                           "iterations is %zu: at most ACTENT_MAX_ITERATIONS (2^20 = %zu) "
                           "copy-neighbour rounds",
                           o->iterations, ACTENT_MAX_ITERATIONS);
    e->iterations = o->iterations;
    e->tick = o->progress;
    e->tick_ctx = o->progress_ctx;
    e->threads = o->threads;
    e->seed = o->seed;
    if (o->activations && actent_activations_parse(o->activations, e->use, err, len) != 0)
        return -1;
    return extra_options(o, e, err, len);
}

int actent_analyse_json(const actent_table *t, const float *x, size_t n,
                        const struct actent_options *o, char **json, char *err, size_t errlen)
{
    struct actent_experiment_opts e;
    if (!json)
        return actent_fail(err, errlen, "json is NULL");
    if (n && !x)
        return actent_fail(err, errlen, "x is NULL");
    if (options(t, o, &e, err, errlen) != 0)
        return -1;
    e.n = n;
    /* the values are the caller's, not the notebook's sample: the JSON says
     * so ("input": {"source": "array", ...}) instead of a distribution */
    uint64_t shape = n;
    struct actent_input_info in = {.dtype = HOST_FLOAT32, .ndim = 1, .shape = &shape, .values = n};
    e.input = &in;
    struct actent_rng rng;
    actent_rng_seed(&rng, e.seed);
    struct actent_experiment r;
    if (actent_experiment_analyse(&e, x, n, &rng, &r, err, errlen) != 0)
        return -1;
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f) {
        actent_experiment_free(&r);
        return actent_fail(err, errlen, "out of memory for the JSON");
    }
    struct json j;
    json_init(&j, f);
    actent_experiment_json(&j, &r);
    actent_experiment_free(&r);
    if (fclose(f) != 0 || !buf) {
        free(buf);
        return actent_fail(err, errlen, "out of memory for the JSON");
    }
    *json = buf;
    return 0;
}

void actent_free(void *p) { free(p); }
