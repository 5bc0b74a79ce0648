/* tanh_scalar.c - tanh, the reference: libm's tanh in double, rounded once. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: tanh x, and its derivative 1 - tanh^2 x */
static double tanh_f64(double x) { return tanh(x); }

static double tanh_df64(double x) { return 1.0 - tanh(x) * tanh(x); }

ACT_DEFINE(tanh, tanh_f64, tanh_df64, NAN);

static inline float tanh_f32(float x) { return (float)tanh_f64(x); }

void act_tanh_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, tanh_f32); }

void act_tanh_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, tanh_f32);
}
