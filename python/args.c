/* args.c - see args.h. */
#include "args.h"

#include <string.h>

int arg_activation(PyObject *name, int *act)
{
    const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    if (!s) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "the activation must be a name (str), not %.100s",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    *act = actent_activation_find(s);
    if (*act >= 0)
        return 0;
    char known[ERRLEN] = "";
    for (int i = 0; i < actent_activation_count(); i++) {
        size_t len = strlen(known);
        snprintf(known + len, sizeof known - len, "%s%s", i ? ", " : "", actent_activation_name(i));
    }
    PyErr_Format(PyExc_ValueError, "unknown activation '%s' (valid: %s)", s, known);
    return -1;
}

int arg_table(PyObject *name, const actent_table **t)
{
    *t = NULL;
    if (!name || name == Py_None)
        return 0;
    const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    if (!s) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "table must be a name (str) or None, not %.100s",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    char err[ERRLEN];
    *t = actent_table_select(s, err, sizeof err);
    if (*t)
        return 0;
    PyErr_SetString(PyExc_ValueError, err);
    return -1;
}

int arg_bins(PyObject *o, const char *what, size_t *bins)
{
    PyObject *i = PyNumber_Index(o);
    if (!i)
        return -1;
    Py_ssize_t b = PyLong_AsSsize_t(i);
    Py_DECREF(i);
    if (b == -1 && PyErr_Occurred())
        return -1;
    if (b < 1) {
        PyErr_Format(PyExc_ValueError, "%s is %zd: at least one bin is needed", what, b);
        return -1;
    }
    *bins = (size_t)b;
    return 0;
}

/* a list or tuple, element by element (numbers only) */
static int from_sequence(PyObject *o, const char *what, double *d, uint64_t *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        PyObject *e = PySequence_Fast_GET_ITEM(o, (Py_ssize_t)i);
        if (d) {
            d[i] = PyFloat_AsDouble(e);
            if (d[i] == -1.0 && PyErr_Occurred())
                goto not_a_number;
            continue;
        }
        PyObject *k = PyNumber_Index(e);
        long long v = k ? PyLong_AsLongLong(k) : -1;
        Py_XDECREF(k);
        if (v == -1 && PyErr_Occurred())
            goto not_a_number;
        if (v < 0) {
            PyErr_Format(PyExc_ValueError, "%s[%zu] is %lld: counts cannot be negative", what, i,
                         v);
            return -1;
        }
        u[i] = (uint64_t)v;
        continue;
    not_a_number:
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s[%zu] is a %.100s, not %s", what, i,
                         Py_TYPE(e)->tp_name, d ? "a number" : "an integer");
        }
        return -1;
    }
    return 0;
}

/* 1-D numbers from an array or a list into doubles (d) or counts (u) */
static int numbers(PyObject *o, const char *what, double **d, uint64_t **u, size_t *n)
{
    void *mem = NULL;
    size_t size = d ? sizeof **d : sizeof **u;
    if (PyList_Check(o) || PyTuple_Check(o)) {
        *n = (size_t)PySequence_Fast_GET_SIZE(o);
        mem = PyMem_Malloc(*n ? *n * size : 1);
        if (!mem)
            return PyErr_NoMemory(), -1;
        if (from_sequence(o, what, d ? mem : NULL, d ? NULL : mem, *n) != 0)
            return PyMem_Free(mem), -1;
    } else {
        struct view v;
        if (view_get(o, what, &v) != 0)
            return -1;
        int bad = v.ndim != 1 || (u && v.type.kind == 'f');
        if (bad) {
            if (v.ndim != 1)
                PyErr_Format(PyExc_ValueError, "%s must be 1-D, not %d-D", what, v.ndim);
            else
                PyErr_Format(PyExc_TypeError,
                             "%s must be integers (np.histogram's counts), not '%s'; for "
                             "probabilities use scipy.stats.entropy",
                             what, v.type.fmt);
            return view_release(&v), -1;
        }
        *n = v.n;
        mem = PyMem_Malloc(*n ? *n * size : 1);
        size_t at = 0;
        if (!mem)
            PyErr_NoMemory();
        else if (d)
            view_to_double(&v, mem);
        else if (view_to_u64(&v, mem, &at) != 0)
            PyErr_Format(PyExc_ValueError, "%s[%zu] is negative: counts cannot be negative", what,
                         at);
        view_release(&v);
        if (PyErr_Occurred())
            return PyMem_Free(mem), -1;
    }
    if (d)
        *d = mem;
    else
        *u = mem;
    return 0;
}

int arg_edges(PyObject *o, double **out, size_t *n) { return numbers(o, "bins", out, NULL, n); }

int arg_counts(PyObject *o, uint64_t **out, size_t *n)
{
    return numbers(o, "counts", NULL, out, n);
}

static PyObject *numpy_empty(PyObject *shape, const char *dtype)
{
    static PyObject *empty; /* numpy.empty, imported once (under the GIL) */
    if (!empty) {
        PyObject *np = PyImport_ImportModule("numpy");
        if (!np)
            return NULL;
        empty = PyObject_GetAttrString(np, "empty");
        Py_DECREF(np);
        if (!empty)
            return NULL;
    }
    return PyObject_CallFunction(empty, "Os", shape, dtype);
}

PyObject *new_array(const struct view *like, size_t n1, const char *dtype, void **mem)
{
    int ndim = like ? like->ndim : 1;
    PyObject *shape = PyTuple_New(ndim);
    if (!shape)
        return NULL;
    for (int d = 0; d < ndim; d++)
        PyTuple_SET_ITEM(shape, d, PyLong_FromSsize_t(like ? like->shape[d] : (Py_ssize_t)n1));
    PyObject *arr = numpy_empty(shape, dtype);
    if (!arr && PyErr_ExceptionMatches(PyExc_ImportError)) {
        /* no numpy: a typed memoryview of the same shape */
        PyErr_Clear();
        size_t n = like ? like->n : n1;
        PyObject *bytes =
            PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)(n * 4 * (dtype[0] == 'i' ? 2 : 1)));
        PyObject *flat = bytes ? PyMemoryView_FromObject(bytes) : NULL;
        arr = flat ? PyObject_CallMethod(flat, "cast", "sO", dtype[0] == 'i' ? "q" : "f", shape)
                   : NULL;
        Py_XDECREF(flat);
        Py_XDECREF(bytes);
    }
    Py_DECREF(shape);
    if (!arr)
        return NULL;
    Py_buffer b;
    if (PyObject_GetBuffer(arr, &b, PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS) != 0) {
        Py_DECREF(arr);
        return NULL;
    }
    *mem = b.buf; /* stays valid: arr owns it and is never resized */
    PyBuffer_Release(&b);
    return arr;
}
