/* layer.c - an .npy file's values, checked for what cannot be binned. */
#include "layer.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errmsg.h"

/* all-ones exponent: infinity or NaN */
static bool nonfinite_bits(float v)
{
    uint32_t b;
    memcpy(&b, &v, sizeof b);
    return (b & 0x7f800000u) == 0x7f800000u;
}

uint64_t actent_count_nonfinite(const float *x, size_t n, uint64_t *nan, uint64_t *pinf,
                                uint64_t *ninf)
{
    *nan = *pinf = *ninf = 0;
    /* a branch-free count first (it vectorizes: gigabytes per second); the
     * details only when there is something to report */
    uint64_t bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += nonfinite_bits(x[i]);
    if (bad == 0)
        return n;
    uint64_t first = n;
    for (size_t i = 0; i < n; i++) {
        if (!nonfinite_bits(x[i]))
            continue;
        if (first == n)
            first = i;
        if (isnan(x[i]))
            ++*nan;
        else if (x[i] > 0)
            ++*pinf;
        else
            ++*ninf;
    }
    return first;
}

static int refuse_nonfinite(const char *path, const struct actent_layer *l, char *err, size_t len)
{
    char idx[ACTENT_NPY_MAX_DIMS * 24], why[128] = "";
    actent_npy_index_str(&l->npy.h, l->first_bad, idx, sizeof idx);
    if (l->npy.overflow)
        snprintf(why, sizeof why, "; %llu of them finite float64 values beyond float32's range",
                 (unsigned long long)l->npy.overflow);
    uint64_t bad = l->nan + l->pinf + l->ninf;
    return actent_fail(
        err, len,
        "%s: %llu non-finite value%s (%llu NaN, %llu +inf, %llu -inf%s), the first at "
        "index %llu %s; --nonfinite drop leaves them out",
        path, (unsigned long long)bad, bad == 1 ? "" : "s", (unsigned long long)l->nan,
        (unsigned long long)l->pinf, (unsigned long long)l->ninf, why,
        (unsigned long long)l->first_bad, idx);
}

/* the finite values, in order, into a new array */
static int drop_nonfinite(const char *path, struct actent_layer *l, char *err, size_t len)
{
    uint64_t bad = l->nan + l->pinf + l->ninf;
    size_t keep = l->npy.n - (size_t)bad;
    if (keep == 0)
        return actent_fail(err, len,
                           "%s: all %zu values are non-finite; nothing is left to analyse", path,
                           l->npy.n);
    l->kept = malloc(keep * sizeof *l->kept);
    if (!l->kept)
        return actent_fail(err, len, "%s: out of memory for %zu finite values (%.1f MiB)", path,
                           keep, (double)keep * sizeof(float) / 1048576.0);
    size_t o = 0;
    for (size_t i = 0; i < l->npy.n; i++)
        if (isfinite(l->npy.data[i]))
            l->kept[o++] = l->npy.data[i];
    l->x = l->kept;
    l->n = keep;
    l->info.nonfinite_dropped = bad;
    return 0;
}

int actent_layer_load(const char *path, enum actent_nonfinite policy, struct actent_layer *l,
                      char *err, size_t len)
{
    memset(l, 0, sizeof *l);
    if (actent_npy_load(path, 0, &l->npy, err, len) != 0)
        return -1;
    const struct actent_npy_header *h = &l->npy.h;
    l->info =
        (struct actent_input_info){path, h->descr, h->fortran, h->ndim, h->shape, l->npy.n, 0};
    int rc = 0;
    if (l->npy.n == 0) {
        char shape[ACTENT_NPY_MAX_DIMS * 24];
        actent_npy_shape_str(h->ndim, h->shape, shape, sizeof shape);
        rc = actent_fail(err, len, "%s: shape %s holds no values", path, shape);
    } else {
        l->x = l->npy.data;
        l->n = l->npy.n;
        l->first_bad = actent_count_nonfinite(l->x, l->n, &l->nan, &l->pinf, &l->ninf);
        if (l->first_bad < l->n)
            rc = policy == ACTENT_NONFINITE_DROP ? drop_nonfinite(path, l, err, len)
                                                 : refuse_nonfinite(path, l, err, len);
    }
    if (rc != 0)
        actent_layer_free(l);
    return rc;
}

void actent_layer_free(struct actent_layer *l)
{
    free(l->kept);
    actent_npy_free(&l->npy);
    memset(l, 0, sizeof *l);
}

int actent_layer_check(const char *path, char *err, size_t len)
{
    struct actent_npy a;
    if (actent_npy_load(path, ACTENT_NPY_HEADER_ONLY, &a, err, len) != 0)
        return -1;
    int rc = 0;
    if (a.n == 0) {
        char shape[ACTENT_NPY_MAX_DIMS * 24];
        actent_npy_shape_str(a.h.ndim, a.h.shape, shape, sizeof shape);
        rc = actent_fail(err, len, "%s: shape %s holds no values", path, shape);
    }
    actent_npy_free(&a);
    return rc;
}
