/* progress.h - progress of a long run on a stream: a bar redrawn in place on
 * a terminal, otherwise a line now and then (every 10% or 30 seconds), so a
 * log file stays short. */
#ifndef ACTENT_PROGRESS_H
#define ACTENT_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Called with the work done and the total (in the unit the caller counts);
 * non-zero asks the work to stop. From whichever thread made progress. */
typedef int (*actent_tick_fn)(void *ctx, uint64_t done, uint64_t total);

struct actent_progress {
    FILE *f;             /* NULL: silent */
    bool bar;            /* redraw in place */
    actent_tick_fn tick; /* NULL: none */
    void *tick_ctx;
    bool stop; /* tick asked to stop: the work ends early, the call fails */
    const char *what;
    const char *unit; /* what is counted: "inputs" unless set after start */
    double t0, last_line;
    int last_pct;
};

/* seconds on a monotonic clock */
double actent_now(void);

void actent_progress_start(struct actent_progress *p, FILE *f, bool bar, const char *what);
/* Redraws or prints (when f is set) and calls tick (when set). Returns true
 * once tick has asked to stop; then the work should end and its call fail. */
bool actent_progress_update(struct actent_progress *p, uint64_t done, uint64_t total);
void actent_progress_end(struct actent_progress *p, uint64_t total);

#endif
