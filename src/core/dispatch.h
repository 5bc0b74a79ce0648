/* dispatch.h - choose a kernel table, once, by name or by what the CPU runs. */
#ifndef ACTENT_DISPATCH_H
#define ACTENT_DISPATCH_H

#include <stddef.h>

#include "kernels.h"

/* want: NULL or "auto" for the best table this CPU runs, else a table's name.
 * Returns 0 and sets *out, or -1 with the reason in why: an unknown name
 * (listing the built-in ones) or a table this CPU cannot run. */
int actent_select(const char *want, const struct act_kernels **out, char *why, size_t len);

/* "scalar, avx2, ..." */
void actent_table_names(char *buf, size_t len);

#endif
