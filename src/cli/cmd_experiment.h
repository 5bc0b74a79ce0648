/* cmd_experiment.h - `actent experiment`. */
#ifndef ACTENT_CMD_EXPERIMENT_H
#define ACTENT_CMD_EXPERIMENT_H

#include "cli.h"

/* Runs the parsed command; the exit status (0, 1 for a failed run, 2 for a
 * refused table or output). */
int actent_cmd_experiment(struct actent_cli *c);

#endif
