/* args.c - see args.h. */
#include "args.h"

#include <string.h>

PyObject *arg_fail(const char *fn, const char *err)
{
    PyErr_Format(PyExc_ValueError, "%s: %s", fn, err);
    return NULL;
}

const char *arg_text(PyObject *o, const char *what)
{
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str, not %.100s", what, Py_TYPE(o)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(o, &len);
    if (!s) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError,
                     "%s is not valid text: it holds a lone surrogate (%R), which no name has",
                     what, o);
        return NULL;
    }
    if (strlen(s) != (size_t)len) {
        PyErr_Format(PyExc_ValueError, "%s %R contains a NUL character ('\\0')", what, o);
        return NULL;
    }
    return s;
}

int arg_activation(PyObject *name, int *act)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "the activation must be a name (str), not %.100s",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    const char *s = arg_text(name, "the activation name");
    if (!s)
        return -1;
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
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "table must be a name (str) or None, not %.100s",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    const char *s = arg_text(name, "table");
    if (!s)
        return -1;
    char err[ERRLEN];
    *t = actent_table_select(s, err, sizeof err);
    if (*t)
        return 0;
    PyErr_SetString(PyExc_ValueError, err);
    return -1;
}

/* -1, 0 or 1 as the int i is negative, zero or positive; -2 with an exception */
static int long_sign(PyObject *i)
{
    PyObject *zero = PyLong_FromLong(0);
    int gt = zero ? PyObject_RichCompareBool(i, zero, Py_GT) : -1;
    int lt = gt == 0 ? PyObject_RichCompareBool(i, zero, Py_LT) : 0;
    Py_XDECREF(zero);
    if (gt < 0 || lt < 0)
        return -2;
    return gt ? 1 : lt ? -1 : 0;
}

int arg_bins(PyObject *o, const char *what, size_t *bins)
{
    PyObject *i = PyNumber_Index(o);
    if (!i)
        return -1;
    int sign = long_sign(i);
    Py_ssize_t b = sign == 1 ? PyLong_AsSsize_t(i) : -1;
    if (b == -1 && PyErr_Occurred()) {
        /* past what a size holds: the library's bound in the library's words */
        PyErr_Clear();
        b = PY_SSIZE_T_MAX;
    }
    if (sign == 1 && (size_t)b > ACTENT_MAX_BINS) {
        PyErr_Format(PyExc_ValueError, "%s is %S: at most %zu bins (2**24) are supported", what, i,
                     (size_t)ACTENT_MAX_BINS);
        Py_DECREF(i);
        return -1;
    }
    if (sign != 1) {
        if (sign != -2)
            PyErr_Format(PyExc_ValueError, "%s is %S: at least one bin is needed", what, i);
        Py_DECREF(i);
        return -1;
    }
    Py_DECREF(i);
    *bins = (size_t)b;
    return 0;
}

int arg_range(PyObject *o, const char *what, uint64_t max, const char *rule, uint64_t *out)
{
    PyObject *i = PyNumber_Index(o);
    if (!i)
        return -1;
    int sign = long_sign(i);
    unsigned long long v = sign >= 0 ? PyLong_AsUnsignedLongLong(i) : 0;
    if (sign == -2 || (v == (unsigned long long)-1 && PyErr_Occurred() &&
                       !PyErr_ExceptionMatches(PyExc_OverflowError))) {
        Py_DECREF(i);
        return -1;
    }
    PyErr_Clear();
    int bad = sign < 0 || v > max || (v == (unsigned long long)-1 && max != UINT64_MAX);
    if (bad)
        PyErr_Format(PyExc_ValueError, "%s is %S: %s", what, i,
                     sign < 0 ? "it cannot be negative" : rule);
    Py_DECREF(i);
    if (bad)
        return -1;
    *out = v;
    return 0;
}

/* a list or tuple, element by element (numbers only) */
static int from_sequence(PyObject *o, const char *what, double *d, uint64_t *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        PyObject *e = PyTuple_GET_ITEM(o, (Py_ssize_t)i);
        if (d) {
            d[i] = PyFloat_AsDouble(e);
            if (d[i] == -1.0 && PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_ValueError, "%s[%zu] is too large for a float (double)", what,
                             i);
                return -1;
            }
            if (d[i] == -1.0 && PyErr_Occurred())
                goto not_a_number;
            continue;
        }
        PyObject *k = PyNumber_Index(e);
        if (!k)
            goto not_a_number;
        int sign = long_sign(k);
        unsigned long long v = sign >= 0 ? PyLong_AsUnsignedLongLong(k) : 0;
        if (sign == -1)
            PyErr_Format(PyExc_ValueError, "%s[%zu] is %S: counts cannot be negative", what, i, k);
        else if (v == (unsigned long long)-1 && PyErr_Occurred() &&
                 PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError, "%s[%zu] is %S: counts must be below 2**64", what, i, k);
        }
        Py_DECREF(k);
        if (PyErr_Occurred())
            return -1;
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
        /* a tuple copy holds a strong reference to every element: an element's
         * __index__ or __float__ may change or empty the list while it is read */
        PyObject *items = PySequence_Tuple(o);
        if (!items)
            return -1;
        *n = (size_t)PyTuple_GET_SIZE(items);
        mem = PyMem_Malloc(*n ? *n * size : 1);
        int rc = mem ? from_sequence(items, what, d ? mem : NULL, d ? NULL : mem, *n) : -1;
        Py_DECREF(items);
        if (!mem)
            return PyErr_NoMemory(), -1;
        if (rc != 0)
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
        int wide = strcmp(dtype, "float32") != 0; /* int64, float64 */
        const char *fmt = dtype[0] == 'i' ? "q" : wide ? "d" : "f";
        PyObject *bytes = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)(n * (wide ? 8 : 4)));
        PyObject *flat = bytes ? PyMemoryView_FromObject(bytes) : NULL;
        arr = flat ? PyObject_CallMethod(flat, "cast", "sO", fmt, shape) : NULL;
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

/* arg_real: args.h */
int arg_real(PyObject *o, const char *what, double *out)
{
    if (!o || o == Py_None)
        return 0;
    if (!PyNumber_Check(o) || PyUnicode_Check(o) || PyComplex_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a number, not %.80s", what, Py_TYPE(o)->tp_name);
        return -1;
    }
    *out = PyFloat_AsDouble(o);
    return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
}
