/* grid.h - the option grid: one analysis per combination of input file, N,
 * sigma and bins, planned before anything runs.
 *
 * Without --input each combination draws its own sample, exactly as a
 * single run with those options would; with --input each file is analysed
 * once per bin count, the transform's random stream seeded with --seed each
 * time. A grid of one synthetic analysis is "plain": its report is the single
 * experiment's full table; any other grid prints one row per analysis. The
 * JSON is {"schema", "command", "sweep", "results": [...]} either way. */
#ifndef ACTENT_GRID_H
#define ACTENT_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "experiment.h"
#include "layer.h"

#define ACTENT_GRID_MAX 1000   /* values of one swept option */
#define ACTENT_INPUTS_MAX 4096 /* --input files in one run */
#define ACTENT_RUNS_MAX 100000 /* analyses in one run */

/* Plain values only (the CLI fills it and is fuzzed): every list has at
 * least one value once parsed; inputs point into argv. */
struct actent_grid {
    size_t nn, nsigma, nbins, ninputs;
    uint64_t n[ACTENT_GRID_MAX];
    double sigma[ACTENT_GRID_MAX];
    uint64_t bins[ACTENT_GRID_MAX];
    const char *inputs[ACTENT_INPUTS_MAX];
    enum actent_nonfinite nonfinite;
};

/* One planned analysis: the options it runs with, and the file it reads
 * (NULL: it draws the sample opts describes). */
struct actent_run {
    struct actent_experiment_opts opts;
    const char *input;
};

/* How many analyses the grid makes. */
uint64_t actent_grid_runs(const struct actent_grid *g);
/* One analysis of the synthetic sample: the single experiment's report. */
bool actent_grid_plain(const struct actent_grid *g);
/* The sample is normal(0, sigma): the report has a sigma column. */
bool actent_grid_normal(const struct actent_grid *g, const struct actent_experiment_opts *base);

/* Analysis i (0 <= i < runs), in order: file or N outermost, then sigma,
 * then bins. base holds every option the grid does not vary. */
void actent_grid_plan(const struct actent_grid *g, const struct actent_experiment_opts *base,
                      uint64_t i, struct actent_run *run);

/* 0 unless the JSON destination is one of the input files (the result
 * would replace the data): then -1 with a message. */
int actent_grid_check_output(const struct actent_grid *g, const char *json, char *err, size_t len);

#endif
