/* cli_list.h - option values for the command line: pure functions, no I/O. */
#ifndef ACTENT_CLI_LIST_H
#define ACTENT_CLI_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "grid.h"

/* A whole decimal number in [lo, hi]: no sign, no spaces, no suffix.
 * 0, or -1 with a message naming opt in err. */
int actent_arg_uint(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                    char *err, size_t len);

/* A finite number above 0. */
int actent_arg_positive(const char *opt, const char *s, double *out, char *err, size_t len);

/* "10,20,50", "10:100:10" (START:STOP:STEP, STOP included when a step lands
 * on it; STEP defaults to 1) or a mix: whole numbers in [lo, hi], no
 * repeats, at most ACTENT_GRID_MAX of them, into out[0..*count). */
int actent_arg_u64_list(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                        size_t *count, char *err, size_t len);

/* "0.5,1,2": finite numbers above 0, no repeats, no ranges. */
int actent_arg_positive_list(const char *opt, const char *s, double *out, size_t *count, char *err,
                             size_t len);

#endif
