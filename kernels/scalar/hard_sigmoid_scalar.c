/* hard_sigmoid_scalar.c - hard_sigmoid, the reference: the notebook's numpy steps in float32.
 * 0.2f * x is rounded, then + 0.5f is rounded: two roundings, never one fused
 * multiply-add. Below -2.5 it is 0, above 2.5 it is 1; NaN stays NaN. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition without float32 rounding: 0.2 x + 0.5, 0 below -2.5, 1 above 2.5 */
static double hard_sigmoid_f64(double x) { return x < -2.5 ? 0.0 : x > 2.5 ? 1.0 : 0.2 * x + 0.5; }

static double hard_sigmoid_df64(double x) { return x < -2.5 || x > 2.5 ? 0.0 : 0.2; }

ACT_DEFINE(hard_sigmoid, hard_sigmoid_f64, hard_sigmoid_df64, NAN, -2.5, 2.5);

static inline float hard_sigmoid_f32(float x)
{
    float l = 0.2f * x;
    l = l + 0.5f;
    if (x < -2.5f)
        l = 0.0f;
    if (x > 2.5f)
        l = 1.0f;
    return l;
}

void act_hard_sigmoid_scalar(const float *x, float *y, size_t n)
{
    map_scalar(x, y, n, hard_sigmoid_f32);
}

void act_hard_sigmoid_hist_scalar(const float *x, size_t n, const struct act_edges *e,
                                  uint64_t *counts, struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, hard_sigmoid_f32);
}
