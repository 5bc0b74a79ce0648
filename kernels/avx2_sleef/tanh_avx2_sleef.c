/* tanh_avx2_sleef.c - tanh, 8 lanes: SLEEF's tanhf (u10) as it stands, and
 * its u35 variant for the peer "sleef-u35". SLEEF returns +-1 at +-inf and
 * NaN for NaN.
 * Measured against scalar over all 2^32 inputs: max 1 ulp, first at x = 0x1.000002p-24
 * (`actent verify --exhaustive --isa avx2-sleef`, results/<machine>/verify.json). */
#include <sleef.h>

#include "../avx2/loop_avx2.h"
#include "ops_avx2_sleef.h"

ACT_BOUND(tanh, avx2_sleef, 1, 0x1.000002p-24f);

static inline __m256 tanh_v8(__m256 x) { return Sleef_tanhf8_u10avx2(x); }

static inline __m256 tanh_u35_v8(__m256 x) { return Sleef_tanhf8_u35avx2(x); }

void act_tanh_avx2_sleef(const float *x, float *y, size_t n) { map_v8(x, y, n, tanh_v8); }

void act_tanh_hist_avx2_sleef(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, tanh_v8);
}

void act_tanh_avx2_sleef_u35(const float *x, float *y, size_t n) { map_v8(x, y, n, tanh_u35_v8); }
