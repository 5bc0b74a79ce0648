/* sweep.h - one analysis per combination of input file, N, sigma and bins.
 *
 * Without --input each combination draws its own sample, exactly as a
 * single run with those options would; with --input each file is analysed
 * once per bin count, the transform's random stream seeded with --seed each
 * time. A run of one synthetic analysis is "plain": it prints and writes
 * JSON exactly as the single experiment always has. Anything else prints
 * one row per analysis and writes {"sweep": ..., "results": [...]}. */
#ifndef ACTENT_SWEEP_H
#define ACTENT_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "experiment.h"
#include "json.h"
#include "layer.h"

#define ACTENT_SWEEP_MAX 1000  /* values of one swept option */
#define ACTENT_INPUTS_MAX 4096 /* --input files in one run */
#define ACTENT_RUNS_MAX 100000 /* analyses in one run */

/* Plain values only (the CLI fills it and is fuzzed): every list has at
 * least one value once parsed; inputs point into argv. */
struct actent_sweep {
    size_t nn, nsigma, nbins, ninputs;
    uint64_t n[ACTENT_SWEEP_MAX];
    double sigma[ACTENT_SWEEP_MAX];
    uint64_t bins[ACTENT_SWEEP_MAX];
    const char *inputs[ACTENT_INPUTS_MAX];
    enum actent_nonfinite nonfinite;
};

/* How many analyses the run makes. */
uint64_t actent_sweep_runs(const struct actent_sweep *s);
/* One analysis of the synthetic sample: the single experiment's output. */
bool actent_sweep_plain(const struct actent_sweep *s);

/* 0 unless the JSON destination is one of the input files (the result
 * would replace the data): then -1 with a message. */
int actent_sweep_check_output(const struct actent_sweep *s, const char *json, char *err,
                              size_t len);

/* Runs every analysis; the report goes to out, the JSON to j unless j is
 * NULL. base holds every other option. Every input file's header is checked
 * before the first analysis. 0, or -1 with a message naming the file. */
int actent_sweep_run(const struct actent_experiment_opts *base, const struct actent_sweep *s,
                     FILE *out, struct json *j, char *err, size_t len);

#endif
