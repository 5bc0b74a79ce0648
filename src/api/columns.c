/* columns.c - actent_activation_histogram_columns: one histogram per column
 * (per neuron) of a strided (rows, cols) array. A contiguous column is binned
 * where it lies; other columns are gathered, a block of whole columns at a
 * time, into a buffer of at most 4 MiB by a tiled transpose, then binned
 * column by column by the float32 entry point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmsg.h"

/* Columns are gathered TILE x TILE at a time (TILE rows' runs of TILE
 * columns in, TILE columns' runs of TILE rows out: whole cache lines both
 * ways), into a buffer of at most BUFFER_BYTES holding as many whole columns
 * as fit, which the per-column passes then read from the cache. */
#define TILE 16
#define BUFFER_BYTES ((size_t)4 << 20)
/* a column's place in the buffer: rows rounded up to a cache line, plus one
 * line, so that the TILE columns a tile writes do not all fall in the same
 * cache set (with a power-of-two pitch they did: the whole call on a
 * (4096, 1024) C-ordered array took 18 ms instead of 6) */
#define PITCH(rows) ((((rows) + 15) & ~(size_t)15) + 16)

static void gather(const float *x, size_t rows, size_t w, ptrdiff_t rs, ptrdiff_t cs, float *buf,
                   size_t pitch)
{
    for (size_t r0 = 0; r0 < rows; r0 += TILE) {
        size_t h = rows - r0 < TILE ? rows - r0 : TILE;
        for (size_t j0 = 0; j0 < w; j0 += TILE) {
            size_t k = w - j0 < TILE ? w - j0 : TILE;
            for (size_t r = r0; r < r0 + h; r++) {
                const float *row = x + (ptrdiff_t)r * rs + (ptrdiff_t)j0 * cs;
                for (size_t j = 0; j < k; j++)
                    buf[(j0 + j) * pitch + r] = row[(ptrdiff_t)j * cs];
            }
        }
    }
}

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
    /* a block of columns as wide as fits the buffer's budget (at least one tile) */
    if (rows > SIZE_MAX / sizeof(float) / TILE - 32)
        return actent_fail(err, errlen, "rows is %zu: too many to gather", rows);
    size_t pitch = PITCH(rows);
    size_t width = BUFFER_BYTES / sizeof(float) / pitch;
    width = width < TILE ? TILE : width > cols ? cols : width;
    float *buf = malloc(pitch * width * sizeof *buf);
    if (!buf)
        return actent_fail(err, errlen, "out of memory for %zu rows of %zu columns", rows, width);
    int rc = 0;
    for (size_t c0 = 0; c0 < cols && rc == 0; c0 += width) {
        size_t w = cols - c0 < width ? cols - c0 : width;
        gather(x + (ptrdiff_t)c0 * col_stride, rows, w, row_stride, col_stride, buf, pitch);
        for (size_t j = 0; j < w && rc == 0; j++)
            rc = one(t, act, buf + j * pitch, rows, c0 + j, nbins, counts, bits, err, errlen);
    }
    free(buf);
    return rc;
}
