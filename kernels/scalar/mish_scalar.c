/* mish_scalar.c - mish, the reference: x * tanh(softplus(x)) in double,
 * rounded once, softplus written max(x, 0) + log1p(e^-|x|) as in
 * softplus_scalar.c. For very negative x, softplus(x) = e^x and tanh of it
 * keeps its relative accuracy, so the tail x * e^x is right into the float32
 * subnormals (the result is -0 from x = -108 on). x is held at -800, where
 * softplus is 0 in double: mish(-inf) = -0 rather than -inf * 0. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: x tanh(ln(1 + e^x)), x held at -800 */
static double mish_f64(double x)
{
    if (x < -800.0)
        x = -800.0;
    return x * tanh(fmax(x, 0.0) + log1p(exp(-fabs(x))));
}

/* tanh(sp) + x (1 - tanh^2 sp) sigmoid(x), sp = softplus(x) */
static double mish_df64(double x)
{
    double t = tanh(fmax(x, 0.0) + log1p(exp(-fabs(x))));
    return t + x * (1.0 - t * t) / (1.0 + exp(-x));
}

/* the minimum near x = -1.1924 (mpmath, as gelu's) */
ACT_DEFINE(mish, mish_f64, mish_df64, -0x1.31432c0d12d84p+0);

static inline float mish_f32(float x) { return (float)mish_f64(x); }

void act_mish_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, mish_f32); }

void act_mish_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, mish_f32);
}
