/* mish_scalar.c - mish, the reference: x * tanh(softplus(x)) in double,
 * rounded once, softplus written max(x, 0) + log1p(e^-|x|) as in
 * softplus_scalar.c. For very negative x, softplus(x) = e^x and tanh of it
 * keeps its relative accuracy, so the tail x * e^x is right into the float32
 * subnormals (the result is -0 from x = -108 on). x is held at -800, where
 * softplus is 0 in double: mish(-inf) = -0 rather than -inf * 0. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float mish_f32(float x)
{
    double d = x;
    if (d < -800.0)
        d = -800.0;
    return (float)(d * tanh(fmax(d, 0.0) + log1p(exp(-fabs(d)))));
}

void act_mish_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, mish_f32); }

void act_mish_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, mish_f32);
}
