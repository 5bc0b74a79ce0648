/* linear_neon.c - linear, 4 lanes: the identity. */
#include "loop_neon.h"
#include "ops_neon.h"

ACT_BOUND(linear, neon, 0, 0.0f); /* bit-identical to the scalar reference */

static inline float32x4_t linear_v4(float32x4_t x) { return x; }

void act_linear_neon(const float *x, float *y, size_t n) { map_v4(x, y, n, linear_v4); }

void act_linear_hist_neon(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v4(x, n, e, counts, seen, linear_v4);
}
