/* workers.h - run independent jobs on a few threads. Each job writes only its
 * own result, so the outcome does not depend on which thread ran what. */
#ifndef ACTENT_WORKERS_H
#define ACTENT_WORKERS_H

#include <stddef.h>

typedef void (*actent_job_fn)(void *ctx, size_t i);

/* Runs job(ctx, i) for i in [0, njobs) on up to nthreads threads (the
 * calling thread among them), each job exactly once. */
void actent_workers_run(unsigned nthreads, size_t njobs, actent_job_fn job, void *ctx);

#endif
