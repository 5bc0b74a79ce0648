/* analysis.c - see analysis.h. */
#include "analysis.h"

#include <time.h>

static int analysis_progress(void *ctx, uint64_t done, uint64_t total)
{
    struct analysis *a = ctx;
    atomic_store(&a->done, done);
    atomic_store(&a->total, total);
    return atomic_load(&a->cancel);
}

/* the caller's callback with the latest (done, total), when it moved: 0, or
 * -1 with its exception */
static int report(struct analysis *a, uint64_t *shown)
{
    uint64_t done = atomic_load(&a->done), total = atomic_load(&a->total);
    if (!a->callback || total == 0 || done == *shown)
        return 0;
    *shown = done;
    PyObject *r = PyObject_CallFunction(a->callback, "KK", (unsigned long long)done,
                                        (unsigned long long)total);
    Py_XDECREF(r);
    return r ? 0 : -1;
}

static void *analysis_main(void *arg)
{
    struct analysis *a = arg;
    a->rc = actent_analyse_json(a->t, a->x, a->n, &a->o, &a->json, a->err, sizeof a->err);
    pthread_mutex_lock(&a->mu);
    atomic_store(&a->finished, 1);
    pthread_cond_signal(&a->cv);
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

int analysis_run(struct analysis *a)
{
    a->o.progress = analysis_progress;
    a->o.progress_ctx = a;
    atomic_init(&a->cancel, 0);
    atomic_init(&a->finished, 0);
    atomic_init(&a->done, 0);
    atomic_init(&a->total, 0);
    uint64_t shown = 0;
    pthread_mutex_init(&a->mu, NULL);
    pthread_cond_init(&a->cv, NULL);
    pthread_t tid;
    int threaded = pthread_create(&tid, NULL, analysis_main, a) == 0;
    int raised = 0;
    if (!threaded) { /* no thread to spare: run here, uninterruptible */
        Py_BEGIN_ALLOW_THREADS analysis_main(a);
        Py_END_ALLOW_THREADS
    }
    while (threaded) {
        int done;
        Py_BEGIN_ALLOW_THREADS pthread_mutex_lock(&a->mu);
        if (!atomic_load(&a->finished)) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 50 * 1000 * 1000;
            ts.tv_sec += ts.tv_nsec / 1000000000;
            ts.tv_nsec %= 1000000000;
            pthread_cond_timedwait(&a->cv, &a->mu, &ts);
        }
        done = atomic_load(&a->finished);
        pthread_mutex_unlock(&a->mu);
        Py_END_ALLOW_THREADS if (done) break;
        if (!raised && (PyErr_CheckSignals() != 0 || report(a, &shown) != 0)) {
            raised = 1; /* keep the exception; wait for the work to stop */
            atomic_store(&a->cancel, 1);
        }
    }
    if (threaded) {
        Py_BEGIN_ALLOW_THREADS pthread_join(tid, NULL);
        Py_END_ALLOW_THREADS
    }
    pthread_cond_destroy(&a->cv);
    pthread_mutex_destroy(&a->mu);
    if (!raised && !threaded)
        raised = report(a, &shown) != 0;
    else if (!raised && a->callback && atomic_load(&a->total)) /* the last word: all done */
        raised = report(a, &shown) != 0;
    if (raised) {
        actent_free(a->json);
        a->json = NULL;
        return -1;
    }
    return 0;
}
