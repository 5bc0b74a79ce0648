/* npy_header.h - the header of an .npy file: a Python dict literal such as
 *   {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
 * parsed without evaluating anything. Only what numpy writes for a plain
 * array is accepted: exactly the three keys, a dtype string, True or False,
 * and a tuple of non-negative integers. */
#ifndef ACTENT_NPY_HEADER_H
#define ACTENT_NPY_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* numpy's own limit on dimensions (NPY_MAXDIMS in numpy 1.x) */
#define ACTENT_NPY_MAX_DIMS 32

struct actent_npy_header {
    char kind;    /* 'f' float; 'i', 'u' integers (read only with ACTENT_NPY_INTEGERS) */
    int itemsize; /* floats: 2, 4 or 8 (float16, float32, float64); integers 1, 2, 4, 8 */
    bool big;     /* the data is big-endian */
    bool fortran; /* fortran_order: column-major data */
    int ndim;     /* 0 for a scalar */
    uint64_t shape[ACTENT_NPY_MAX_DIMS];
    char descr[8]; /* normalized: "<f4", ">f8", "<i8", "|u1", ... */
};

/* Parses `len` bytes of header text (not NUL-terminated). 0, or -1 with the
 * reason in err (the caller adds the file's name). */
int actent_npy_header_parse(const char *text, size_t len, struct actent_npy_header *h, char *err,
                            size_t elen);

#endif
