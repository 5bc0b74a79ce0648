/* relu6_scalar.c - relu6, the reference: min(max(x, 0), 6); -0.0 gives +0.0, NaN passes through. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: min(max(x, 0), 6) */
static double relu6_f64(double x) { return x < 0.0 ? 0.0 : x > 6.0 ? 6.0 : x; }

static double relu6_df64(double x) { return x < 0.0 || x > 6.0 ? 0.0 : 1.0; }

ACT_DEFINE(relu6, relu6_f64, relu6_df64, NAN, 0.0, 6.0);

static inline float relu6_f32(float x) { return x > 6.0f ? 6.0f : (x > 0.0f || x != x ? x : 0.0f); }

void act_relu6_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, relu6_f32); }

void act_relu6_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                           struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, relu6_f32);
}
