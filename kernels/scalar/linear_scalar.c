/* linear_scalar.c - linear, the reference: the identity. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: x */
static double linear_f64(double x) { return x; }

static double linear_df64(double x) { return (void)x, 1.0; }

ACT_DEFINE(linear, linear_f64, linear_df64, NAN);

static inline float linear_f32(float x) { return x; }

void act_linear_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, linear_f32); }

void act_linear_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, linear_f32);
}
