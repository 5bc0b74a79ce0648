/* gelu_tanh_scalar.c - gelu, tanh approximation (PyTorch's approximate='tanh'),
 * the reference: 0.5 * x * (1 + tanh(u)), u = sqrt(2/pi) * (x + 0.044715 x^3),
 * in double, rounded once. Written x / (1 + e^(-2u)), the same value without
 * the cancellation of 1 + tanh(u) for negative x. x is held to [-100, 100]
 * for u: beyond, the float32 result is x (above 5.3) or -0 (below -10.9)
 * already, and x^3 stays finite. gelu_tanh(-inf) = -0, like every x below
 * -10.9; NaN passes the comparisons unchanged. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float gelu_tanh_f32(float x)
{
    double d = x, c = d;
    if (c < -100.0)
        c = -100.0;
    if (c > 100.0)
        c = 100.0;
    double u = 0.79788456080286535588 * (c + 0.044715 * c * c * c);
    if (d < -100.0)
        d = -100.0;
    return (float)(d / (1.0 + exp(-2.0 * u)));
}

void act_gelu_tanh_scalar(const float *x, float *y, size_t n)
{
    map_scalar(x, y, n, gelu_tanh_f32);
}

void act_gelu_tanh_hist_scalar(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, gelu_tanh_f32);
}
