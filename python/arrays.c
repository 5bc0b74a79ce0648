/* arrays.c - see arrays.h: finding the memory (convert.c reads it). Every read
 * goes through shape and strides, in C order (numpy's ravel order), so a
 * message's "x[i]" is the flat index numpy would give. */
#include "arrays.h"

#include <stdlib.h>
#include <string.h>

#if PY_BIG_ENDIAN
#define HOST_BIG 1
#else
#define HOST_BIG 0
#endif

static int type_error(const char *what, const char *why, const char *detail)
{
    PyErr_Format(PyExc_TypeError, "%s: %s%s", what, why, detail ? detail : "");
    return -1;
}

/* a PEP 3118 format of one element: [@=<>!]code, nothing else */
static int parse_format(const char *fmt, Py_ssize_t itemsize, struct elem *t)
{
    const char *f = fmt ? fmt : "B";
    int big = HOST_BIG;
    snprintf(t->fmt, sizeof t->fmt, "%s", f);
    if (*f == '@' || *f == '=')
        f++;
    else if (*f == '<' || *f == '>' || *f == '!')
        big = *f++ != '<';
    if (!f[0] || f[1])
        return -1;
    t->swap = big != HOST_BIG;
    t->size = (int)itemsize;
    if (strchr("efd", f[0]))
        t->kind = 'f';
    else if (strchr("bhilqn", f[0]))
        t->kind = 'i';
    else if (strchr("BHILQN", f[0]))
        t->kind = 'u';
    else
        return -1;
    if (t->kind == 'f' && t->size != (f[0] == 'e' ? 2 : f[0] == 'f' ? 4 : 8))
        return -1;
    return t->size == 1 || t->size == 2 || t->size == 4 || t->size == 8 ? 0 : -1;
}

/* numpy's typestr: <f4, >i8, |u1, =f2 */
static int parse_typestr(const char *s, struct elem *t)
{
    snprintf(t->fmt, sizeof t->fmt, "%s", s);
    if (strlen(s) < 3 || !strchr("<>|=", s[0]) || !strchr("fiu", s[1]))
        return -1;
    t->kind = s[1];
    t->size = atoi(s + 2);
    t->swap = (s[0] == '>' || s[0] == '<') && (s[0] == '>') != HOST_BIG;
    if (t->kind == 'f')
        return t->size == 2 || t->size == 4 || t->size == 8 ? 0 : -1;
    return t->size == 1 || t->size == 2 || t->size == 4 || t->size == 8 ? 0 : -1;
}

static int from_buffer(PyObject *obj, const char *what, struct view *v)
{
    if (PyObject_GetBuffer(obj, &v->buf, PyBUF_RECORDS_RO) != 0)
        return -1;
    v->have_buf = 1;
    if (v->buf.suboffsets)
        return type_error(what, "indirect buffers (suboffsets) are not supported", NULL);
    if (parse_format(v->buf.format, v->buf.itemsize, &v->type) != 0)
        return type_error(what, "its elements have the unsupported format ", v->type.fmt);
    v->data = v->buf.buf;
    v->ndim = v->buf.ndim;
    if (v->ndim > 64)
        return type_error(what, "more than 64 dimensions are not supported", NULL);
    /* PEP 3118: shape NULL means one dimension of len / itemsize (or none,
     * when ndim is 0); strides NULL (what ctypes exports) means C-contiguous */
    if (!v->buf.shape && v->ndim != 0) {
        v->ndim = 1;
        v->shape[0] = v->buf.itemsize ? v->buf.len / v->buf.itemsize : 0;
    } else {
        for (int d = 0; d < v->ndim; d++)
            v->shape[d] = v->buf.shape[d];
    }
    if (v->buf.strides) {
        for (int d = 0; d < v->ndim; d++)
            v->strides[d] = v->buf.strides[d];
    } else {
        Py_ssize_t s = v->buf.itemsize;
        for (int d = v->ndim - 1; d >= 0; d--) {
            v->strides[d] = s;
            s *= v->shape[d];
        }
    }
    return 0;
}

static int ssize_tuple(PyObject *o, Py_ssize_t *out, int max)
{
    if (!PyTuple_Check(o) || PyTuple_GET_SIZE(o) > max)
        return -1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(o); i++) {
        out[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(o, i));
        if (out[i] == -1 && PyErr_Occurred())
            return -1;
    }
    return (int)PyTuple_GET_SIZE(o);
}

