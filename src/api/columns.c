/* columns.c - actent_activation_histogram_columns: one histogram per column
 * (per neuron) of a strided (rows, cols) array. A contiguous column is binned
 * where it lies; other columns are gathered COLUMN_BLOCK at a time, row by
 * row (each row's run of columns read in one sweep, so a C-ordered array is
 * read in order), into a buffer of rows x COLUMN_BLOCK values, then binned
 * column by column by the float32 entry point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmsg.h"

/* columns gathered per sweep: 16 runs of a row share its cache lines */
#define COLUMN_BLOCK 16

static int one(const actent_table *t, int act, const float *col, size_t rows, size_t c,
               size_t nbins, uint64_t *counts, double *bits, char *err, size_t errlen)
{
    char why[512];
    double b;
    if (actent_activation_histogram(t, act, col, rows, nbins, counts + c * nbins, &b, NULL, NULL,
                                    why, sizeof why) != 0)
        return actent_fail(err, errlen, "column %zu: %s", c, why);
    if (bits)
        bits[c] = b;
    return 0;
}

int actent_activation_histogram_columns(const actent_table *t, int act, const float *x, size_t rows,
                                        size_t cols, ptrdiff_t row_stride, ptrdiff_t col_stride,
                                        size_t nbins, uint64_t *counts, double *bits, char *err,
                                        size_t errlen)
{
    if (cols == 0)
        return actent_fail(err, errlen, "cols is 0: there are no columns to bin");
    if (!counts || (rows && !x))
        return actent_fail(err, errlen, "%s is NULL", counts ? "x" : "counts");
    if (rows == 1 || row_stride == 1) { /* each column contiguous: in place */
        for (size_t c = 0; c < cols; c++)
            if (one(t, act, x + (ptrdiff_t)c * col_stride, rows, c, nbins, counts, bits, err,
                    errlen) != 0)
                return -1;
        return 0;
    }
    if (rows > SIZE_MAX / sizeof(float) / COLUMN_BLOCK)
        return actent_fail(err, errlen, "rows is %zu: too many to gather", rows);
    float *buf = malloc(rows * COLUMN_BLOCK * sizeof *buf);
    if (!buf)
        return actent_fail(err, errlen, "out of memory for %zu rows of %d columns", rows,
                           COLUMN_BLOCK);
    int rc = 0;
    for (size_t c0 = 0; c0 < cols && rc == 0; c0 += COLUMN_BLOCK) {
        size_t w = cols - c0 < COLUMN_BLOCK ? cols - c0 : COLUMN_BLOCK;
        const float *base = x + (ptrdiff_t)c0 * col_stride;
        for (size_t r = 0; r < rows; r++) {
            const float *row = base + (ptrdiff_t)r * row_stride;
            for (size_t j = 0; j < w; j++)
                buf[j * rows + r] = row[(ptrdiff_t)j * col_stride];
        }
        for (size_t j = 0; j < w && rc == 0; j++)
            rc = one(t, act, buf + j * rows, rows, c0 + j, nbins, counts, bits, err, errlen);
    }
    free(buf);
    return rc;
}
