/* gelu_tanh_scalar.c - gelu, tanh approximation (PyTorch's approximate='tanh'),
 * the reference: 0.5 * x * (1 + tanh(u)), u = sqrt(2/pi) * (x + 0.044715 x^3),
 * in double, rounded once. Written x / (1 + e^(-2u)), the same value without
 * the cancellation of 1 + tanh(u) for negative x. x is held to [-100, 100]
 * for u: beyond, the float32 result is x (above 5.3) or -0 (below -10.9)
 * already, and x^3 stays finite. gelu_tanh(-inf) = -0, like every x below
 * -10.9; NaN passes the comparisons unchanged. */
#include "loop_scalar.h"
#include "ops_scalar.h"

#define GELU_TANH_K 0.79788456080286535588 /* sqrt(2 / pi) */

/* the definition: 0.5 x (1 + tanh u), u = sqrt(2/pi) (x + 0.044715 x^3),
 * as x / (1 + e^-2u); u's x held to [-100, 100], x to -100 below */
static double gelu_tanh_f64(double x)
{
    double c = x < -100.0 ? -100.0 : x > 100.0 ? 100.0 : x;
    double u = GELU_TANH_K * (c + 0.044715 * c * c * c);
    if (x < -100.0)
        x = -100.0;
    return x / (1.0 + exp(-2.0 * u));
}

static double gelu_tanh_df64(double x)
{
    double t = tanh(GELU_TANH_K * (x + 0.044715 * x * x * x));
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * GELU_TANH_K * (1.0 + 3 * 0.044715 * x * x);
}

/* the minimum near x = -0.7525 (mpmath, as gelu's) */
ACT_DEFINE(gelu_tanh, gelu_tanh_f64, gelu_tanh_df64, -0x1.81429f9e97e4dp-1);

static inline float gelu_tanh_f32(float x) { return (float)gelu_tanh_f64(x); }

void act_gelu_tanh_scalar(const float *x, float *y, size_t n)
{
    map_scalar(x, y, n, gelu_tanh_f32);
}

void act_gelu_tanh_hist_scalar(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, gelu_tanh_f32);
}
