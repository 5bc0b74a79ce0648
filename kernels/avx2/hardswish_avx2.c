/* hardswish_avx2.c - hardswish, 8 lanes, bit-identical to scalar.
 * PyTorch's float32 steps, as kernels/scalar/hardswish_scalar.c: t = x + 3
 * rounded, clamped to [0, 6] (maxps then minps with t second, so NaN passes
 * and the clamp is the scalar's comparisons), p = max(x, -3) * t rounded, then
 * p / 6 correctly rounded, by hardswish_avx512.c's Markstein correction (the
 * divider only for lanes out of its range). Below -3, t = 0 and the product
 * is -0 whatever x is, -inf included. Bit-identical over all 2^32 inputs. */
#include <float.h>

#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(hardswish, avx2, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m256 hardswish_v8(__m256 x)
{
    __m256 t = _mm256_add_ps(x, _mm256_set1_ps(3.0f));
    t = _mm256_min_ps(_mm256_set1_ps(6.0f), _mm256_max_ps(_mm256_setzero_ps(), t));
    __m256 p = _mm256_mul_ps(_mm256_max_ps(_mm256_set1_ps(-3.0f), x), t);
    /* p / 6 as hardswish_avx512.c: Markstein's correction by RN(1/6), the
     * divider for |p| < 2^-120, infinities and NaN (never for ordinary data) */
    const __m256 sixth = _mm256_set1_ps(0x1.555556p-3f), six = _mm256_set1_ps(6.0f);
    __m256 q = _mm256_mul_ps(p, sixth);
    q = _mm256_fmadd_ps(_mm256_fnmadd_ps(q, six, p), sixth, q);
    __m256 ap = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), p);
    __m256 ok = _mm256_and_ps(_mm256_cmp_ps(ap, _mm256_set1_ps(0x1p-120f), _CMP_GE_OQ),
                              _mm256_cmp_ps(ap, _mm256_set1_ps(FLT_MAX), _CMP_LE_OQ));
    if (__builtin_expect(_mm256_movemask_ps(ok) != 0xff, 0))
        q = _mm256_blendv_ps(_mm256_div_ps(p, six), q, ok);
    return q;
}

void act_hardswish_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, hardswish_v8); }

void act_hardswish_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, hardswish_v8);
}
