/* elu_scalar.c - elu, the reference: x > 0 ? x : e^x - 1 (alpha 1), expm1 in double,
 * rounded once; expm1 keeps full relative accuracy near 0. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float elu_f32(float x)
{
    double d = x;
    return d > 0.0 ? x : (float)expm1(d);
}

void act_elu_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, elu_f32); }

void act_elu_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                         struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, elu_f32);
}
