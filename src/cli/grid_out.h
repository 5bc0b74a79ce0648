/* grid_out.h - the experiment's JSON document around its results. */
#ifndef ACTENT_GRID_OUT_H
#define ACTENT_GRID_OUT_H

#include "grid.h"
#include "json.h"

/* Opens the document and its "results" array (docs/experiment.schema.json). */
void actent_grid_json_begin(struct json *j, const struct actent_grid *g,
                            const struct actent_experiment_opts *base);
/* Closes the array and the document. */
void actent_grid_json_end(struct json *j);

#endif
