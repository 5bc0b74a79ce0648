/* relu_scalar.c - relu, the reference: max(x, 0) as np.maximum computes it.
 * Non-positive x gives +0.0 (-0.0 too, as np.maximum does); NaN passes through. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: max(x, 0) */
static double relu_f64(double x) { return x > 0.0 ? x : 0.0; }

static double relu_df64(double x) { return x > 0.0 ? 1.0 : 0.0; }

ACT_DEFINE(relu, relu_f64, relu_df64, NAN, 0.0);

static inline float relu_f32(float x) { return x > 0.0f || x != x ? x : 0.0f; }

void act_relu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, relu_f32); }

void act_relu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, relu_f32);
}
