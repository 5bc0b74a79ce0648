/* silu_scalar.c - silu (swish), the reference: x * sigmoid(x) = x / (1 + e^-x)
 * in double, rounded once. Below x = -800 e^-x overflows to inf in double and
 * the quotient is -0 (as it is in float32 from x = -110 on); x is held there
 * so that silu(-inf) = -0 rather than -inf / inf. NaN passes unchanged. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: x / (1 + e^-x), x held at -800 (where it is -0 in float32) */
static double silu_f64(double x)
{
    if (x < -800.0)
        x = -800.0;
    return x / (1.0 + exp(-x));
}

/* s (1 + x (1 - s)), s the sigmoid */
static double silu_df64(double x)
{
    double s = 1.0 / (1.0 + exp(-x));
    return s * (1.0 + x * (1.0 - s));
}

/* the minimum near x = -1.2785 (mpmath, as gelu's) */
ACT_DEFINE(silu, silu_f64, silu_df64, -0x1.474973c84120bp+0);

static inline float silu_f32(float x) { return (float)silu_f64(x); }

void act_silu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, silu_f32); }

void act_silu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, silu_f32);
}
