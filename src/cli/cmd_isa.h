/* cmd_isa.h - actent isa. */
#ifndef ACTENT_CMD_ISA_H
#define ACTENT_CMD_ISA_H

#include "cli.h"

/* 0, or 2 for an --isa that names no table */
int actent_cmd_isa(const struct actent_cli *c);

#endif
