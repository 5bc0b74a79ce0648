/* transform_par.h - the copy-neighbour rounds of several activations, in
 * parallel, drawing exactly what the serial run draws.
 *
 * The activations share one random stream, in the notebook's order. Where
 * activation k's shuffles start depends only on the stream and the lengths of
 * the earlier activations' arrays (a shuffle of m values draws a number of
 * words fixed by m and the words themselves), so one thread replays the
 * rejection sampling without data to find each start state while the others
 * transform from the states already found. */
#ifndef ACTENT_TRANSFORM_PAR_H
#define ACTENT_TRANSFORM_PAR_H

#include <stddef.h>

#include "progress.h"
#include "rng.h"

struct actent_cn_job {
    void *x; /* m compacted values (bin indices), transformed in place */
    size_t m;
    unsigned width; /* bytes per value: 1, 2 or 4 */
};

/* Runs `iterations` rounds on each job, in order, drawing from r; r ends
 * where the serial run leaves it. threads <= 1: serially. p: progress over
 * all rounds (counted in values moved), or NULL. 0; -1 when memory for the
 * start states is short; 1 when p's callback asked to stop (the rounds end
 * part-way, the values and r are then of no use). */
int actent_copy_neighbour_jobs(struct actent_cn_job *jobs, size_t njobs, size_t iterations,
                               struct actent_rng *r, unsigned threads, struct actent_progress *p);

#endif
