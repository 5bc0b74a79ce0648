/* transform_par.c - a skip pass publishes start states; workers transform. */
#include "transform_par.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "transform.h"
#include "workers.h"

struct cn_run {
    struct actent_cn_job *jobs;
    size_t njobs, iterations;
    struct actent_rng *r, *states; /* states[k]: where job k's draws start */
    size_t ready;                  /* states[0..ready) are known */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct actent_progress *p;
    pthread_mutex_t pmu;
    atomic_uint_least64_t done;
    uint64_t total;
    atomic_bool stop; /* the progress callback asked to stop */
};

static void one_round(const struct actent_cn_job *j, struct actent_rng *r)
{
    if (j->width == 1)
        actent_copy_neighbour_u8(j->x, j->m, 1, r);
    else if (j->width == 2)
        actent_copy_neighbour_u16(j->x, j->m, 1, r);
    else
        actent_copy_neighbour_u32(j->x, j->m, 1, r);
}

static void transform(struct cn_run *c, size_t k, struct actent_rng *r)
{
    for (size_t it = 0; it < c->iterations && !atomic_load(&c->stop); it++) {
        one_round(&c->jobs[k], r);
        if (!c->p)
            continue;
        uint64_t done = atomic_fetch_add(&c->done, c->jobs[k].m) + c->jobs[k].m;
        /* whoever finds the bar free redraws it; the others go on working */
        if (pthread_mutex_trylock(&c->pmu) == 0) {
            if (actent_progress_update(c->p, done, c->total))
                atomic_store(&c->stop, true);
            pthread_mutex_unlock(&c->pmu);
        }
    }
}

/* Job 0 is the skip pass; job k + 1 transforms jobs[k] once its state is known. */
static void run_job(void *ctx, size_t i)
{
    struct cn_run *c = ctx;
    if (i == 0) {
        for (size_t k = 0; k < c->njobs; k++) {
            pthread_mutex_lock(&c->mu);
            c->states[k] = *c->r;
            c->ready = k + 1;
            pthread_cond_broadcast(&c->cv);
            pthread_mutex_unlock(&c->mu);
            /* the last job's worker hands back the final state itself */
            if (k + 1 < c->njobs)
                actent_copy_neighbour_skip(c->jobs[k].m, c->iterations, c->r);
        }
        return;
    }
    size_t k = i - 1;
    pthread_mutex_lock(&c->mu);
    while (c->ready <= k)
        pthread_cond_wait(&c->cv, &c->mu);
    pthread_mutex_unlock(&c->mu);
    transform(c, k, &c->states[k]);
}

int actent_copy_neighbour_jobs(struct actent_cn_job *jobs, size_t njobs, size_t iterations,
                               struct actent_rng *r, unsigned threads, struct actent_progress *p)
{
    struct cn_run c = {.jobs = jobs, .njobs = njobs, .iterations = iterations, .r = r, .p = p};
    atomic_init(&c.done, 0);
    atomic_init(&c.stop, false);
    for (size_t k = 0; k < njobs; k++)
        c.total += (uint64_t)jobs[k].m * iterations;
    pthread_mutex_init(&c.pmu, NULL);
    int rc = 0;
    if (threads <= 1 || njobs <= 1) {
        for (size_t k = 0; k < njobs; k++)
            transform(&c, k, r);
    } else if (!(c.states = malloc(njobs * sizeof *c.states))) {
        rc = -1;
    } else {
        pthread_mutex_init(&c.mu, NULL);
        pthread_cond_init(&c.cv, NULL);
        actent_workers_run(threads, njobs + 1, run_job, &c);
        *r = c.states[njobs - 1];
        pthread_cond_destroy(&c.cv);
        pthread_mutex_destroy(&c.mu);
        free(c.states);
    }
    pthread_mutex_destroy(&c.pmu);
    return rc ? rc : atomic_load(&c.stop) ? 1 : 0;
}
