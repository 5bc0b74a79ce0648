/* npy_ints.c - integer arrays from .npy files (labels and input ids): read
 * whole (they are one value per sample), checked by the same parser as the
 * layers, widened to int64. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errmsg.h"
#include "npy.h"

/* labels past this are not labels: the file is refused before it is read */
#define MAX_BYTES ((size_t)1 << 32)

static int read_all(const char *path, unsigned char **buf, size_t *size, char *err, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return actent_fail(err, len, "%s: cannot open: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    unsigned char *b = malloc(cap);
    while (b) {
        n += fread(b + n, 1, cap - n, f);
        if (n < cap || cap >= MAX_BYTES)
            break;
        unsigned char *nb = realloc(b, cap * 2);
        if (!nb) {
            free(b);
            b = NULL;
            break;
        }
        b = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!b)
        return actent_fail(err, len, "%s: out of memory reading it", path);
    if (bad || n >= MAX_BYTES) {
        free(b);
        return actent_fail(err, len, "%s: %s", path,
                           bad ? "cannot read" : "larger than 4 GiB: not a label array");
    }
    *buf = b;
    *size = n;
    return 0;
}

/* one element, assembled from its bytes in the file's order (any host) */
static int64_t element(const unsigned char *p, const struct actent_npy_header *h, bool *over)
{
    int s = h->itemsize;
    uint64_t u = 0;
    for (int i = 0; i < s; i++)
        u |= (uint64_t)p[i] << (8 * (h->big ? s - 1 - i : i));
    if (h->kind == 'i' && s < 8 && (u >> (8 * s - 1)) & 1)
        u |= ~(uint64_t)0 << (8 * s); /* sign-extend */
    if (h->kind == 'u' && s == 8 && u > (uint64_t)INT64_MAX)
        *over = true;
    return (int64_t)u;
}

int actent_npy_load_ints(const char *path, int64_t **out, size_t *n, char *err, size_t len)
{
    unsigned char *buf = NULL;
    size_t size = 0;
    if (read_all(path, &buf, &size, err, len) != 0)
        return -1;
    struct actent_npy a;
    if (actent_npy_parse(path, buf, size, ACTENT_NPY_HEADER_ONLY | ACTENT_NPY_INTEGERS, &a, err,
                         len) != 0) {
        free(buf);
        return -1;
    }
    int wide = 0;
    for (int i = 0; i < a.h.ndim; i++)
        wide += a.h.shape[i] > 1;
    if (wide > 1) {
        char shape[ACTENT_NPY_MAX_DIMS * 24];
        actent_npy_shape_str(a.h.ndim, a.h.shape, shape, sizeof shape);
        free(buf);
        return actent_fail(err, len, "%s: shape %s: one integer per sample (1-d) is needed", path,
                           shape);
    }
    int64_t *v = malloc((a.n ? a.n : 1) * sizeof *v);
    if (!v) {
        free(buf);
        return actent_fail(err, len, "%s: out of memory for %zu integers", path, a.n);
    }
    bool over = false;
    for (size_t i = 0; i < a.n && !over; i++)
        v[i] = element(buf + a.data_offset + i * (size_t)a.h.itemsize, &a.h, &over);
    free(buf);
    if (over) {
        free(v);
        return actent_fail(err, len, "%s: a uint64 value above 2^63 - 1", path);
    }
    *out = v;
    *n = a.n;
    return 0;
}
