/* gelu_scalar.c - gelu (erf form, PyTorch's default), the reference:
 * x * Phi(x) = 0.5 * x * erfc(-x / sqrt 2) in double, rounded once.
 * erfc rather than 1 + erf: for negative x, 1 + erf(x / sqrt 2) cancels and
 * loses the relative accuracy the tail needs, erfc keeps it. Below x = -40
 * erfc underflows to 0 in double (the float32 result is -0 from x = -14.5 on),
 * so x is held at -40 there: gelu(-inf) = -0, the sign of x times a zero, as
 * every finite x below -14.5 gives. NaN passes the comparison unchanged. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float gelu_f32(float x)
{
    double d = x;
    if (d < -40.0)
        d = -40.0;
    return (float)(0.5 * d * erfc(-d * 0.70710678118654752440));
}

void act_gelu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, gelu_f32); }

void act_gelu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, gelu_f32);
}
