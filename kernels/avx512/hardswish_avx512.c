/* hardswish_avx512.c - hardswish, 16 lanes, AVX-512F, bit-identical to scalar.
 *
 * Algorithm: hardswish_avx2.c's steps widened, PyTorch's float32 steps as
 * kernels/scalar/hardswish_scalar.c: t = x + 3 rounded, clamped to [0, 6]
 * (maxps then minps with t second, so NaN passes), p = max(x, -3) * t rounded,
 * then p / 6 rounded (a division, never a multiplication by 1/6 or an FMA).
 *
 * Bound: 0 ULP (bit-identical to scalar; no worst input), checked by
 * `actent verify --exhaustive --isa avx512`. */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(hardswish, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 hardswish_v16(__m512 x)
{
    __m512 t = _mm512_add_ps(x, _mm512_set1_ps(3.0f));
    t = _mm512_min_ps(_mm512_set1_ps(6.0f), _mm512_max_ps(_mm512_setzero_ps(), t));
    __m512 p = _mm512_mul_ps(_mm512_max_ps(_mm512_set1_ps(-3.0f), x), t);
    return _mm512_div_ps(p, _mm512_set1_ps(6.0f));
}

void act_hardswish_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, hardswish_v16); }

void act_hardswish_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, hardswish_v16);
}
