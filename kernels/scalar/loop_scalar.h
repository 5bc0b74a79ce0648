/* loop_scalar.h - the two loops every scalar activation shares.
 *
 * Each op file defines `static inline float <op>_f32(float)` and instantiates
 * these with it; the function pointer is a compile-time constant, so the body
 * inlines. The fused loop bins each value as soon as it is computed. */
#ifndef ACT_LOOP_SCALAR_H
#define ACT_LOOP_SCALAR_H

#include <math.h>

#include "bin_scalar.h"

static inline __attribute__((always_inline)) void map_scalar(const float *x, float *y, size_t n,
                                                             float (*f)(float))
{
    for (size_t i = 0; i < n; i++)
        y[i] = f(x[i]);
}

static inline __attribute__((always_inline)) void
map_hist_scalar(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                struct act_seen *seen, float (*f)(float))
{
    float lo = seen->lo, hi = seen->hi;
    uint64_t nan = 0;
    for (size_t i = 0; i < n; i++) {
        float v = f(x[i]);
        if (v != v) {
            nan++;
            continue;
        }
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        size_t b;
        if (bin_edges_scalar(v, e, &b))
            counts[b]++;
    }
    /* -0.0 and +0.0 compare equal; report zero as +0.0 whichever came first */
    seen->lo = lo + 0.0f;
    seen->hi = hi + 0.0f;
    seen->nan += nan;
}

#endif
