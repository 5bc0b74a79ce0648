/* workers.c - a shared counter hands out job numbers. */
#include "workers.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

struct pool {
    actent_job_fn job;
    void *ctx;
    size_t njobs;
    atomic_size_t next, done;
};

static void *drain(void *arg)
{
    struct pool *p = arg;
    for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->njobs;) {
        p->job(p->ctx, i);
        atomic_fetch_add(&p->done, 1);
    }
    return NULL;
}

void actent_workers_run(unsigned nthreads, size_t njobs, actent_job_fn job, void *ctx)
{
    struct pool p = {.job = job, .ctx = ctx, .njobs = njobs};
    atomic_init(&p.next, 0);
    atomic_init(&p.done, 0);
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

unsigned actent_workers_watch(unsigned nthreads, size_t njobs, actent_job_fn job, void *ctx,
                              void (*watch)(void *watch_ctx), void *watch_ctx)
{
    struct pool p = {.job = job, .ctx = ctx, .njobs = njobs};
    atomic_init(&p.next, 0);
    atomic_init(&p.done, 0);
    pthread_t tid[64];
    unsigned started = 0;
    while (started < nthreads && started < 64 &&
           pthread_create(&tid[started], NULL, drain, &p) == 0)
        started++;
    if (started == 0)
        return 0;
    while (atomic_load(&p.done) < njobs) {
        struct timespec ts = {0, 200 * 1000 * 1000};
        nanosleep(&ts, NULL);
        if (watch)
            watch(watch_ctx);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    return started;
}
