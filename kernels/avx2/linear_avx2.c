/* linear_avx2.c - linear, 8 lanes: the identity. */
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(linear, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 linear_v8(__m256 x) { return x; }

void act_linear_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, linear_v8); }

void act_linear_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, linear_v8);
}
