/* outfile.h - result files that appear whole or not at all.
 *
 * A result is written to a temporary file beside its destination and renamed
 * over it only when complete, so a failed or interrupted run leaves the
 * previous result intact. A symbolic link is followed (the file it names is
 * replaced, the link kept). "-" means standard output, and a device or a FIFO
 * is written into, never replaced: the result is kept in memory and written
 * there on commit, so a failed run writes no partial JSON, and a full device
 * (ENOSPC) is reported as a failed commit. */
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
    bool special; /* a device or FIFO: written into at commit, never replaced */
};

/* Opens the temporary file now, so an unwritable destination fails before
 * any work is done. Returns 0, or -1 with a message naming the path. */
int actent_out_open(struct actent_out *o, const char *path, char *err, size_t len);
/* Flushes, checks for write errors, and renames into place. */
int actent_out_commit(struct actent_out *o, char *err, size_t len);
/* Discards the temporary file; safe after a failed open or a commit. */
void actent_out_abort(struct actent_out *o);

#endif
