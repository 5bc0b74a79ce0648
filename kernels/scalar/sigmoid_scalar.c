/* sigmoid_scalar.c - sigmoid, the reference: 1 / (1 + e^-x) in double, rounded once.
 * Double carries 29 bits beyond float32, so the rounding is the correct one
 * except within 2^-29 ulp of a midpoint. exp(-x) overflows to inf below
 * x = -709, where the true value is far below the smallest subnormal: 0 is right. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: 1 / (1 + e^-x) */
static double sigmoid_f64(double x) { return 1.0 / (1.0 + exp(-x)); }

static double sigmoid_df64(double x)
{
    double s = sigmoid_f64(x);
    return s * (1.0 - s);
}

ACT_DEFINE(sigmoid, sigmoid_f64, sigmoid_df64, NAN);

static inline float sigmoid_f32(float x) { return (float)sigmoid_f64(x); }

void act_sigmoid_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, sigmoid_f32); }

void act_sigmoid_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, sigmoid_f32);
}
