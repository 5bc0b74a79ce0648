/* workers.h - run independent jobs on a few threads. Each job writes only its
 * own result, so the outcome does not depend on which thread ran what. */
#ifndef ACTENT_WORKERS_H
#define ACTENT_WORKERS_H

#include <stddef.h>

typedef void (*actent_job_fn)(void *ctx, size_t i);

/* Runs job(ctx, i) for i in [0, njobs) on up to nthreads threads (the
 * calling thread among them), each job exactly once. */
void actent_workers_run(unsigned nthreads, size_t njobs, actent_job_fn job, void *ctx);

/* The same on up to nthreads threads of their own (at most 64), while the
 * calling thread calls watch(watch_ctx) every 200 ms (progress) until every
 * job has finished. The number of threads started; 0 when none could be
 * (then no job ran). */
unsigned actent_workers_watch(unsigned nthreads, size_t njobs, actent_job_fn job, void *ctx,
                              void (*watch)(void *watch_ctx), void *watch_ctx);

#endif
