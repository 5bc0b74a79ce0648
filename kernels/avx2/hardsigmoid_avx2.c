/* hardsigmoid_avx2.c - PyTorch's hardsigmoid, 8 lanes, bit-identical to
 * scalar: t = x + 3 rounded, clamped to [0, 6] (maxps then minps with t
 * second, so NaN passes), then t / 6 correctly rounded by hardswish_avx512.c's
 * Markstein correction, the divider only for lanes with t below 2^-120 (zero
 * included) or NaN. Bit-identical over all 2^32 inputs (actent verify
 * --exhaustive; scripts/check_torch_steps.py against PyTorch). */
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(hardsigmoid, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 hardsigmoid_v8(__m256 x)
{
    __m256 t = _mm256_add_ps(x, _mm256_set1_ps(3.0f));
    t = _mm256_min_ps(_mm256_set1_ps(6.0f), _mm256_max_ps(_mm256_setzero_ps(), t));
    const __m256 sixth = _mm256_set1_ps(0x1.555556p-3f), six = _mm256_set1_ps(6.0f);
    __m256 q = _mm256_mul_ps(t, sixth);
    q = _mm256_fmadd_ps(_mm256_fnmadd_ps(q, six, t), sixth, q);
    __m256 ok = _mm256_cmp_ps(t, _mm256_set1_ps(0x1p-120f), _CMP_GE_OQ);
    if (__builtin_expect(_mm256_movemask_ps(ok) != 0xff, 0))
        q = _mm256_blendv_ps(_mm256_div_ps(t, six), q, ok);
    return q;
}

void act_hardsigmoid_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, hardsigmoid_v8); }

void act_hardsigmoid_hist_avx2(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, hardsigmoid_v8);
}
