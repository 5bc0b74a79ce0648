/* verify_out.h - a verify run's result on the terminal and as JSON. */
#ifndef ACTENT_VERIFY_OUT_H
#define ACTENT_VERIFY_OUT_H

#include <stdio.h>

#include "json.h"
#include "verify.h"

/* The summary tables and any violations. */
void actent_verify_print(FILE *f, const struct actent_verify *r);
/* verify.json: {"schema": "actent.verify/1", ...} (docs/verify.schema.json). */
void actent_verify_json(struct json *j, const struct actent_verify *r);

#endif
