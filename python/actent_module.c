/* actent_module.c - `import actent`: a thin CPython layer over include/actent.h.
 * Arrays come in through the buffer protocol (arrays.c), never numpy's C
 * API; the kernels run with the GIL released, so threads analyse in
 * parallel; the library's messages become ValueError, a wrong kind of
 * object TypeError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#include "actent.h"
#include "analysis.h"
#include "args.h"
#include "arrays.h"
#include "docstrings.h"
#include "infoplane_call.h"

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
    /* any other layout or type is widened straight into the output, which is
     * then activated in place: no float32 copy besides the result */
    struct f32 x;
    if (f32_get_typed(xo, "x", &x) != 0)
        return NULL;
    float *y;
    PyObject *out = new_array(&x.v, 0, "float32", (void **)&y);
    int rc = 0;
    if (out) {
        const float *in = x.x;
        if (!in) {
            view_to_float_nogil(&x.v, y);
            in = y;
        }
        Py_BEGIN_ALLOW_THREADS rc = actent_activate(t, act, in, y, x.v.n);
        Py_END_ALLOW_THREADS
    }
    f32_release(&x);
    if (out && rc != 0) {
        Py_DECREF(out);
        return arg_fail("activate", "the table cannot run this activation on this CPU");
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
        return arg_fail("histogram", err);
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
    if (f32_get_typed(xo, "a", &x) != 0)
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
        if (f32_need(&x) == 0)
            out = histogram_edges(&x, bins);
    } else {
        size_t nb;
        uint64_t *counts;
        char err[ERRLEN];
        int rc = 0;
        if (arg_bins(bins, "bins", &nb) == 0 &&
            (out = new_array(NULL, nb, "int64", (void **)&counts))) {
            Py_BEGIN_ALLOW_THREADS rc = actent_input_entropy_typed(t, x.raw, x.dtype, x.v.n, nb,
                                                                   counts, NULL, err, sizeof err);
            Py_END_ALLOW_THREADS
        }
        if (out && rc != 0) {
            Py_CLEAR(out);
            arg_fail("histogram", err);
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

/* activation_entropy(x, ..., axis=0 or 1): each column's (each row's) entropy
 * and counts, (bits[d], counts[d, bins]), by the library's per-column call on
 * x's own memory when it is float32 with whole-element strides */
static PyObject *per_axis(PyObject *xo, const actent_table *t, int act, size_t nb, PyObject *axo)
{
    long axis = PyLong_AsLong(axo);
    if (axis == -1 && PyErr_Occurred())
        return NULL;
    struct f32 x;
    if (f32_get_strided(xo, "x", &x) != 0)
        return NULL;
    PyObject *bits_out = NULL, *counts_out = NULL;
    if (x.v.ndim != 2 || axis < -2 || axis > 1) {
        PyErr_Format(PyExc_ValueError,
                     "axis=%ld needs a 2-D x (samples, neurons) and axis 0 (per column) or 1 "
                     "(per row); x has %d dimensions",
                     axis, x.v.ndim);
        goto done;
    }
    axis = axis < 0 ? axis + 2 : axis;
    /* strides in elements of the array the library reads: the view's own
     * (float32 in place, any order) or the C-ordered copy's */
    int in_place = x.x == (const float *)x.v.data;
    Py_ssize_t rs = in_place ? x.v.strides[0] / 4 : x.v.shape[1];
    Py_ssize_t cs = in_place ? x.v.strides[1] / 4 : 1;
    size_t rows = (size_t)x.v.shape[0], cols = (size_t)x.v.shape[1];
    if (axis == 1) { /* rows are the units: swap the roles */
        Py_ssize_t tmp = rs;
        rs = cs, cs = tmp;
        size_t n = rows;
        rows = cols, cols = n;
    }
    struct view vb = {.ndim = 1, .shape = {(Py_ssize_t)cols}, .n = cols};
    struct view vc = {.ndim = 2, .shape = {(Py_ssize_t)cols, (Py_ssize_t)nb}, .n = cols * nb};
    double *bits;
    uint64_t *counts;
    if (!(bits_out = new_array(&vb, 0, "float64", (void **)&bits)) ||
        !(counts_out = new_array(&vc, 0, "int64", (void **)&counts)))
        goto done;
    char err[ERRLEN];
    int rc;
    Py_BEGIN_ALLOW_THREADS rc = actent_activation_histogram_columns(
        t, act, x.x, rows, cols, rs, cs, nb, counts, bits, err, sizeof err);
    Py_END_ALLOW_THREADS if (rc != 0)
    {
        Py_CLEAR(bits_out);
        arg_fail("activation_entropy", err);
    }
done:
    f32_release(&x);
    if (!bits_out || !counts_out) {
        Py_XDECREF(bits_out);
        Py_XDECREF(counts_out);
        return NULL;
    }
    return Py_BuildValue("(NN)", bits_out, counts_out);
}

static PyObject *py_activation_entropy(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"x", "name", "bins", "table", "axis", NULL};
    PyObject *xo, *name, *bins = NULL, *table = Py_None, *out = NULL, *axo = Py_None;
    const actent_table *t;
    size_t nb = 49;
    int act;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOO:activation_entropy", names, &xo, &name,
                                     &bins, &table, &axo) ||
        arg_activation(name, &act) || arg_table(table, &t) ||
        (bins && arg_bins(bins, "bins", &nb) != 0))
        return NULL;
    if (axo != Py_None)
        return per_axis(xo, t, act, nb, axo);
    struct f32 x;
    if (f32_get_typed(xo, "x", &x) != 0)
        return NULL;
    uint64_t *counts;
    double bits = 0;
    char err[ERRLEN];
    int rc = 0;
    if ((out = new_array(NULL, nb, "int64", (void **)&counts))) {
        Py_BEGIN_ALLOW_THREADS rc = actent_activation_histogram_typed(
            t, act, x.raw, x.dtype, x.v.n, nb, counts, &bits, NULL, NULL, 1, err, sizeof err);
        Py_END_ALLOW_THREADS
    }
    f32_release(&x);
    if (!out)
        return NULL;
    if (rc != 0) {
        Py_DECREF(out);
        return arg_fail("activation_entropy", err);
    }
    return Py_BuildValue("(dN)", bits, out);
}

