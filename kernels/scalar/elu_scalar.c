/* elu_scalar.c - elu, the reference: x > 0 ? x : e^x - 1 (alpha 1), expm1 in double,
 * rounded once; expm1 keeps full relative accuracy near 0. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition (alpha 1): x above 0, e^x - 1 below */
static double elu_f64(double x) { return x > 0.0 ? x : expm1(x); }

static double elu_df64(double x) { return x > 0.0 ? 1.0 : exp(x); }

ACT_DEFINE(elu, elu_f64, elu_df64, NAN, 0.0);

/* above 0 the float itself (exact); below, e^x - 1 rounded once */
static inline float elu_f32(float x) { return (float)elu_f64(x); }

void act_elu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, elu_f32); }

void act_elu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                         struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, elu_f32);
}
