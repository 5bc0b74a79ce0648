/* cmd_infoplane.c - actent infoplane: options, the layers' (file, epoch)
 * pairs on threads, the rows as a table and as JSON. */
#include "cmd_infoplane.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_list.h"
#include "errmsg.h"
#include "infoplane_out.h"
#include "npy.h"
#include "outfile.h"
#include "progress.h"
#include "workers.h"

static int method_ok(const char *m)
{
    static const char *const names[] = {"width", "idnns",     "count",    "mass",
                                        "kde",   "kde-upper", "kde-lower"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(m, names[i]) == 0)
            return 1;
    return 0;
}

static int option(struct actent_ip_cli *c, const char *opt, const char *v, const char **sweep,
                  char *err, size_t len)
{
    uint64_t u;
    if (strcmp(opt, "--layer") == 0) {
        if (c->nlayers == ACTENT_IP_MAX_LAYERS)
            return actent_fail(err, len, "--layer: at most %d files", ACTENT_IP_MAX_LAYERS);
        c->layers[c->nlayers++] = v;
    } else if (strcmp(opt, "--labels") == 0) {
        c->labels = v;
    } else if (strcmp(opt, "--inputs") == 0) {
        c->inputs = v;
    } else if (strcmp(opt, "--json") == 0) {
        c->json = v;
    } else if (strcmp(opt, "--isa") == 0) {
        c->isa = v;
    } else if (strcmp(opt, "--method") == 0) {
        if (!method_ok(v))
            return actent_fail(err, len,
                               "--method must be width, idnns, count, mass, kde, kde-upper or "
                               "kde-lower, not '%s'",
                               v);
        c->method = v;
    } else if (strcmp(opt, "--width") == 0 || strcmp(opt, "--bins") == 0 ||
               strcmp(opt, "--noise-var") == 0) {
        *sweep = opt[2] == 'w' ? "--width" : opt[2] == 'b' ? "--bins" : "--noise-var";
        return actent_arg_positive_list(opt, v, c->values, &c->nvalues, err, len);
    } else if (strcmp(opt, "--estimator") == 0) {
        enum actent_estimator e = actent_estimator_from_name(v);
        if (e == ACTENT_EST_COUNT || e == ACTENT_EST_KDE)
            return actent_fail(err, len,
                               "--estimator must be plugin, miller-madow, grassberger or "
                               "jackknife, not '%s'",
                               v);
        c->estimator = v;
    } else if (strcmp(opt, "--shuffles") == 0) {
        if (actent_arg_uint(opt, v, 0, 1u << 20, &u, err, len))
            return -1;
        c->shuffles = (size_t)u;
    } else if (strcmp(opt, "--bootstrap") == 0) {
        if (actent_arg_uint(opt, v, 0, 1u << 20, &u, err, len))
            return -1;
        c->bootstrap = (size_t)u;
    } else if (strcmp(opt, "--seed") == 0) {
        if (actent_arg_uint(opt, v, 0, UINT32_MAX, &u, err, len))
            return -1;
        c->seed = (uint32_t)u;
    } else if (strcmp(opt, "--threads") == 0) {
        if (actent_arg_uint(opt, v, 1, 64, &u, err, len))
            return -1;
        c->threads = (unsigned)u;
    } else {
        return actent_fail(err, len, "infoplane: unknown option '%s' (see: actent help infoplane)",
                           opt);
    }
    return 0;
}

int actent_ip_cli_parse(int argc, char *const *argv, struct actent_ip_cli *c, char *err, size_t len)
{
    memset(c, 0, sizeof *c);
    c->method = "width";
    c->estimator = "plugin";
    c->threads = 1;
    const char *sweep = NULL;
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i], *eq = strchr(arg, '='), *v;
        char opt[32];
        size_t ol = eq ? (size_t)(eq - arg) : strlen(arg);
        if (strncmp(arg, "--", 2) != 0 || ol >= sizeof opt)
            return actent_fail(err, len, "infoplane: unexpected argument '%s'", arg);
        memcpy(opt, arg, ol);
        opt[ol] = '\0';
        if (eq)
            v = eq + 1;
        else if (i + 1 < argc)
            v = argv[++i];
        else
            return actent_fail(err, len, "infoplane: option %s needs a value", opt);
        if (option(c, opt, v, &sweep, err, len) != 0)
            return -1;
    }
    if (c->nlayers == 0 || !c->labels)
        return actent_fail(err, len, "infoplane: %s is needed (see: actent help infoplane)",
                           c->nlayers == 0 ? "--layer FILE.npy" : "--labels FILE.npy");
    const char *want = strncmp(c->method, "kde", 3) == 0 ? "--noise-var"
                       : strcmp(c->method, "width") == 0 ? "--width"
                                                         : "--bins";
    if (sweep && strcmp(sweep, want) != 0)
        return actent_fail(err, len, "infoplane: %s does not apply to --method %s (it takes %s)",
                           sweep, c->method, want);
    if (!sweep) {
        c->values[0] = strcmp(want, "--width") == 0  ? 0.07
                       : strcmp(want, "--bins") == 0 ? 30
                                                     : 1e-3;
        c->nvalues = 1;
    }
    for (size_t i = 0; strcmp(want, "--bins") == 0 && i < c->nvalues; i++)
        if (c->values[i] != (double)(uint32_t)c->values[i])
            return actent_fail(err, len, "--bins %g: a whole number of bins is needed",
                               c->values[i]);
    if (c->bootstrap && strncmp(c->method, "kde", 3) == 0)
        return actent_fail(err, len, "--bootstrap applies to the binning methods, not %s",
                           c->method);
    if (c->inputs && strncmp(c->method, "kde", 3) == 0)
        return actent_fail(err, len, "--inputs applies to the binning methods, not %s", c->method);
    return 0;
}