/* Every TypeError or ValueError a function raises starts with its name
 * ("activate: x has elements of type '<i8': ..."), whichever layer raised it;
 * argument parsing's own ("activate() missing ...") already does. */
static PyObject *named(const char *fn, PyObject *result)
{
    if (result || !PyErr_Occurred())
        return result;
    PyObject *kind = PyErr_ExceptionMatches(PyExc_TypeError)    ? PyExc_TypeError
                     : PyErr_ExceptionMatches(PyExc_ValueError) ? PyExc_ValueError
                                                                : NULL;
    if (!kind)
        return NULL; /* MemoryError, KeyboardInterrupt, ...: as raised */
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *msg = value ? PyObject_Str(value) : NULL;
    const char *m = msg ? PyUnicode_AsUTF8(msg) : NULL;
    size_t len = strlen(fn);
    if (m && !(strncmp(m, fn, len) == 0 && (m[len] == ':' || m[len] == '('))) {
        PyErr_Format(kind, "%s: %s", fn, m);
        Py_XDECREF(type), Py_XDECREF(value), Py_XDECREF(tb);
    } else {
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
    }
    Py_XDECREF(msg);
    return NULL;
}

#define NAMED(fn, ...) static PyObject *named_##fn(__VA_ARGS__)
#define NAMED_KW(fn)                                                                               \
    NAMED(fn, PyObject *s, PyObject *a, PyObject *k) { return named(#fn, py_##fn(s, a, k)); }
#define NAMED_POS(fn)                                                                              \
    NAMED(fn, PyObject *s, PyObject *a) { return named(#fn, py_##fn(s, a)); }
NAMED_POS(activations)
NAMED_KW(tables)
NAMED_POS(max_ulp)
NAMED_KW(activate)
NAMED_KW(histogram)
NAMED_POS(entropy)
NAMED_KW(activation_entropy)
NAMED_KW(analyse)
NAMED_KW(info_plane)

#define KW METH_VARARGS | METH_KEYWORDS
#define F(fn) (PyCFunction)(void (*)(void)) named_##fn
static PyMethodDef methods[] = {
    {"activations", F(activations), METH_NOARGS, doc_activations},
    {"tables", F(tables), KW, doc_tables},
    {"max_ulp", F(max_ulp), METH_VARARGS, doc_max_ulp},
    {"activate", F(activate), KW, doc_activate},
    {"histogram", F(histogram), KW, doc_histogram},
    {"entropy", F(entropy), METH_O, doc_entropy},
    {"activation_entropy", F(activation_entropy), KW, doc_activation_entropy},
    {"analyse", F(analyse), KW, doc_analyse},
    {"info_plane", F(info_plane), KW, doc_info_plane},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "actent._actent", doc_module, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__actent(void);

PyMODINIT_FUNC PyInit__actent(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "version", actent_version()) != 0)
        Py_CLEAR(m);
    return m;
}
