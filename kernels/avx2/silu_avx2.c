/* silu_avx2.c - silu (swish), 8 lanes, AVX2+FMA, in float32.
 *
 * Algorithm: silu_avx512.c's steps, 8 lanes, operation for operation
 * (f32_avx2.h repeats f32_avx512.h; the scaling by 2^n through scale_v8),
 * so the same bits as the AVX-512 table.
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs, the AVX-512 kernel's (the
 * same bits: equal digests), first reached at x = -0x1.26ac78p-2. */
#include "exp_avx2.h"
#include "f32_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(silu, avx2, 2, -0x1.26ac78p-2f);

static inline __m256 silu_v8(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f), floor = _mm256_set1_ps(-120.0f);
    /* max returns its second operand for NaN: NaN passes both holds */
    __m256 xc = _mm256_max_ps(floor, x);
    __m256 z = _mm256_max_ps(floor, _mm256_or_ps(xc, _mm256_set1_ps(-0.0f)));
    __m256 n, r = reduce_v8(z, &n);
    __m256 v = expm1_poly_v8(r, 1.0f);
    __m256 s = pow2_v8(_mm256_max_ps(_mm256_set1_ps(-60.0f), n));
    __m256 e = _mm256_fmadd_ps(s, v, s);
    __m256 dh = _mm256_add_ps(one, e);
    __m256 dl = _mm256_add_ps(_mm256_sub_ps(one, dh), e);
    __m256 neg = _mm256_cmp_ps(xc, _mm256_setzero_ps(), _CMP_LT_OQ);
    __m256 num = _mm256_blendv_ps(xc, _mm256_fmadd_ps(xc, v, xc), neg);
    __m256 y = _mm256_div_ps(one, dh), q = _mm256_mul_ps(num, y);
    __m256 res = _mm256_fnmadd_ps(q, dl, _mm256_fnmadd_ps(q, dh, num));
    q = _mm256_fmadd_ps(res, y, q);
    q = _mm256_blendv_ps(q, scale_v8(q, n), neg);
    return _mm256_blendv_ps(q, x, _mm256_cmp_ps(x, _mm256_set1_ps(120.0f), _CMP_GT_OQ));
}

void act_silu_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, silu_v8); }

void act_silu_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, silu_v8);
}
