/* sweep.c - many analyses: run them in order, report each as it finishes. */
#include "sweep.h"

#include <string.h>
#include <sys/stat.h>

#include "errmsg.h"
#include "npy.h"

uint64_t actent_sweep_runs(const struct actent_sweep *s)
{
    uint64_t sources = s->ninputs ? (uint64_t)s->ninputs : (uint64_t)s->nn * s->nsigma;
    return sources * s->nbins;
}

bool actent_sweep_plain(const struct actent_sweep *s)
{
    return s->ninputs == 0 && actent_sweep_runs(s) == 1;
}

static bool normal(const struct actent_experiment_opts *o, const struct actent_sweep *s)
{
    return !s->ninputs && o->dist == ACTENT_NORMAL;
}

/* The compact report: a heading, then one row per analysis with the input's
 * entropy and the entropy after each activation, in the notebook's order. */
static void table_head(FILE *f, const struct actent_experiment_opts *o,
                       const struct actent_sweep *s)
{
    fprintf(f, "actent experiment: %s mode, table %s, copy-neighbour %zu iterations, seed %u\n",
            actent_mode_name(o->mode), o->k->name, o->iterations, o->seed);
    if (!s->ninputs)
        fprintf(f, "sample: %s\n", normal(o, s) ? "normal(0, sigma)" : "uniform on [-1, 1]");
    fprintf(f,
            "entropy (bits) of the input and after each activation; --json has every number\n\n");
    if (!s->ninputs)
        fprintf(f, "%-10s ", "n");
    if (normal(o, s))
        fprintf(f, "%-10s ", "sigma");
    fprintf(f, "%-8s %10s", "bins", "input");
    for (int op = 0; op < ACT_COUNT; op++)
        if (o->use[op])
            fprintf(f, " %12s", act_name((enum act_op)op));
    fputc('\n', f);
}

static void table_row(FILE *f, const struct actent_experiment *r, const struct actent_sweep *s)
{
    const struct actent_experiment_opts *o = &r->opts;
    if (!s->ninputs)
        fprintf(f, "%-10zu ", o->n);
    if (normal(o, s))
        fprintf(f, "%-10g ", o->sigma);
    fprintf(f, "%-8zu %10.6f", o->bins, r->input_entropy);
    for (size_t i = 0; i < r->nacts; i++)
        fprintf(f, " %12.6f", r->acts[i].entropy);
    fputc('\n', f);
    fflush(f); /* a long sweep shows each row as it finishes */
}

static void file_line(FILE *f, const struct actent_layer *l)
{
    char shape[ACTENT_NPY_MAX_DIMS * 24];
    actent_npy_shape_str(l->info.ndim, l->info.shape, shape, sizeof shape);
    fprintf(f, "%s: shape %s, dtype %s%s, n = %zu", l->info.path, shape, l->info.dtype,
            l->info.fortran_order ? " (Fortran order)" : "", l->n);
    if (l->info.nonfinite_dropped)
        fprintf(f, " (%llu non-finite values left out)",
                (unsigned long long)l->info.nonfinite_dropped);
    fputc('\n', f);
}

static void emit(FILE *f, struct json *j, const struct actent_experiment *r,
                 const struct actent_sweep *s)
{
    if (actent_sweep_runs(s) == 1)
        actent_experiment_print(f, r);
    else
        table_row(f, r, s);
    if (j)
        actent_experiment_json(j, r);
}

static int run_samples(const struct actent_experiment_opts *base, const struct actent_sweep *s,
                       FILE *f, struct json *j, char *err, size_t len)
{
    for (size_t i = 0; i < s->nn; i++)
        for (size_t k = 0; k < s->nsigma; k++)
            for (size_t b = 0; b < s->nbins; b++) {
                struct actent_experiment_opts o = *base;
                o.n = (size_t)s->n[i];
                o.sigma = s->sigma[k];
                o.bins = (size_t)s->bins[b];
                struct actent_experiment r;
                if (actent_experiment_run(&o, &r, err, len) != 0)
                    return -1;
                emit(f, j, &r, s);
                actent_experiment_free(&r);
            }
    return 0;
}

