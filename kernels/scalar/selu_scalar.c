/* selu_scalar.c - selu, the reference: scale * (x > 0 ? x : alpha * (e^x - 1)) in double,
 * rounded once, with TensorFlow's constants. Large x overflows float32 to inf
 * (scale > 1), as the rounding of the true value does. */
#include "loop_scalar.h"
#include "ops_scalar.h"

#define SELU_SCALE 1.0507009873554805
#define SELU_ALPHA 1.6732632423543772

/* the definition: scale * x above 0, scale * alpha * (e^x - 1) below */
static double selu_f64(double x)
{
    return x > 0.0 ? SELU_SCALE * x : SELU_SCALE * (SELU_ALPHA * expm1(x));
}

static double selu_df64(double x)
{
    return x > 0.0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * exp(x);
}

ACT_DEFINE(selu, selu_f64, selu_df64, NAN, 0.0);

static inline float selu_f32(float x) { return (float)selu_f64(x); }

void act_selu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, selu_f32); }

void act_selu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, selu_f32);
}
