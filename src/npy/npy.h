/* npy.h - reading a layer's activations from an .npy file.
 *
 * Format versions 1.0, 2.0 and 3.0; float16, float32 and float64; little- or
 * big-endian; C or Fortran order; any shape. The values come out as one
 * float32 array in C order (np.ravel's order), the shape kept beside it.
 * A file is memory-mapped and converted once; little-endian float32 data in
 * C order is used in place, without a copy. Anything else (bad magic, other
 * versions, truncated or malformed headers, other dtypes, sizes that disagree
 * or overflow) is refused with a message that names the file and the reason. */
#ifndef ACTENT_NPY_H
#define ACTENT_NPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "npy_header.h"

/* Headers longer than this are refused before anything is read (numpy writes
 * a few hundred bytes even for 32 dimensions). */
#define ACTENT_NPY_MAX_HEADER 65536

enum {
    ACTENT_NPY_BORROW = 1,      /* may point into the caller's buffer instead of copying */
    ACTENT_NPY_HEADER_ONLY = 2, /* check the header and the sizes; convert nothing */
    ACTENT_NPY_INTEGERS = 4,    /* an integer array is wanted (with HEADER_ONLY; npy_ints.c) */
};

struct actent_npy {
    const float *data; /* n values, C order; NULL after ACTENT_NPY_HEADER_ONLY */
    size_t n;
    struct actent_npy_header h; /* dtype, order, shape */
    int version;                /* 1, 2 or 3 */
    size_t data_offset;         /* where the array starts in the file */
    bool in_place;              /* data points into the file or buffer, not a copy */
    uint64_t overflow;          /* float64 values beyond float32's range, now +-inf */
    /* what actent_npy_free releases */
    float *owned;
    void *map;
    size_t map_len;
};

/* Parses an .npy image of `size` bytes; `name` prefixes every message.
 * 0, or -1 with "name: reason" in err. On success free with actent_npy_free;
 * with ACTENT_NPY_BORROW, `buf` must outlive the result. */
int actent_npy_parse(const char *name, const void *buf, size_t size, unsigned flags,
                     struct actent_npy *a, char *err, size_t len);

/* Maps the file at path and parses it (ACTENT_NPY_BORROW is implied: the
 * mapping is kept while the data points into it). */
int actent_npy_load(const char *path, unsigned flags, struct actent_npy *a, char *err, size_t len);

void actent_npy_free(struct actent_npy *a);

/* "(3, 4)", "(7,)" or "()", as numpy prints a shape */
void actent_npy_shape_str(int ndim, const uint64_t *shape, char *buf, size_t len);
/* the multi-index of C-order element `flat`: "[1, 3]" ("[]" for a scalar) */
void actent_npy_index_str(const struct actent_npy_header *h, uint64_t flat, char *buf, size_t len);
/* The integers of a 1-d .npy file (any integer dtype, either byte order; a
 * shape with one axis longer than 1 counts as 1-d) as int64 in *out (free
 * it); `name` prefixes every message. 0, or -1 with "name: reason" (a float
 * dtype, a 2-d shape, an unsigned value above INT64_MAX, ...). */
int actent_npy_load_ints(const char *path, int64_t **out, size_t *n, char *err, size_t len);

/* "float16", "float32" or "float64" ("int64", ... for integers) */
const char *actent_npy_type_name(const struct actent_npy_header *h);

/* float16 bits to float32, exactly (numpy's npy_halfbits_to_floatbits) */
float actent_half_to_float(uint16_t h);

#endif
