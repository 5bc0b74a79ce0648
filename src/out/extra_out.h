/* extra_out.h - what --estimator, --binning mass and --population add to an
 * experiment's report and JSON. Formats only; --repeats is repeats_out.h. */
#ifndef ACTENT_EXTRA_OUT_H
#define ACTENT_EXTRA_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "experiment.h"
#include "json.h"

/* true when the experiment ran an estimator other than the plug-in */
bool actent_extra_has_estimate(const struct actent_experiment *r);
/* "key": v, or null where v is NaN or infinite (JSON has neither: a limit
 * that diverges, a bound not taken) */
void actent_json_knum_or_null(struct json *j, const char *key, double v);

/* The estimator's and the population's table after the plug-in one; nothing
 * for the plug-in estimator with equal-width bins and no --population. */
void actent_extra_print(FILE *f, const struct actent_experiment *r);

/* Keys added to the result object (after "input_counts") and to one
 * activation's object; none in the plain case above. */
void actent_extra_json_input(struct json *j, const struct actent_experiment *r);
void actent_extra_json_act(struct json *j, const struct actent_experiment *r,
                           const struct actent_act_result *a);

#endif
