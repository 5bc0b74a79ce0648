/* api.h - what the public API's files share (src/api only). */
#ifndef ACTENT_API_INTERNAL_H
#define ACTENT_API_INTERNAL_H

#include <stddef.h>

#include "actent.h"
#include "kernels.h"
#include "source.h"

/* the table to use: t (checked to be one of the registry's, and to run
 * here), or the best this CPU runs; NULL with a message */
const struct act_kernels *actent_api_table(const actent_table *t, char *err, size_t len);

/* the checks every histogram call shares, before any pass over x */
int actent_api_check_args(const void *x, size_t n, size_t nbins, const void *counts, char *err,
                          size_t len);

/* -1 with the message for the first non-finite x[i] ("x[3] is NaN: ..."), as
 * float32; 0 when there is none. k widens a source that is not float32. */
int actent_api_first_nonfinite(const struct act_kernels *k, const struct actent_src *x, size_t n,
                               char *err, size_t len);

#endif
