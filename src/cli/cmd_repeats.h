/* cmd_repeats.h - one planned analysis on K samples (--repeats). */
#ifndef ACTENT_CMD_REPEATS_H
#define ACTENT_CMD_REPEATS_H

#include <stdio.h>

#include "grid.h"
#include "json.h"

/* Runs run->opts with seeds seed..seed+k-1, prints the summary to report,
 * writes the element (every repeat and the summary) to j when not NULL. */
int actent_run_repeats(const struct actent_run *run, size_t k, FILE *report, struct json *j,
                       char *err, size_t len);

#endif
