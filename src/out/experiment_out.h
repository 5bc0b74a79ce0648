/* experiment_out.h - an analysis's result as text and as JSON. Formats only:
 * every number printed here was computed before (core/experiment.c). */
#ifndef ACTENT_EXPERIMENT_OUT_H
#define ACTENT_EXPERIMENT_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "experiment.h"
#include "json.h"
#include "layer.h"

/* The schema every `actent experiment --json` document names. */
#define ACTENT_EXPERIMENT_SCHEMA "actent.experiment/2"

/* One analysis in full: how it was binned, then the activations sorted by
 * entropy, as the notebook plots them. */
void actent_experiment_print(FILE *f, const struct actent_experiment *r);

/* Many analyses, one row each. files: the analyses read --input files (no n
 * column); normal: the sample is normal(0, sigma) (a sigma column). */
void actent_experiment_head(FILE *f, const struct actent_experiment_opts *o, bool files,
                            bool normal);
void actent_experiment_row(FILE *f, const struct actent_experiment *r, bool files, bool normal);

/* "path<sep>shape (2, 3), dtype <f4, n = 6" and what was left out: a file's
 * line before its rows (sep ": "), or the input in a full report (sep ", "). */
void actent_input_line(FILE *f, const struct actent_input_info *in, size_t n, const char *sep);

/* One element of the document's "results" (docs/experiment.schema.json). */
void actent_experiment_json(struct json *j, const struct actent_experiment *r);

/* "key": [v0, v1, ...] on one line: counts and swept values. */
void actent_json_u64_array(struct json *j, const char *key, const uint64_t *v, size_t n);

#endif
