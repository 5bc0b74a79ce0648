/* minmax_scalar.c - min and max of an array, NaN skipped, zero reported as +0.0. */
#include <math.h>

#include "ops_scalar.h"

void act_minmax_scalar(const float *x, size_t n, float *lo, float *hi)
{
    float l = INFINITY, h = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        /* a NaN compares false both ways and leaves l and h alone */
        l = x[i] < l ? x[i] : l;
        h = x[i] > h ? x[i] : h;
    }
    *lo = l + 0.0f;
    *hi = h + 0.0f;
}
