/* dlpack.c - arrays in through __dlpack__ (PyTorch tensors, numpy >= 1.22),
 * zero-copy: the producer's DLManagedTensor is read as a view and handed back
 * through its deleter at view_release. The structures below are DLPack's ABI
 * (dlpack.h, version 0.x, which torch 1.13 and numpy 1.24 export), written out
 * here field for field.
 *
 * A PyTorch tensor is first made exportable the way the user would: a tensor
 * that requires grad is read as detach() (no copy), a negative or conjugate
 * view as resolve_neg()/resolve_conj(); a tensor that is not dense, or not in
 * CPU memory, is refused with actent's own message naming its layout or
 * device. */
#include <stdint.h>
#include <string.h>

#include "arrays.h"

enum { DL_CPU = 1, DL_INT = 0, DL_UINT = 1, DL_FLOAT = 2, DL_BFLOAT = 4 };

struct dl_tensor {
    void *data;
    struct {
        int32_t type, id;
    } device;
    int32_t ndim;
    struct {
        uint8_t code, bits;
        uint16_t lanes;
    } dtype;
    int64_t *shape;
    int64_t *strides; /* in elements; NULL: C-contiguous */
    uint64_t byte_offset;
};

struct dl_managed {
    struct dl_tensor t;
    void *ctx;
    void (*deleter)(struct dl_managed *self);
};

static int refuse(PyObject *kind, const char *what, const char *fmt, PyObject *arg)
{
    PyObject *msg = PyUnicode_FromFormat(fmt, arg);
    if (msg) {
        PyErr_Format(kind, "%s: %U", what, msg);
        Py_DECREF(msg);
    }
    return -1;
}

/* str(getattr(obj, name)), or NULL (no error) when obj has no such attribute */
static PyObject *attr_str(PyObject *obj, const char *name)
{
    PyObject *a = PyObject_GetAttrString(obj, name);
    PyObject *s = a ? PyObject_Str(a) : NULL;
    Py_XDECREF(a);
    if (!s)
        PyErr_Clear();
    return s;
}

/* 1 when obj.<method>() is true; 0 when false or missing; -1 on error */
static int call_true(PyObject *obj, const char *method)
{
    if (!PyObject_HasAttrString(obj, method))
        return 0;
    PyObject *r = PyObject_CallMethod(obj, method, NULL);
    int t = r ? PyObject_IsTrue(r) : -1;
    Py_XDECREF(r);
    return t;
}

/* obj itself, or the view of it torch would export: a new reference, NULL
 * with an exception */
static PyObject *torch_exportable(PyObject *obj, const char *what)
{
    PyObject *s = attr_str(obj, "layout");
    if (s && PyUnicode_CompareWithASCIIString(s, "torch.strided") != 0) {
        refuse(PyExc_TypeError, what,
               "a %U tensor: actent reads dense (strided) tensors; convert it with .to_dense()", s);
        Py_DECREF(s);
        return NULL;
    }
    Py_XDECREF(s);
    s = attr_str(obj, "device");
    if (s && PyUnicode_CompareWithASCIIString(s, "cpu") != 0) {
        refuse(PyExc_TypeError, what,
               "a tensor on device '%U': actent reads memory on the CPU; move it with .cpu() "
               "(a meta tensor has no values at all)",
               s);
        Py_DECREF(s);
        return NULL;
    }
    Py_XDECREF(s);
    PyObject *t = Py_NewRef(obj), *next;
    PyObject *grad = PyObject_GetAttrString(t, "requires_grad");
    int needs = grad ? PyObject_IsTrue(grad) : (PyErr_Clear(), 0);
    Py_XDECREF(grad);
    static const char *const fixes[][2] = {{NULL, "detach"}, /* requires grad: no copy */
                                           {"is_neg", "resolve_neg"},
                                           {"is_conj", "resolve_conj"}};
    for (int i = 0; t && i < 3; i++) {
        int on = fixes[i][0] ? call_true(t, fixes[i][0]) : needs;
        if (on < 0 || (on && !(next = PyObject_CallMethod(t, fixes[i][1], NULL))))
            Py_CLEAR(t);
        else if (on)
            Py_SETREF(t, next);
    }
    return t;
}