static int run_file(const struct actent_experiment_opts *base, const struct actent_sweep *s,
                    const char *path, FILE *f, struct json *j, char *err, size_t len)
{
    struct actent_layer l;
    if (actent_layer_load(path, s->nonfinite, &l, err, len) != 0)
        return -1;
    if (actent_sweep_runs(s) > 1)
        file_line(f, &l);
    int rc = 0;
    for (size_t b = 0; b < s->nbins && rc == 0; b++) {
        struct actent_experiment_opts o = *base;
        o.bins = (size_t)s->bins[b];
        o.input = &l.info;
        struct actent_rng rng;
        actent_rng_seed(&rng, o.seed);
        struct actent_experiment r;
        char why[512];
        if (actent_experiment_analyse(&o, l.x, l.n, &rng, &r, why, sizeof why) != 0) {
            rc = actent_fail(err, len, "%s: %s", path, why);
            break;
        }
        emit(f, j, &r, s);
        actent_experiment_free(&r);
    }
    actent_layer_free(&l);
    return rc;
}

static void u64_array(struct json *j, const char *key, const uint64_t *v, size_t n)
{
    json_key(j, key);
    json_arr_begin(j, true);
    for (size_t i = 0; i < n; i++)
        json_uint(j, v[i]);
    json_arr_end(j);
}

static void sweep_json(struct json *j, const struct actent_experiment_opts *o,
                       const struct actent_sweep *s)
{
    if (o->command)
        json_kstr(j, "command", o->command);
    json_key(j, "sweep");
    json_obj_begin(j);
    if (s->ninputs) {
        json_key(j, "inputs");
        json_arr_begin(j, false);
        for (size_t i = 0; i < s->ninputs; i++)
            json_str(j, s->inputs[i]);
        json_arr_end(j);
    } else {
        u64_array(j, "n", s->n, s->nn);
    }
    if (normal(o, s)) {
        json_key(j, "sigma");
        json_arr_begin(j, true);
        for (size_t i = 0; i < s->nsigma; i++)
            json_num(j, s->sigma[i]);
        json_arr_end(j);
    }
    u64_array(j, "bins", s->bins, s->nbins);
    json_obj_end(j);
}

int actent_sweep_check_output(const struct actent_sweep *s, const char *json, char *err, size_t len)
{
    struct stat out, in;
    if (!json || strcmp(json, "-") == 0 || stat(json, &out) != 0)
        return 0;
    for (size_t i = 0; i < s->ninputs; i++)
        if (stat(s->inputs[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return actent_fail(err, len,
                               "--json '%s' is the input file '%s': the result would replace it",
                               json, s->inputs[i]);
    return 0;
}

int actent_sweep_run(const struct actent_experiment_opts *base, const struct actent_sweep *s,
                     FILE *out, struct json *j, char *err, size_t len)
{
    /* a bad file among many is found before the first analysis, not after hours */
    for (size_t i = 0; i < s->ninputs; i++)
        if (actent_layer_check(s->inputs[i], err, len) != 0)
            return -1;
    bool plain = actent_sweep_plain(s);
    if (!plain && actent_sweep_runs(s) > 1)
        table_head(out, base, s);
    if (j && !plain) {
        json_obj_begin(j);
        sweep_json(j, base, s);
        json_key(j, "results");
        json_arr_begin(j, false);
    }
    int rc = 0;
    if (!s->ninputs)
        rc = run_samples(base, s, out, j, err, len);
    for (size_t i = 0; i < s->ninputs && rc == 0; i++)
        rc = run_file(base, s, s->inputs[i], out, j, err, len);
    if (rc == 0 && j && !plain) {
        json_arr_end(j);
        json_obj_end(j);
    }
    return rc;
}
