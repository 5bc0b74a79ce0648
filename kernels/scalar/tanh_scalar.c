/* tanh_scalar.c - tanh, the reference: libm's tanh in double, rounded once. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float tanh_f32(float x) { return (float)tanh((double)x); }

void act_tanh_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, tanh_f32); }

void act_tanh_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, tanh_f32);
}