static int from_interface(PyObject *obj, PyObject *ai, const char *what, struct view *v)
{
    PyObject *ts = PyDict_Check(ai) ? PyDict_GetItemString(ai, "typestr") : NULL;
    PyObject *shape = ts ? PyDict_GetItemString(ai, "shape") : NULL;
    PyObject *data = ts ? PyDict_GetItemString(ai, "data") : NULL;
    PyObject *strides = ts ? PyDict_GetItemString(ai, "strides") : NULL;
    PyObject *mask = ts ? PyDict_GetItemString(ai, "mask") : NULL;
    if (!ts || !PyUnicode_Check(ts) || !shape || !data || !PyTuple_Check(data) ||
        PyTuple_GET_SIZE(data) != 2 || (mask && mask != Py_None))
        return type_error(what, "its __array_interface__ is not one actent reads ",
                          "(needs typestr, shape and data as (address, read-only))");
    const char *typestr = PyUnicode_AsUTF8(ts);
    if (!typestr) /* not encodable (a lone surrogate): not a numpy type string */
        return PyErr_Clear(),
               type_error(what, "its __array_interface__ typestr is not valid text", NULL);
    if (parse_typestr(typestr, &v->type) != 0)
        return type_error(what, "its elements have the unsupported type ", v->type.fmt);
    v->ndim = ssize_tuple(shape, v->shape, 64);
    void *p = PyLong_AsVoidPtr(PyTuple_GET_ITEM(data, 0));
    if (v->ndim < 0 || PyErr_Occurred())
        return PyErr_Clear(),
               type_error(what, "bad shape or data address in __array_interface__", NULL);
    if (strides && strides != Py_None) {
        if (ssize_tuple(strides, v->strides, 64) != v->ndim)
            return PyErr_Clear(), type_error(what, "bad strides in __array_interface__", NULL);
    } else {
        Py_ssize_t s = v->type.size;
        for (int d = v->ndim - 1; d >= 0; d--) {
            v->strides[d] = s;
            s *= v->shape[d];
        }
    }
    for (int d = 0; d < v->ndim; d++)
        if (v->shape[d] < 0)
            return type_error(what, "negative shape in __array_interface__", NULL);
    v->data = p;
    v->keep = Py_NewRef(obj);
    return 0;
}

static int get(PyObject *obj, const char *what, struct view *v, int depth)
{
    int dl = depth == 0 ? dlpack_get(obj, what, v) : 1;
    if (dl <= 0)
        return dl;
    if (PyObject_CheckBuffer(obj))
        return from_buffer(obj, what, v);
    PyObject *ai = PyObject_GetAttrString(obj, "__array_interface__");
    if (ai) {
        int rc = from_interface(obj, ai, what, v);
        Py_DECREF(ai);
        return rc;
    }
    PyErr_Clear();
    if (depth == 0 && PyObject_HasAttrString(obj, "__array__")) {
        /* a torch.Tensor on the CPU: its numpy view, no copy */
        PyObject *arr = PyObject_CallMethod(obj, "__array__", NULL);
        if (!arr)
            return -1;
        int rc = get(arr, what, v, 1);
        Py_DECREF(arr);
        return rc;
    }
    PyErr_Format(PyExc_TypeError,
                 "%s: expected an array (numpy array, memoryview, anything with the buffer "
                 "protocol or __array_interface__), got %.100s",
                 what, Py_TYPE(obj)->tp_name);
    return -1;
}

int view_get(PyObject *obj, const char *what, struct view *v)
{
    memset(v, 0, sizeof *v);
    if (get(obj, what, v, 0) != 0) {
        view_release(v);
        return -1;
    }
    /* the element count and the bytes it spans must fit in memory: a shape
     * whose product wraps would make every later size wrong */
    size_t n = 1, span = (size_t)v->type.size;
    int empty = 0, big = 0;
    for (int d = 0; d < v->ndim; d++) {
        size_t s = (size_t)v->shape[d];
        size_t step = (size_t)(v->strides[d] < 0 ? -v->strides[d] : v->strides[d]);
        empty |= s == 0;
        big |= s && (__builtin_mul_overflow(n, s, &n) || n > (size_t)PY_SSIZE_T_MAX);
        size_t reach;
        big |= s && (__builtin_mul_overflow(step, s - 1, &reach) ||
                     __builtin_add_overflow(span, reach, &span) || span > (size_t)PY_SSIZE_T_MAX);
    }
    if (big && !empty) {
        PyErr_Format(PyExc_ValueError,
                     "%s: its shape holds more elements than any array can (the element count "
                     "or the memory it spans overflows)",
                     what);
        view_release(v);
        return -1;
    }
    v->n = empty ? 0 : n;
    if (v->n && !v->data) {
        PyErr_Format(PyExc_ValueError, "%s: its data address is NULL (0): nothing to read", what);
        view_release(v);
        return -1;
    }
    return 0;
}

