/* analyse_call.c - actent.analyse: its arguments (the CLI's analysis options),
 * the analysis on a thread of its own (analysis.c), the JSON element back as
 * a dict describing the caller's array. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "actent.h"
#include "analysis.h"
#include "args.h"
#include "arrays.h"

/* activations=None | "relu,tanh" | ["relu", "tanh"] -> "relu,tanh" (a new reference) */
static PyObject *act_list(PyObject *a)
{
    if (a == Py_None || PyUnicode_Check(a))
        return Py_NewRef(a);
    PyObject *sep = PyUnicode_FromString(",");
    PyObject *s = sep ? PyUnicode_Join(sep, a) : NULL;
    Py_XDECREF(sep);
    return s;
}

/* the library's "input" names a flat float32 array; the caller's has its own
 * shape and element type */
static int describe_input(PyObject *result, const struct view *v)
{
    PyObject *in = PyDict_Check(result) ? PyDict_GetItemString(result, "input") : NULL;
    if (!in || !PyDict_Check(in))
        return 0;
    char dtype[16];
    view_dtype(v, dtype, sizeof dtype);
    PyObject *shape = PyList_New(v->ndim);
    for (int d = 0; shape && d < v->ndim; d++) {
        PyObject *s = PyLong_FromSsize_t(v->shape[d]);
        if (!s)
            Py_CLEAR(shape);
        else
            PyList_SET_ITEM(shape, d, s);
    }
    PyObject *dt = PyUnicode_FromString(dtype);
    int rc = shape && dt && PyDict_SetItemString(in, "shape", shape) == 0 &&
                     PyDict_SetItemString(in, "dtype", dt) == 0
                 ? 0
                 : -1;
    Py_XDECREF(shape);
    Py_XDECREF(dt);
    return rc;
}

/* the CLI's limit on one swept option's values (ACTENT_GRID_MAX) */
#define MAX_SWEEP 1000

/* one analysis (a's options as they stand) as a dict describing the array */
static PyObject *analysis_once(struct analysis *a, const struct view *v)
{
    if (analysis_run(a) != 0)
        return NULL;
    if (a->rc != 0)
        return arg_fail("analyse", a->err);
    PyObject *mod = PyImport_ImportModule("json");
    PyObject *out = mod ? PyObject_CallMethod(mod, "loads", "s", a->json) : NULL;
    Py_XDECREF(mod);
    actent_free(a->json);
    a->json = NULL;
    if (out && describe_input(out, v) != 0)
        Py_CLEAR(out);
    return out;
}

PyObject *py_analyse(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"x",       "activations",   "bins",      "mode",    "iterations",
                            "seed",    "table",         "estimator", "binning", "noise_var",
                            "threads", "kde_max_pairs", "progress",  NULL};
    PyObject *xo, *acts = Py_None, *bins = NULL, *table = Py_None, *modeo = NULL;
    PyObject *iterso = NULL, *seedo = NULL, *esto = NULL, *binningo = NULL, *noiseo = NULL;
    PyObject *threadso = NULL, *maxo = NULL, *progress = Py_None;
    const actent_table *t;
    struct analysis a = {.o = {.bins = 50, .mode = "notebook"}};
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOOOOOOOOOOO:analyse", names, &xo, &acts, &bins,
                                     &modeo, &iterso, &seedo, &table, &esto, &binningo, &noiseo,
                                     &threadso, &maxo, &progress) ||
        arg_table(table, &t))
        return NULL;
    /* bins: a count, or a list of counts for a sweep (a list of results) */
    int sweep = bins && (PyList_Check(bins) || PyTuple_Check(bins));
    Py_ssize_t nsweep = sweep ? PySequence_Size(bins) : 1;
    size_t sizes[MAX_SWEEP] = {50};
    if (sweep && (nsweep < 1 || nsweep > MAX_SWEEP))
        return PyErr_Format(PyExc_ValueError,
                            "bins lists %zd counts: a sweep takes 1 to %d, as the CLI's --bins",
                            nsweep, MAX_SWEEP);
    for (Py_ssize_t i = 0; bins && i < nsweep; i++) {
        PyObject *b = sweep ? PySequence_GetItem(bins, i) : Py_NewRef(bins);
        int bad = !b || arg_bins(b, "bins", &sizes[i]) != 0;
        Py_XDECREF(b);
        if (bad)
            return NULL;
    }
    if (modeo && modeo != Py_None && !(a.o.mode = arg_text(modeo, "mode")))
        return NULL;
    if (esto && esto != Py_None && !(a.o.estimator = arg_text(esto, "estimator")))
        return NULL;
    if (binningo && binningo != Py_None && !(a.o.binning = arg_text(binningo, "binning")))
        return NULL;
    if (arg_real(noiseo, "noise_var", &a.o.noise_var) != 0 ||
        arg_real(maxo, "kde_max_pairs", &a.o.kde_max_pairs) != 0)
        return NULL;
    if (progress != Py_None && !PyCallable_Check(progress))
        return PyErr_Format(PyExc_TypeError,
                            "progress must be a callable taking (done, total), not %.80s",
                            Py_TYPE(progress)->tp_name);
    a.callback = progress == Py_None ? NULL : progress;
    uint64_t threads = 1;
    if (threadso &&
        arg_range(threadso, "threads", 64, "at most 64 threads, as the CLI", &threads) != 0)
        return NULL;
    a.o.threads = (unsigned)threads;
    uint64_t iters = 0, seed = 0;
    if (iterso && arg_range(iterso, "iterations", ACTENT_MAX_ITERATIONS,
                            "at most 2**20 copy-neighbour rounds, as the CLI", &iters) != 0)
        return NULL;
    if (seedo && arg_range(seedo, "seed", UINT32_MAX,
                           "seed must be in 0 .. 2**32 - 1 (numpy's "
                           "seed)",
                           &seed) != 0)
        return NULL;
    PyObject *list = act_list(acts);
    if (!list)
        return NULL;
    a.o.iterations = (size_t)iters;
    a.o.seed = (uint32_t)seed;
    a.o.activations = list == Py_None ? NULL : arg_text(list, "activations");
    struct f32 x;
    PyObject *all = NULL;
    if ((list == Py_None || a.o.activations) && f32_get(xo, "x", &x) == 0) {
        a.t = t;
        a.x = x.x;
        a.n = x.v.n;
        all = PyList_New(0);
        for (Py_ssize_t i = 0; all && i < nsweep; i++) {
            a.o.bins = sizes[i];
            a.json = NULL;
            PyObject *one = analysis_once(&a, &x.v);
            if (!one || PyList_Append(all, one) != 0)
                Py_CLEAR(all);
            Py_XDECREF(one);
        }
        f32_release(&x);
    }
    Py_DECREF(list);
    if (all && !sweep) {
        PyObject *one = Py_NewRef(PyList_GET_ITEM(all, 0));
        Py_DECREF(all);
        return one;
    }
    return all;
}
