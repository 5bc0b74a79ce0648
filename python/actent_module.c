/* actent_module.c - `import actent`: a thin CPython layer over include/actent.h.
 * Arrays come in through the buffer protocol (arrays.c), never numpy's C
 * API; the kernels run with the GIL released, so threads analyse in
 * parallel; the library's messages become ValueError, a wrong kind of
 * object TypeError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "actent.h"
#include "args.h"
#include "arrays.h"

static PyObject *fail(const char *fn, const char *err)
{
    PyErr_Format(PyExc_ValueError, "%s: %s", fn, err);
    return NULL;
}

static PyObject *py_activations(PyObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    PyObject *out = PyList_New(actent_activation_count());
    for (int i = 0; out && i < actent_activation_count(); i++)
        PyList_SET_ITEM(out, i, PyUnicode_FromString(actent_activation_name(i)));
    return out;
}

static PyObject *py_tables(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"all", NULL};
    int all = 0;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|p:tables", names, &all))
        return NULL;
    PyObject *out = PyList_New(0);
    for (int i = 0; out && i < actent_table_count(); i++) {
        const actent_table *t = actent_table_at(i);
        if (!all && !actent_table_runs_here(t))
            continue;
        PyObject *s = PyUnicode_FromString(actent_table_name(t));
        if (!s || PyList_Append(out, s) != 0)
            Py_CLEAR(out);
        Py_XDECREF(s);
    }
    return out;
}

static PyObject *py_max_ulp(PyObject *self, PyObject *args)
{
    PyObject *name, *table = Py_None;
    const actent_table *t;
    int act;
    (void)self;
    if (!PyArg_ParseTuple(args, "O|O:max_ulp", &name, &table) || arg_activation(name, &act) ||
        arg_table(table, &t))
        return NULL;
    return PyLong_FromLong(actent_table_max_ulp(t, act));
}

static PyObject *py_activate(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"x", "name", "table", NULL};
    PyObject *xo, *name, *table = Py_None;
    const actent_table *t;
    int act;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:activate", names, &xo, &name, &table) ||
        arg_activation(name, &act) || arg_table(table, &t))
        return NULL;
    struct f32 x;
    if (f32_get(xo, "x", &x) != 0)
        return NULL;
    float *y;
    PyObject *out = new_array(&x.v, 0, "float32", (void **)&y);
    int rc = 0;
    if (out) {
        Py_BEGIN_ALLOW_THREADS rc = actent_activate(t, act, x.x, y, x.v.n);
        Py_END_ALLOW_THREADS
    }
    f32_release(&x);
    if (out && rc != 0) {
        Py_DECREF(out);
        return fail("activate", "the table cannot run this activation on this CPU");
    }
    return out;
}

static PyObject *histogram_edges(struct f32 *x, PyObject *bins)
{
    double *edges;
    size_t ne;
    if (arg_edges(bins, &edges, &ne) != 0)
        return NULL;
    if (ne < 2) {
        PyMem_Free(edges);
        PyErr_Format(PyExc_ValueError, "histogram: bins has %zu edges: at least 2 are needed", ne);
        return NULL;
    }
    uint64_t *counts;
    PyObject *out = new_array(NULL, ne - 1, "int64", (void **)&counts);
    char err[ERRLEN];
    int rc = 0;
    if (out) {
        Py_BEGIN_ALLOW_THREADS rc =
            actent_histogram_edges(x->x, x->v.n, edges, ne - 1, counts, err, sizeof err);
        Py_END_ALLOW_THREADS
    }
    PyMem_Free(edges);
    if (out && rc != 0) {
        Py_DECREF(out);
        return fail("histogram", err);
    }
    return out;
}

static PyObject *py_histogram(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"a", "bins", "table", NULL};
    PyObject *xo, *bins, *table = Py_None, *out = NULL;
    const actent_table *t;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:histogram", names, &xo, &bins, &table) ||
        arg_table(table, &t))
        return NULL;
    struct f32 x;
    if (f32_get(xo, "a", &x) != 0)
        return NULL;
    /* an integer (a Python int or numpy integer scalar): numpy's uniform mode */
    PyObject *idx = PyIndex_Check(bins) && !PyObject_CheckBuffer(bins) ? bins : NULL;
    if (!idx && PyObject_CheckBuffer(bins)) {
        Py_buffer b;
        if (PyObject_GetBuffer(bins, &b, PyBUF_RECORDS_RO) == 0) {
            idx = b.ndim == 0 && PyIndex_Check(bins) ? bins : NULL;
            PyBuffer_Release(&b);
        }
        PyErr_Clear();
    }
    if (!idx) {
        out = histogram_edges(&x, bins);
    } else {
        size_t nb;
        uint64_t *counts;
        char err[ERRLEN];
        int rc = 0;
        if (arg_bins(bins, "bins", &nb) == 0 &&
            (out = new_array(NULL, nb, "int64", (void **)&counts))) {
            Py_BEGIN_ALLOW_THREADS rc =
                actent_input_entropy(t, x.x, x.v.n, nb, counts, NULL, err, sizeof err);
            Py_END_ALLOW_THREADS
        }
        if (out && rc != 0) {
            Py_CLEAR(out);
            fail("histogram", err);
        }
    }
    f32_release(&x);
    return out;
}

