/* cmd_verify.h - actent verify. */
#ifndef ACTENT_CMD_VERIFY_H
#define ACTENT_CMD_VERIFY_H

#include "cli.h"

/* 0 when every table keeps its bounds, 1 on a violation or an error writing
 * --json, 2 for a table that does not exist */
int actent_cmd_verify(struct actent_cli *c);

#endif
