/* progress.h - progress of a long run on a stream: a bar redrawn in place on
 * a terminal, otherwise a line now and then (every 10% or 30 seconds), so a
 * log file stays short. */
#ifndef ACTENT_PROGRESS_H
#define ACTENT_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct actent_progress {
    FILE *f;  /* NULL: silent */
    bool bar; /* redraw in place */
    const char *what;
    const char *unit; /* what is counted: "inputs" unless set after start */
    double t0, last_line;
    int last_pct;
};

/* seconds on a monotonic clock */
double actent_now(void);

void actent_progress_start(struct actent_progress *p, FILE *f, bool bar, const char *what);
void actent_progress_update(struct actent_progress *p, uint64_t done, uint64_t total);
void actent_progress_end(struct actent_progress *p, uint64_t total);

#endif
