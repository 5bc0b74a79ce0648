/* silu_scalar.c - silu (swish), the reference: x * sigmoid(x) = x / (1 + e^-x)
 * in double, rounded once. Below x = -800 e^-x overflows to inf in double and
 * the quotient is -0 (as it is in float32 from x = -110 on); x is held there
 * so that silu(-inf) = -0 rather than -inf / inf. NaN passes unchanged. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float silu_f32(float x)
{
    double d = x;
    if (d < -800.0)
        d = -800.0;
    return (float)(d / (1.0 + exp(-d)));
}

void act_silu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, silu_f32); }

void act_silu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, silu_f32);
}
