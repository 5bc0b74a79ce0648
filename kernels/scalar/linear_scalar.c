/* linear_scalar.c - linear, the reference: the identity. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float linear_f32(float x) { return x; }

void act_linear_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, linear_f32); }

void act_linear_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, linear_f32);
}
