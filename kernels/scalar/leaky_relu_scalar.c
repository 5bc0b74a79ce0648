/* leaky_relu_scalar.c - leaky_relu, the reference: x > 0 ? x : 0.2f * x in float32,
 * TensorFlow's default alpha; the product is rounded once, subnormals kept. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition (Keras's slope 0.2): x above 0, 0.2 x below */
static double leaky_relu_f64(double x) { return x > 0.0 ? x : 0.2 * x; }

static double leaky_relu_df64(double x) { return x > 0.0 ? 1.0 : 0.2; }

ACT_DEFINE(leaky_relu, leaky_relu_f64, leaky_relu_df64, NAN, 0.0);

static inline float leaky_relu_f32(float x) { return x > 0.0f ? x : 0.2f * x; }

void act_leaky_relu_scalar(const float *x, float *y, size_t n)
{
    map_scalar(x, y, n, leaky_relu_f32);
}

void act_leaky_relu_hist_scalar(const float *x, size_t n, const struct act_edges *e,
                                uint64_t *counts, struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, leaky_relu_f32);
}
