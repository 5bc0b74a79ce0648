/* outfile.h - result files that appear whole or not at all.
 *
 * A result is written to a temporary file beside its destination and renamed
 * over it only when complete, so a failed or interrupted run leaves the
 * previous result intact. "-" means standard output: the result is kept in
 * memory and written there on commit, so a failed run prints no partial JSON. */
#ifndef ACTENT_OUTFILE_H
#define ACTENT_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct actent_out {
    FILE *f;
    char *path; /* destination */
    char *tmp;  /* temporary beside it; NULL for stdout */
    char *mem;  /* stdout: the buffer behind f */
    size_t mem_len;
    bool to_stdout;
};

/* Opens the temporary file now, so an unwritable destination fails before
 * any work is done. Returns 0, or -1 with a message naming the path. */
int actent_out_open(struct actent_out *o, const char *path, char *err, size_t len);
/* Flushes, checks for write errors, and renames into place. */
int actent_out_commit(struct actent_out *o, char *err, size_t len);
/* Discards the temporary file; safe after a failed open or a commit. */
void actent_out_abort(struct actent_out *o);

#endif
