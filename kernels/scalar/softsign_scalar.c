/* softsign_scalar.c - softsign, the reference: x / (1 + |x|) in double, rounded once.
 * At +-inf the quotient would be inf/inf: the limit +-1 is returned instead. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition: x / (1 + |x|), its limit +-1 at +-inf (inf / inf is NaN) */
static double softsign_f64(double x)
{
    if (isinf(x))
        return copysign(1.0, x);
    return x / (1.0 + fabs(x));
}

static double softsign_df64(double x) { return 1.0 / ((1.0 + fabs(x)) * (1.0 + fabs(x))); }

/* 0: the kink of |x| (a breakpoint for the quadrature) */
ACT_DEFINE(softsign, softsign_f64, softsign_df64, NAN, 0.0);

static inline float softsign_f32(float x) { return (float)softsign_f64(x); }

void act_softsign_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, softsign_f32); }

void act_softsign_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, softsign_f32);
}
