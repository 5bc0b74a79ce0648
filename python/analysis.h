/* analysis.h - actent.analyse's work on a thread of its own, so that Ctrl-C
 * reaches Python while the library runs. */
#ifndef ACTENT_PY_ANALYSIS_H
#define ACTENT_PY_ANALYSIS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <stdatomic.h>

#include "actent.h"
#include "args.h"

/* An analysis on a thread of its own while the caller's thread waits with
 * the GIL released, waking every 50 ms to let Python handle signals: Ctrl-C
 * (KeyboardInterrupt) cancels the work through the library's progress
 * callback and is raised once the work has stopped. A Python callback, when
 * given, is called on the caller's thread with the work done and the total
 * (in the work's own unit: KDE's pairs, the rounds' values) as they move; an
 * exception it raises cancels the work and is raised the same way. */
struct analysis {
    const actent_table *t;
    const float *x;
    size_t n;
    struct actent_options o;
    char *json;
    char err[ERRLEN];
    int rc;
    atomic_int cancel, finished;
    _Atomic uint64_t done, total; /* the library's latest progress report */
    PyObject *callback;           /* progress(done, total), or NULL (borrowed) */
    pthread_mutex_t mu;
    pthread_cond_t cv;
};

/* Runs actent_analyse_json(a->t, a->x, a->n, &a->o, ...) into a->json,
 * a->rc and a->err. 0, or -1 with an exception: KeyboardInterrupt (or
 * whatever a signal handler raised), the work then cancelled and a->json NULL. */
int analysis_run(struct analysis *a);

/* actent.analyse (analyse_call.c) */
PyObject *py_analyse(PyObject *self, PyObject *args, PyObject *kw);

#endif
