/* arrays.h - Python objects in, C arrays out, without numpy's C API:
 * __dlpack__ (dlpack.c), the buffer protocol (PEP 3118), then
 * __array_interface__, then __array__(), each read through its shape and
 * strides. */
#ifndef ACTENT_PY_ARRAYS_H
#define ACTENT_PY_ARRAYS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <stdint.h>

#include "actent.h"

/* one element's type: kind 'f' (IEEE float), 'b' (bfloat16), 'i' (signed),
 * 'u' (unsigned) */
struct elem {
    char kind;
    int size;    /* bytes: 2, 4, 8 (floats); 1, 2, 4, 8 (integers) */
    int swap;    /* 1 when the bytes are in the other order than this CPU's */
    char fmt[8]; /* as the object names it, for messages ("<f4", "d", ...) */
};

/* a view of some object's memory, held until view_release */
struct view {
    Py_buffer buf; /* filled when have_buf */
    int have_buf;
    PyObject *keep; /* the object that owns the memory (a reference) */
    void *dl;       /* a consumed DLPack tensor, handed back at release */
    const char *data;
    struct elem type;
    int ndim;
    Py_ssize_t shape[64];
    Py_ssize_t strides[64];
    size_t n; /* elements: the product of shape */
};

/* Fills v from obj; what names the argument in messages. -1 with TypeError
 * when obj exposes no array or its layout is unusable. */
int view_get(PyObject *obj, const char *what, struct view *v);
void view_release(struct view *v);

/* dlpack.c: 0 with v filled from obj.__dlpack__(), 1 when obj exports no
 * DLPack tensor actent should read that way (v untouched), -1 with an
 * exception */
int dlpack_get(PyObject *obj, const char *what, struct view *v);
void dlpack_release(struct view *v);

/* the element type as numpy writes it, byte order first ("<f2", ">f8"), or
 * "bfloat16" */
void view_dtype(const struct view *v, char *out, size_t len);

/* 1 when v is C-contiguous float32 in this CPU's byte order */
int view_is_f32(const struct view *v);

/* float32 values of an array, in C order: in place when view_is_f32, else
 * converted once into owned memory. */
struct f32 {
    struct view v;
    const float *x; /* NULL after f32_get_typed left the elements as they are */
    float *owned;
    const void *raw;    /* the elements (x itself for float32) */
    actent_dtype dtype; /* how the library reads raw */
};

/* -1 with TypeError (not a float array) or MemoryError */
int f32_get(PyObject *obj, const char *what, struct f32 *a);

/* As f32_get, but a C-contiguous float16, bfloat16 or float64 array in the
 * CPU's byte order is left as it is (raw, dtype; x NULL) for the library's
 * _typed entry points, which widen it inside their passes. */
int f32_get_typed(PyObject *obj, const char *what, struct f32 *a);

/* As f32_get, but float32 in the CPU's byte order is used in place whatever
 * its strides (whole elements): x then points at element 0 and the view's
 * strides say where the others are; anything else is the C-ordered copy. */
int f32_get_strided(PyObject *obj, const char *what, struct f32 *a);

/* x filled (the elements converted now) when f32_get_typed left it NULL;
 * -1 with MemoryError */
int f32_need(struct f32 *a);

void f32_release(struct f32 *a);

/* v's elements as float32 into y (n of them), in C order, with the GIL
 * released: for activate, which widens into its output and works in place */
void view_to_float_nogil(const struct view *v, float *y);

/* Every element of v in C order, converted to double (any kind) or to
 * uint64 (integers only; -1 at the first negative, its flat index in *bad).
 * Neither touches Python objects: callable with the GIL released. */
void view_to_double(const struct view *v, double *out);
void view_to_float(const struct view *v, float *out);
int view_to_u64(const struct view *v, uint64_t *out, size_t *bad);

#endif
