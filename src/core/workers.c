/* workers.c - a shared counter hands out job numbers. */
#include "workers.h"

#include <pthread.h>
#include <stdatomic.h>

struct pool {
    actent_job_fn job;
    void *ctx;
    size_t njobs;
    atomic_size_t next;
};

static void *drain(void *arg)
{
    struct pool *p = arg;
    for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->njobs;)
        p->job(p->ctx, i);
    return NULL;
}

void actent_workers_run(unsigned nthreads, size_t njobs, actent_job_fn job, void *ctx)
{
    struct pool p = {.job = job, .ctx = ctx, .njobs = njobs};
    atomic_init(&p.next, 0);
    pthread_t tid[64];
    unsigned extra = 0;
    /* a thread that cannot be started leaves its share to the others */
    while (extra + 1 < nthreads && extra < 64 && extra + 1 < njobs &&
           pthread_create(&tid[extra], NULL, drain, &p) == 0)
        extra++;
    drain(&p);
    for (unsigned t = 0; t < extra; t++)
        pthread_join(tid[t], NULL);
}
