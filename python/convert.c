/* convert.c - every element of a view, in C order, read through its shape and
 * strides, swapped to this CPU's byte order and converted (see arrays.h). Only
 * the buffer's memory is touched: callable with the GIL released. */
#include "arrays.h"

#include <math.h>
#include <string.h>

/* the element at p as its raw bits, in this CPU's byte order */
static uint64_t bits(const char *p, const struct elem *t)
{
    unsigned char b[8];
    memcpy(b, p, (size_t)t->size);
    if (t->swap)
        for (int i = 0; i < t->size / 2; i++) {
            unsigned char c = b[i];
            b[i] = b[t->size - 1 - i];
            b[t->size - 1 - i] = c;
        }
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    switch (t->size) {
    case 1:
        memcpy(&u8, b, 1);
        return u8;
    case 2:
        memcpy(&u16, b, 2);
        return u16;
    case 4:
        memcpy(&u32, b, 4);
        return u32;
    default:
        memcpy(&u64, b, 8);
        return u64;
    }
}

/* IEEE half to double: exact */
static double half(uint64_t h)
{
    int e = (int)(h >> 10) & 0x1f;
    double m = (double)(h & 0x3ff);
    double s = h & 0x8000 ? -1.0 : 1.0;
    if (e == 0)
        return s * ldexp(m, -24);
    if (e == 31)
        return m != 0 ? copysign(NAN, s) : s * INFINITY;
    return s * ldexp(m + 1024.0, e - 25);
}

static int64_t sext(uint64_t u, int size)
{
    int sh = 64 - 8 * size;
    return sh ? (int64_t)(u << sh) >> sh : (int64_t)u;
}

static double as_double(const char *p, const struct elem *t)
{
    uint64_t u = bits(p, t);
    if (t->kind == 'i')
        return (double)sext(u, t->size);
    if (t->kind == 'u')
        return (double)u;
    if (t->kind == 'b') { /* bfloat16: a float32's upper half */
        float f;
        uint32_t w = (uint32_t)u << 16;
        memcpy(&f, &w, 4);
        return f;
    }
    if (t->size == 2)
        return half(u);
    if (t->size == 4) {
        float f;
        uint32_t w = (uint32_t)u;
        memcpy(&f, &w, 4);
        return f;
    }
    double d;
    memcpy(&d, &u, 8);
    return d;
}

/* calls put(ctx, k, element k's address) for every element in C order */
typedef int (*put_fn)(void *ctx, size_t k, const char *p, const struct elem *t);

static int walk(const struct view *v, put_fn put, void *ctx)
{
    if (v->n == 0)
        return 0;
    if (v->ndim == 0)
        return put(ctx, 0, v->data, &v->type);
    Py_ssize_t idx[64] = {0};
    int last = v->ndim - 1;
    size_t k = 0;
    for (;;) {
        const char *row = v->data;
        for (int d = 0; d < last; d++)
            row += idx[d] * v->strides[d];
        for (Py_ssize_t j = 0; j < v->shape[last]; j++)
            if (put(ctx, k++, row + j * v->strides[last], &v->type) != 0)
                return -1;
        int d = last - 1;
        while (d >= 0 && ++idx[d] == v->shape[d])
            idx[d--] = 0;
        if (d < 0)
            return 0;
    }
}

static int put_double(void *ctx, size_t k, const char *p, const struct elem *t)
{
    ((double *)ctx)[k] = as_double(p, t);
    return 0;
}

static int put_float(void *ctx, size_t k, const char *p, const struct elem *t)
{
    ((float *)ctx)[k] = (float)as_double(p, t); /* numpy's astype(float32): rounded once */
    return 0;
}

struct u64_ctx {
    uint64_t *out;
    size_t bad;
};

static int put_u64(void *ctx, size_t k, const char *p, const struct elem *t)
{
    struct u64_ctx *c = ctx;
    uint64_t u = bits(p, t);
    if (t->kind == 'i' && sext(u, t->size) < 0) {
        c->bad = k;
        return -1;
    }
    c->out[k] = t->kind == 'i' ? (uint64_t)sext(u, t->size) : u;
    return 0;
}

