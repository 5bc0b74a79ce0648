/* cmd_experiment.c - `actent experiment`: options -> planned runs -> results
 * -> output, in that one direction. The grid plans each run (grid.c), the
 * core computes it (experiment.c), and the out layer formats it
 * (experiment_out.c); this file only moves the data between them. */
#include "cmd_experiment.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cmd_repeats.h"
#include "dispatch.h"
#include "errmsg.h"
#include "experiment_out.h"
#include "grid_out.h"
#include "cli_json.h"
#include "par.h"

/* The file a run reads, loaded once for all its bin counts. */
struct loaded {
    const char *path;
    struct actent_layer l;
};

static int compute(const struct actent_run *run, struct loaded *in, struct actent_experiment *r,
                   char *err, size_t len)
{
    if (!run->input)
        return actent_experiment_run(&run->opts, r, err, len);
    struct actent_experiment_opts o = run->opts;
    o.input = &in->l.info;
    struct actent_rng rng;
    actent_rng_seed(&rng, o.seed);
    char why[512];
    if (actent_experiment_analyse(&o, in->l.x, in->l.n, &rng, r, why, sizeof why) != 0)
        return actent_fail(err, len, "%s: %s", run->input, why);
    return 0;
}

/* Loads run's file when it is not the one loaded; prints its line in a grid. */
static int load(const struct actent_run *run, struct loaded *in, const struct actent_grid *g,
                FILE *report, char *err, size_t len)
{
    if (!run->input || in->path == run->input)
        return 0;
    if (in->path)
        actent_layer_free(&in->l);
    in->path = NULL;
    if (actent_layer_load(run->input, g->nonfinite, &in->l, err, len) != 0)
        return -1;
    in->path = run->input;
    if (actent_grid_runs(g) > 1) {
        actent_input_line(report, &in->l.info, in->l.n, ": ");
        fputc('\n', report);
    }
    return 0;
}

static int run_grid(const struct actent_cli *c, FILE *report, struct json *j, char *err, size_t len)
{
    const struct actent_grid *g = &c->grid;
    /* a bad file among many is found before the first analysis, not after hours */
    for (size_t i = 0; i < g->ninputs; i++)
        if (actent_layer_check(g->inputs[i], err, len) != 0)
            return -1;
    bool plain = actent_grid_plain(g), files = g->ninputs > 0;
    bool normal = actent_grid_normal(g, &c->exp);
    uint64_t runs = actent_grid_runs(g);
    if (!plain && runs > 1)
        actent_experiment_head(report, &c->exp, files, normal);
    if (j)
        actent_grid_json_begin(j, g, &c->exp);
    struct loaded in = {0};
    int rc = 0;
    for (uint64_t i = 0; i < runs && rc == 0; i++) {
        struct actent_run run;
        actent_grid_plan(g, &c->exp, i, &run);
        if (c->repeats > 1) { /* K samples per planned analysis */
            rc = actent_run_repeats(&run, c->repeats, report, j, err, len);
            continue;
        }
        struct actent_experiment r;
        rc = load(&run, &in, g, report, err, len);
        if (rc == 0)
            rc = compute(&run, &in, &r, err, len);
        if (rc != 0)
            break;
        if (runs == 1)
            actent_experiment_print(report, &r);
        else
            actent_experiment_row(report, &r, files, normal);
        if (j)
            actent_experiment_json(j, &r);
        actent_experiment_free(&r);
    }
    if (in.path)
        actent_layer_free(&in.l);
    if (rc == 0 && j)
        actent_grid_json_end(j);
    return rc;
}

int actent_cmd_experiment(struct actent_cli *c)
{
    char err[1024];
    if (actent_cli_table(c->isa, &c->exp.k, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    if (actent_grid_check_output(&c->grid, c->json, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    if (c->exp.threads == 0)
        c->exp.threads = actent_cpus();
    /* a bar on a terminal; a log or a pipe gets nothing */
    c->exp.progress = isatty(STDERR_FILENO) ? stderr : NULL;
    c->exp.notes = stderr;
    /* open the JSON file first: an unwritable path fails before any work */
    struct actent_cli_json out;
    if (actent_cli_json_open(&out, c->json) != 0)
        return 1;
    FILE *report = actent_cli_json_report(&out);
    if (run_grid(c, report, actent_cli_json_writer(&out), err, sizeof err) != 0) {
        fprintf(stderr, "actent: experiment: %s\n", err);
        actent_cli_json_abort(&out);
        return 1;
    }
    if (actent_cli_json_commit(&out) != 0)
        return 1;
    if (fflush(report) != 0 || ferror(report)) {
        fprintf(stderr, "actent: cannot write the report: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