static PyObject *py_entropy(PyObject *self, PyObject *counts)
{
    uint64_t *c;
    size_t n;
    (void)self;
    if (arg_counts(counts, &c, &n) != 0)
        return NULL;
    double bits = actent_entropy_bits(c, n);
    PyMem_Free(c);
    return PyFloat_FromDouble(bits);
}

static PyObject *py_activation_entropy(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"x", "name", "bins", "table", NULL};
    PyObject *xo, *name, *bins = NULL, *table = Py_None, *out = NULL;
    const actent_table *t;
    size_t nb = 49;
    int act;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OO:activation_entropy", names, &xo, &name, &bins,
                                     &table) ||
        arg_activation(name, &act) || arg_table(table, &t) ||
        (bins && arg_bins(bins, "bins", &nb) != 0))
        return NULL;
    struct f32 x;
    if (f32_get(xo, "x", &x) != 0)
        return NULL;
    uint64_t *counts;
    double bits = 0;
    char err[ERRLEN];
    int rc = 0;
    if ((out = new_array(NULL, nb, "int64", (void **)&counts))) {
        Py_BEGIN_ALLOW_THREADS rc =
            actent_activation_entropy(t, act, x.x, x.v.n, nb, counts, &bits, err, sizeof err);
        Py_END_ALLOW_THREADS
    }
    f32_release(&x);
    if (!out)
        return NULL;
    if (rc != 0) {
        Py_DECREF(out);
        return fail("activation_entropy", err);
    }
    return Py_BuildValue("(dN)", bits, out);
}

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

static PyObject *py_analyse(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"x",          "activations", "bins",  "mode",
                            "iterations", "seed",        "table", NULL};
    PyObject *xo, *acts = Py_None, *bins = NULL, *table = Py_None;
    const char *mode = "notebook";
    Py_ssize_t iters = 0;
    unsigned long long seed = 0;
    const actent_table *t;
    struct actent_options o = {.bins = 50};
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOznKO:analyse", names, &xo, &acts, &bins, &mode,
                                     &iters, &seed, &table) ||
        arg_table(table, &t) || (bins && arg_bins(bins, "bins", &o.bins) != 0))
        return NULL;
    if (iters < 0 || seed > UINT32_MAX)
        return PyErr_Format(PyExc_ValueError, "analyse: %s",
                            iters < 0 ? "iterations cannot be negative"
                                      : "seed must be in 0 .. 2**32 - 1 (numpy's seed)");
    PyObject *list = act_list(acts);
    if (!list)
        return NULL;
    o.mode = mode;
    o.iterations = (size_t)iters;
    o.seed = (uint32_t)seed;
    o.activations = list == Py_None ? NULL : PyUnicode_AsUTF8(list);
    struct f32 x;
    char *json = NULL, err[ERRLEN];
    int rc = -1;
    if ((list == Py_None || o.activations) && f32_get(xo, "x", &x) == 0) {
        Py_BEGIN_ALLOW_THREADS rc = actent_analyse_json(t, x.x, x.v.n, &o, &json, err, sizeof err);
        Py_END_ALLOW_THREADS f32_release(&x);
        if (rc != 0)
            fail("analyse", err);
    }
    Py_DECREF(list);
    if (rc != 0)
        return NULL;
    PyObject *mod = PyImport_ImportModule("json");
    PyObject *out = mod ? PyObject_CallMethod(mod, "loads", "s", json) : NULL;
    Py_XDECREF(mod);
    actent_free(json);
    return out;
}

#define KW METH_VARARGS | METH_KEYWORDS
static PyMethodDef methods[] = {
    {"activations", py_activations, METH_NOARGS,
     "activations() -> the activation names, in the notebook's order"},
    {"tables", (PyCFunction)(void (*)(void))py_tables, KW,
     "tables(all=False) -> kernel table names this CPU runs (all: every one built in), best "
     "first"},
    {"max_ulp", py_max_ulp, METH_VARARGS,
     "max_ulp(name, table=None) -> the ULP bound the table declares for an activation"},
    {"activate", (PyCFunction)(void (*)(void))py_activate, KW,
     "activate(x, name, table=None) -> float32 array of x's shape"},
    {"histogram", (PyCFunction)(void (*)(void))py_histogram, KW,
     "histogram(a, bins, table=None) -> np.histogram(a, bins)[0] (int bins or 1-D edges)"},
    {"entropy", py_entropy, METH_O, "entropy(counts) -> scipy.stats.entropy(counts, base=2)"},
    {"activation_entropy", (PyCFunction)(void (*)(void))py_activation_entropy, KW,
     "activation_entropy(x, name, bins=49, table=None) -> (bits, counts), fused"},
    {"analyse", (PyCFunction)(void (*)(void))py_analyse, KW,
     "analyse(x, activations=None, bins=50, mode='notebook', iterations=0, seed=0, table=None) "
     "-> dict, one result of `actent experiment --json`"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "actent",
    "How much entropy an activation function removes: the actent library from Python.",
    -1,
    methods,
    NULL,
    NULL,
    NULL,
    NULL};

PyMODINIT_FUNC PyInit_actent(void);

PyMODINIT_FUNC PyInit_actent(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "version", actent_version()) != 0)
        Py_CLEAR(m);
    return m;
}