static const char *dl_type(const struct dl_tensor *t, struct elem *e)
{
    static char name[24];
    const char *kind = t->dtype.code == DL_FLOAT    ? "float"
                       : t->dtype.code == DL_BFLOAT ? "bfloat"
                       : t->dtype.code == DL_INT    ? "int"
                       : t->dtype.code == DL_UINT   ? "uint"
                                                    : NULL;
    const char *other = t->dtype.code == 5 ? "complex" : t->dtype.code == 6 ? "bool" : "code";
    snprintf(name, sizeof name, "%s%u", kind ? kind : other, (unsigned)t->dtype.bits);
    snprintf(e->fmt, sizeof e->fmt, "%.7s", name);
    e->swap = 0; /* DLPack data is in the CPU's own byte order */
    e->size = t->dtype.bits / 8;
    if (!kind || t->dtype.lanes != 1 || t->dtype.bits % 8)
        return name;
    if (t->dtype.code == DL_FLOAT && (e->size == 2 || e->size == 4 || e->size == 8))
        e->kind = 'f';
    else if (t->dtype.code == DL_BFLOAT && e->size == 2)
        e->kind = 'b';
    else if ((t->dtype.code == DL_INT || t->dtype.code == DL_UINT) &&
             (e->size == 1 || e->size == 2 || e->size == 4 || e->size == 8))
        e->kind = t->dtype.code == DL_INT ? 'i' : 'u';
    else
        return name;
    return NULL;
}

static int from_managed(struct dl_managed *m, const char *what, struct view *v)
{
    v->dl = m;
    struct dl_tensor *t = &m->t;
    if (t->device.type != DL_CPU) {
        PyErr_Format(PyExc_TypeError,
                     "%s: its DLPack memory is on device type %d, not the CPU (1): move it to the "
                     "CPU first",
                     what, (int)t->device.type);
        return -1;
    }
    const char *bad = dl_type(t, &v->type);
    if (bad) {
        PyErr_Format(PyExc_TypeError,
                     "%s has elements of type %s (DLPack, %u lanes): actent takes float16, "
                     "bfloat16, float32 or float64 values",
                     what, bad, (unsigned)t->dtype.lanes);
        return -1;
    }
    if (t->ndim < 0 || t->ndim > 64) {
        PyErr_Format(PyExc_TypeError, "%s: %d dimensions: at most 64 are supported", what,
                     (int)t->ndim);
        return -1;
    }
    v->ndim = t->ndim;
    v->data = (const char *)t->data + t->byte_offset;
    Py_ssize_t s = v->type.size;
    for (int d = v->ndim - 1; d >= 0; d--) {
        if (t->shape[d] < 0 || t->shape[d] > PY_SSIZE_T_MAX) {
            PyErr_Format(PyExc_ValueError, "%s: its DLPack shape[%d] is %lld", what, d,
                         (long long)t->shape[d]);
            return -1;
        }
        v->shape[d] = (Py_ssize_t)t->shape[d];
        if (t->strides &&
            __builtin_mul_overflow(t->strides[d], (int64_t)v->type.size, &v->strides[d])) {
            PyErr_Format(PyExc_ValueError, "%s: its DLPack strides[%d] overflows", what, d);
            return -1;
        }
        if (!t->strides) {
            v->strides[d] = s;
            s *= v->shape[d];
        }
    }
    return 0;
}

int dlpack_get(PyObject *obj, const char *what, struct view *v)
{
    if (!PyObject_HasAttrString(obj, "__dlpack__"))
        return 1;
    int torch = PyObject_HasAttrString(obj, "requires_grad");
    PyObject *src = torch ? torch_exportable(obj, what) : Py_NewRef(obj);
    if (!src)
        return -1;
    PyObject *cap = PyObject_CallMethod(src, "__dlpack__", NULL);
    Py_DECREF(src);
    if (!cap) {
        /* numpy declines read-only and byte-swapped arrays: the buffer
         * protocol reads those; anything else is the producer's refusal */
        if (!torch &&
            (PyObject_CheckBuffer(obj) || PyObject_HasAttrString(obj, "__array_interface__"))) {
            PyErr_Clear();
            return 1;
        }
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        refuse(PyExc_TypeError, what, "its __dlpack__() failed: %S", value);
        Py_XDECREF(type), Py_XDECREF(value), Py_XDECREF(tb);
        return -1;
    }
    struct dl_managed *m =
        PyCapsule_IsValid(cap, "dltensor") ? PyCapsule_GetPointer(cap, "dltensor") : NULL;
    /* consumed: renamed, so the capsule's destructor leaves the deleter to us */
    if (!m || PyCapsule_SetName(cap, "used_dltensor") != 0) {
        Py_DECREF(cap);
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s: its __dlpack__() returned no DLPack capsule", what);
        return -1;
    }
    Py_DECREF(cap);
    return from_managed(m, what, v);
}

void dlpack_release(struct view *v)
{
    struct dl_managed *m = v->dl;
    v->dl = NULL;
    if (m && m->deleter)
        m->deleter(m);
}
