/* gelu_scalar.c - gelu (erf form, PyTorch's default), the reference:
 * x * Phi(x) = 0.5 * x * erfc(-x / sqrt 2) in double, rounded once.
 * erfc rather than 1 + erf: for negative x, 1 + erf(x / sqrt 2) cancels and
 * loses the relative accuracy the tail needs, erfc keeps it. Below x = -40
 * erfc underflows to 0 in double (the float32 result is -0 from x = -14.5 on),
 * so x is held at -40 there: gelu(-inf) = -0, the sign of x times a zero, as
 * every finite x below -14.5 gives. NaN passes the comparison unchanged. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: x Phi(x) = 0.5 x erfc(-x / sqrt 2), held at x = -40 */
static double gelu_f64(double x)
{
    if (x < -40.0)
        x = -40.0;
    return 0.5 * x * erfc(-x * 0.70710678118654752440);
}

/* Phi(x) + x phi(x) */
static double gelu_df64(double x)
{
    return 0.5 * erfc(-x * 0.70710678118654752440) + x * exp(-0.5 * x * x) * 0.39894228040143267794;
}

/* the minimum near x = -0.7518: the root of f' (mpmath, 40 digits), rounded to double */
ACT_DEFINE(gelu, gelu_f64, gelu_df64, -0x1.80ead197f00b4p-1);

static inline float gelu_f32(float x) { return (float)gelu_f64(x); }

void act_gelu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, gelu_f32); }

void act_gelu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, gelu_f32);
}