void view_release(struct view *v)
{
    if (v->have_buf)
        PyBuffer_Release(&v->buf);
    v->have_buf = 0;
    dlpack_release(v);
    Py_CLEAR(v->keep);
}

void view_dtype(const struct view *v, char *out, size_t len)
{
    if (v->type.kind == 'b') {
        snprintf(out, len, "bfloat16");
        return;
    }
    int big = HOST_BIG ^ v->type.swap;
    snprintf(out, len, "%c%c%d",
             v->type.size == 1 ? '|'
             : big             ? '>'
                               : '<',
             v->type.kind, v->type.size);
}

int view_is_f32(const struct view *v)
{
    if (v->type.kind != 'f' || v->type.size != 4 || v->type.swap)
        return 0;
    Py_ssize_t want = 4;
    for (int d = v->ndim - 1; d >= 0; d--) {
        if (v->shape[d] != 1 && v->strides[d] != want)
            return 0;
        want *= v->shape[d];
    }
    return 1;
}

static int f32_view(PyObject *obj, const char *what, struct f32 *a)
{
    a->owned = NULL;
    a->x = NULL;
    a->raw = NULL;
    a->dtype = ACTENT_FLOAT32;
    if (view_get(obj, what, &a->v) != 0)
        return -1;
    if (a->v.type.kind != 'f' && a->v.type.kind != 'b') {
        PyErr_Format(PyExc_TypeError,
                     "%s has elements of type '%s': actent takes float16, bfloat16, float32 or "
                     "float64 values",
                     what, a->v.type.fmt);
        view_release(&a->v);
        return -1;
    }
    return 0;
}

static int c_contiguous(const struct view *v)
{
    Py_ssize_t want = v->type.size;
    for (int d = v->ndim - 1; d >= 0; d--) {
        if (v->shape[d] != 1 && v->strides[d] != want)
            return 0;
        want *= v->shape[d];
    }
    return 1;
}

int f32_need(struct f32 *a)
{
    if (a->x)
        return 0;
    a->owned = PyMem_RawMalloc(a->v.n ? a->v.n * sizeof(float) : 1);
    if (!a->owned) {
        PyErr_NoMemory();
        return -1;
    }
    view_to_float_nogil(&a->v, a->owned);
    a->x = a->owned;
    a->raw = a->x;
    a->dtype = ACTENT_FLOAT32;
    return 0;
}

/* the float32 values of a's view: in place, or converted */
static int f32_finish(struct f32 *a)
{
    if (view_is_f32(&a->v)) {
        a->x = (const float *)a->v.data; /* used in place */
        a->raw = a->x;
        return 0;
    }
    if (f32_need(a) != 0) {
        view_release(&a->v);
        return -1;
    }
    return 0;
}

int f32_get(PyObject *obj, const char *what, struct f32 *a)
{
    return f32_view(obj, what, a) != 0 ? -1 : f32_finish(a);
}

int f32_get_strided(PyObject *obj, const char *what, struct f32 *a)
{
    if (f32_view(obj, what, a) != 0)
        return -1;
    const struct elem *t = &a->v.type;
    int whole = t->kind == 'f' && t->size == 4 && !t->swap;
    for (int d = 0; d < a->v.ndim; d++)
        whole &= a->v.strides[d] % 4 == 0;
    if (!whole)
        return f32_finish(a);
    a->x = (const float *)a->v.data; /* read through the view's strides */
    a->raw = a->x;
    return 0;
}

int f32_get_typed(PyObject *obj, const char *what, struct f32 *a)
{
    if (f32_view(obj, what, a) != 0)
        return -1;
    const struct elem *t = &a->v.type;
    if (t->swap || t->size == 4 || !c_contiguous(&a->v))
        return f32_finish(a);
    a->raw = a->v.data;
    a->dtype = t->kind == 'b' ? ACTENT_BFLOAT16 : t->size == 2 ? ACTENT_FLOAT16 : ACTENT_FLOAT64;
    return 0;
}

void view_to_float_nogil(const struct view *v, float *y)
{
    Py_BEGIN_ALLOW_THREADS view_to_float(v, y);
    Py_END_ALLOW_THREADS
}

void f32_release(struct f32 *a)
{
    PyMem_RawFree(a->owned);
    a->owned = NULL;
    view_release(&a->v);
}