/* the layers, the labels, and the jobs: one per (file, epoch) and, for
 * binning, per swept value; KDE takes every variance in one pass */
struct layerfile {
    struct actent_npy a;
    size_t epochs, n, d;
};

struct run {
    const struct actent_ip_cli *c;
    const struct act_kernels *k;
    struct layerfile *lf;
    int32_t *y, *x;
    size_t ny, nx;
    size_t *job_file, *job_epoch; /* per (file, epoch) */
    struct actent_ip_row *rows;
    bool kde;
    _Atomic size_t done;
    _Atomic int failed;
    char err[1024];
    struct actent_progress *prog;
    size_t total;
};

static void job(void *ctx, size_t i)
{
    struct run *r = ctx;
    if (r->failed)
        return;
    const struct actent_ip_cli *c = r->c;
    const struct layerfile *lf = &r->lf[r->job_file[i]];
    size_t e = r->job_epoch[i];
    struct actent_ip_layer L = {.t = lf->a.data + e * lf->n * lf->d,
                                .n = lf->n,
                                .d = lf->d,
                                .y = r->y,
                                .ny = r->ny,
                                .x = r->x,
                                .nx = r->nx};
    char err[512];
    int rc = 0;
    struct actent_ip_row *row = r->rows + i * c->nvalues;
    if (r->kde) {
        struct actent_ip_result up[ACTENT_IP_MAX_SWEEP], lo[ACTENT_IP_MAX_SWEEP];
        L.x = NULL;
        rc = actent_ip_kde(r->k, &L, c->values, c->nvalues, c->shuffles, c->seed, up, lo, err,
                           sizeof err);
        for (size_t v = 0; rc == 0 && v < c->nvalues; v++) {
            row[v].r = strcmp(c->method, "kde-lower") == 0 ? lo[v] : up[v];
            row[v].lower = lo[v];
        }
    } else {
        struct actent_ip_params p = {.method = actent_ip_method_from_name(c->method),
                                     .est = actent_estimator_from_name(c->estimator),
                                     .shuffles = c->shuffles,
                                     .bootstrap = c->bootstrap,
                                     .seed = c->seed};
        for (size_t v = 0; rc == 0 && v < c->nvalues; v++) {
            p.width = c->values[v];
            p.bins = (size_t)c->values[v];
            rc = actent_ip_compute(r->k, &L, &p, &row[v].r, err, sizeof err);
        }
    }
    for (size_t v = 0; v < c->nvalues; v++)
        row[v] = (struct actent_ip_row){.layer = c->layers[r->job_file[i]],
                                        .epoch = e,
                                        .method = c->method,
                                        .param = c->values[v],
                                        .estimator = c->estimator,
                                        .n = lf->n,
                                        .d = lf->d,
                                        .r = row[v].r,
                                        .lower = row[v].lower};
    if (rc != 0 && !atomic_exchange(&r->failed, 1))
        snprintf(r->err, sizeof r->err, "%s, epoch %zu: %s", c->layers[r->job_file[i]], e, err);
    r->done++;
}

static void watch(void *ctx)
{
    struct run *r = ctx;
    actent_progress_update(r->prog, r->done, r->total);
}

/* a label (or input id) file: one integer per sample, numbered 0 .. k - 1 */
static int ids(const char *path, size_t n, int32_t **out, size_t *k, char *err, size_t len)
{
    int64_t *v;
    size_t m;
    if (actent_npy_load_ints(path, &v, &m, err, len) != 0)
        return -1;
    if (m != n) {
        free(v);
        return actent_fail(err, len, "%s has %zu values for %zu samples (one per row of a layer)",
                           path, m, n);
    }
    *out = malloc((n ? n : 1) * sizeof **out);
    *k = *out ? actent_ip_dense_ids(v, n, *out) : 0;
    free(v);
    if (*k == 0)
        return actent_fail(err, len, "%s: out of memory", path);
    return 0;
}

