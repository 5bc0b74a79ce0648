/* repeats_out.h - --repeats: the summary table of k samples, and the JSON
 * element holding the summary and every sample. Formats only. */
#ifndef ACTENT_REPEATS_OUT_H
#define ACTENT_REPEATS_OUT_H

#include <stdio.h>

#include "experiment.h"
#include "json.h"
#include "repeats.h"

void actent_repeats_print(FILE *f, const struct actent_experiment *r,
                          const struct actent_summary *s);
void actent_repeats_json(struct json *j, const struct actent_experiment *r,
                         const struct actent_summary *s);

#endif
