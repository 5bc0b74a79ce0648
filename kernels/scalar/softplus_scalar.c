/* softplus_scalar.c - softplus, the reference: ln(1 + e^x) in double, rounded once.
 * Written max(x, 0) + log1p(e^-|x|) so e^x never overflows: for large x the
 * result is x plus a correction that vanishes, for very negative x it is e^x. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|), which neither
 * overflows nor loses the small values; its derivative is the sigmoid */
static double softplus_f64(double x) { return fmax(x, 0.0) + log1p(exp(-fabs(x))); }

static double softplus_df64(double x) { return 1.0 / (1.0 + exp(-x)); }

ACT_DEFINE(softplus, softplus_f64, softplus_df64, NAN);

static inline float softplus_f32(float x) { return (float)softplus_f64(x); }

void act_softplus_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, softplus_f32); }

void act_softplus_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, softplus_f32);
}
