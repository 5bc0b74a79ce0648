/* softsign_scalar.c - softsign, the reference: x / (1 + |x|) in double, rounded once.
 * At +-inf the quotient would be inf/inf: the limit +-1 is returned instead. */
#include "loop_scalar.h"
#include "ops_scalar.h"

static inline float softsign_f32(float x)
{
    double d = x;
    if (isinf(d))
        return copysignf(1.0f, x);
    return (float)(d / (1.0 + fabs(d)));
}

void act_softsign_scalar(const float *x, float *y, size_t n) { map_scalar(x, y, n, softsign_f32); }

void act_softsign_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, softsign_f32);
}
