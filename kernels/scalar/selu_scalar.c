/* selu_scalar.c - selu, the reference: scale * (x > 0 ? x : alpha * (e^x - 1)) in double,
 * rounded once, with TensorFlow's constants. Large x overflows float32 to inf
 * (scale > 1), as the rounding of the true value does. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float selu_f32(float x)
{
    const double scale = 1.0507009873554805, alpha = 1.6732632423543772;
    double d = x;
    return (float)(d > 0.0 ? scale * d : scale * (alpha * expm1(d)));
}

void act_selu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, selu_f32); }

void act_selu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, selu_f32);
}