/* a layer file: (N, d) or (E, N, d) float; every file has the same N */
static int load_layer(const char *path, struct layerfile *lf, char *err, size_t len)
{
    if (actent_npy_load(path, 0, &lf->a, err, len) != 0)
        return -1;
    const struct actent_npy_header *h = &lf->a.h;
    if (h->ndim != 2 && h->ndim != 3) {
        char shape[ACTENT_NPY_MAX_DIMS * 24];
        actent_npy_shape_str(h->ndim, h->shape, shape, sizeof shape);
        actent_npy_free(&lf->a);
        return actent_fail(err, len,
                           "%s: shape %s: (N, d) for one layer or (E, N, d) for a stack of "
                           "epochs is needed",
                           path, shape);
    }
    lf->epochs = h->ndim == 3 ? (size_t)h->shape[0] : 1;
    lf->n = (size_t)h->shape[h->ndim - 2];
    lf->d = (size_t)h->shape[h->ndim - 1];
    return 0;
}

static int compute(struct run *r, const char *command, struct actent_out *o, char *err, size_t len)
{
    const struct actent_ip_cli *c = r->c;
    size_t jobs = 0;
    for (size_t f = 0; f < c->nlayers; f++)
        jobs += r->lf[f].epochs;
    r->job_file = malloc((jobs ? jobs : 1) * sizeof *r->job_file);
    r->job_epoch = malloc((jobs ? jobs : 1) * sizeof *r->job_epoch);
    r->rows = calloc(jobs * c->nvalues + 1, sizeof *r->rows);
    if (!r->job_file || !r->job_epoch || !r->rows)
        return actent_fail(err, len, "out of memory for %zu layers", jobs);
    for (size_t f = 0, i = 0; f < c->nlayers; f++)
        for (size_t e = 0; e < r->lf[f].epochs; e++, i++)
            r->job_file[i] = f, r->job_epoch[i] = e;
    struct actent_progress prog;
    actent_progress_start(&prog, isatty(STDERR_FILENO) ? stderr : NULL, true, "infoplane");
    prog.unit = "layers";
    r->prog = &prog;
    r->total = jobs;
    if (actent_workers_watch(c->threads, jobs, job, r, watch, r) == 0)
        actent_workers_run(1, jobs, job, r);
    actent_progress_end(&prog, jobs);
    if (r->failed)
        return actent_fail(err, len, "%s", r->err);
    struct actent_ip_run run = {.command = command,
                                .table = r->k->name,
                                .shuffles = c->shuffles,
                                .bootstrap = c->bootstrap,
                                .seed = c->seed,
                                .rows = r->rows,
                                .nrows = jobs * c->nvalues};
    actent_ip_write_table(stdout, &run);
    if (!o)
        return 0;
    actent_ip_write_json(o->f, &run);
    return actent_out_commit(o, err, len);
}

int actent_cmd_infoplane(int argc, char *const *argv, const char *command)
{
    struct actent_ip_cli c;
    char err[1024];
    if (actent_ip_cli_parse(argc, argv, &c, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    struct run r = {.c = &c, .kde = strncmp(c.method, "kde", 3) == 0};
    if (actent_cli_table(c.isa, &r.k, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    r.lf = calloc(c.nlayers, sizeof *r.lf);
    int rc = r.lf ? 0 : actent_fail(err, sizeof err, "out of memory");
    size_t loaded = 0;
    for (; rc == 0 && loaded < c.nlayers; loaded++) {
        rc = load_layer(c.layers[loaded], &r.lf[loaded], err, sizeof err);
        if (rc == 0 && r.lf[loaded].n != r.lf[0].n) {
            rc = actent_fail(err, sizeof err, "%s has %zu samples, %s has %zu: one data set",
                             c.layers[loaded], r.lf[loaded].n, c.layers[0], r.lf[0].n);
        }
    }
    if (rc == 0)
        rc = ids(c.labels, r.lf[0].n, &r.y, &r.ny, err, sizeof err);
    if (rc == 0 && c.inputs)
        rc = ids(c.inputs, r.lf[0].n, &r.x, &r.nx, err, sizeof err);
    /* the result file opens before the work: an unwritable path fails first */
    struct actent_out o;
    bool json = rc == 0 && c.json;
    if (json && actent_out_open(&o, c.json, err, sizeof err) != 0)
        rc = -1, json = false;
    if (rc == 0)
        rc = compute(&r, command, json ? &o : NULL, err, sizeof err);
    if (json && rc != 0)
        actent_out_abort(&o);
    if (rc != 0)
        fprintf(stderr, "actent: %s\n", err);
    for (size_t f = 0; f < loaded; f++)
        actent_npy_free(&r.lf[f].a);
    free(r.lf);
    free(r.y);
    free(r.x);
    free(r.job_file);
    free(r.job_epoch);
    free(r.rows);
    return rc != 0;
}