void view_to_double(const struct view *v, double *out) { walk(v, put_double, out); }

/* The common cases row by row, in loops the compiler vectorises (this file
 * is built with -O3): float16, bfloat16, float32 and float64 in this CPU's
 * byte order, at any stride. Each gives what put_float gives, bit for bit:
 * float16 and bfloat16 widen exactly; float64 rounds once, as a cast does. */
static float f16_to_f32(uint16_t h)
{
    uint32_t em = h & 0x7fffu, u = em << 13, sign = (uint32_t)(h & 0x8000u) << 16;
    float f;
    memcpy(&f, &u, 4);
    f *= 0x1p112f; /* rebias 15 -> 127: exact for normal and subnormal halves */
    uint32_t r;
    memcpy(&r, &f, 4);
    /* inf, NaN: an all-ones exponent, the payload kept (the quiet bit too);
     * a mask rather than a branch, so the loops vectorise */
    uint32_t special = 0u - (uint32_t)(em >= 0x7c00u);
    r = (r & ~special) | ((u | 0x7f800000u) & special);
    r |= sign;
    memcpy(&f, &r, 4);
    return f;
}

static int row_fast_contiguous(const char *p, Py_ssize_t n, const struct elem *t, float *out)
{
    if (t->kind == 'b')
        for (Py_ssize_t j = 0; j < n; j++) {
            uint16_t h;
            memcpy(&h, p + j * 2, 2);
            uint32_t u = (uint32_t)h << 16;
            memcpy(out + j, &u, 4);
        }
    else if (t->size == 2)
        for (Py_ssize_t j = 0; j < n; j++) {
            uint16_t h;
            memcpy(&h, p + j * 2, 2);
            out[j] = f16_to_f32(h);
        }
    else if (t->size == 4)
        memcpy(out, p, (size_t)n * 4);
    else
        for (Py_ssize_t j = 0; j < n; j++) {
            double d;
            memcpy(&d, p + j * 8, 8);
            out[j] = (float)d;
        }
    return 1;
}

static int row_fast(const char *p, Py_ssize_t stride, Py_ssize_t n, const struct elem *t,
                    float *out)
{
    if (t->swap || (t->kind != 'f' && t->kind != 'b'))
        return 0;
    if (stride == t->size) /* contiguous: the loops below with a constant stride */
        return row_fast_contiguous(p, n, t, out);
    if (t->kind == 'b')
        for (Py_ssize_t j = 0; j < n; j++) {
            uint16_t h;
            memcpy(&h, p + j * stride, 2);
            uint32_t u = (uint32_t)h << 16;
            memcpy(out + j, &u, 4);
        }
    else if (t->size == 2)
        for (Py_ssize_t j = 0; j < n; j++) {
            uint16_t h;
            memcpy(&h, p + j * stride, 2);
            out[j] = f16_to_f32(h);
        }
    else if (t->size == 4)
        for (Py_ssize_t j = 0; j < n; j++)
            memcpy(out + j, p + j * stride, 4);
    else
        for (Py_ssize_t j = 0; j < n; j++) {
            double d;
            memcpy(&d, p + j * stride, 8);
            out[j] = (float)d;
        }
    return 1;
}

void view_to_float(const struct view *v, float *out)
{
    if (v->n == 0)
        return;
    if (v->ndim == 0 || !row_fast(v->data, 0, 1, &v->type, out)) {
        walk(v, put_float, out);
        return;
    }
    /* rows of the last dimension, in C order (as walk) */
    Py_ssize_t idx[64] = {0};
    int last = v->ndim - 1;
    Py_ssize_t len = v->shape[last];
    for (;;) {
        const char *row = v->data;
        for (int d = 0; d < last; d++)
            row += idx[d] * v->strides[d];
        row_fast(row, v->strides[last], len, &v->type, out);
        out += len;
        int d = last - 1;
        while (d >= 0 && ++idx[d] == v->shape[d])
            idx[d--] = 0;
        if (d < 0)
            return;
    }
}

int view_to_u64(const struct view *v, uint64_t *out, size_t *bad)
{
    struct u64_ctx c = {out, 0};
    int rc = walk(v, put_u64, &c);
    *bad = c.bad;
    return rc;
}
