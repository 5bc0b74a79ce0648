/* softplus_scalar.c - softplus, the reference: ln(1 + e^x) in double, rounded once.
 * Written max(x, 0) + log1p(e^-|x|) so e^x never overflows: for large x the
 * result is x plus a correction that vanishes, for very negative x it is e^x. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float softplus_f32(float x)
{
    double d = x;
    return (float)(fmax(d, 0.0) + log1p(exp(-fabs(d))));
}

void act_softplus_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, softplus_f32); }

void act_softplus_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, softplus_f32);
}
