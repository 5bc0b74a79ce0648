/* linear_avx512.c - linear, 16 lanes: the identity. Bound: exact (0 ULP). */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(linear, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 linear_v16(__m512 x) { return x; }

void act_linear_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, linear_v16); }

void act_linear_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, linear_v16);
}
