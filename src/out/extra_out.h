/* extra_out.h - what --estimator, --binning mass, --population and --repeats
 * add to an experiment's report and JSON. Formats only. */
#ifndef ACTENT_EXTRA_OUT_H
#define ACTENT_EXTRA_OUT_H

#include <stdio.h>

#include "experiment.h"
#include "json.h"
#include "repeats.h"

/* The estimator's and the population's table after the plug-in one; nothing
 * for the plug-in estimator with equal-width bins and no --population. */
void actent_extra_print(FILE *f, const struct actent_experiment *r);

/* Keys added to the result object (after "input_counts") and to one
 * activation's object; none in the plain case above. */
void actent_extra_json_input(struct json *j, const struct actent_experiment *r);
void actent_extra_json_act(struct json *j, const struct actent_experiment *r,
                           const struct actent_act_result *a);

/* --repeats: the summary table, and the JSON element holding every repeat. */
void actent_repeats_print(FILE *f, const struct actent_experiment *r,
                          const struct actent_summary *s);
void actent_repeats_json(struct json *j, const struct actent_experiment *r,
                         const struct actent_summary *s);

#endif
