/* mish_avx2.c - mish, 8 lanes, AVX2+FMA, in float32.
 *
 * Algorithm: mish_avx512.c's steps, 8 lanes, operation for operation, so the
 * same bits as the AVX-512 table: E = e^-|x|; x >= 0: x - x 2E^2 / (1 + 2E
 * (E + 1)); x < 0: x P / (s P + 2) 2^n with the numerator and denominator as
 * exact pairs and Markstein's quotient.
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs, the AVX-512 kernel's (the
 * same bits: equal digests), first reached at x = 0x1.48a61p-20. */
#include "exp_avx2.h"
#include "f32_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(mish, avx2, 2, 0x1.48a61p-20f);

static inline __m256 mish_v8(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f), two = _mm256_set1_ps(2.0f);
    const __m256 floor = _mm256_set1_ps(-120.0f);
    __m256 xc = _mm256_max_ps(floor, x);
    __m256 z = _mm256_max_ps(floor, _mm256_or_ps(xc, _mm256_set1_ps(-0.0f)));
    __m256 n, r = reduce_v8(z, &n);
    __m256 v = expm1_poly_v8(r, 1.0f);
    __m256 s = pow2_v8(_mm256_max_ps(_mm256_set1_ps(-60.0f), n));
    __m256 e = _mm256_fmadd_ps(s, v, s);
    __m256 neg = _mm256_cmp_ps(xc, _mm256_setzero_ps(), _CMP_LT_OQ);
    __m256 e2 = _mm256_add_ps(e, e);
    __m256 num_p = _mm256_mul_ps(e2, e);
    __m256 den_p = _mm256_fmadd_ps(e2, _mm256_add_ps(e, one), one);
    __m256 mh = _mm256_add_ps(one, v);
    __m256 ml = _mm256_add_ps(_mm256_sub_ps(one, mh), v);
    __m256 eh = _mm256_mul_ps(s, mh);
    __m256 th = _mm256_add_ps(eh, two);
    __m256 tl = _mm256_add_ps(_mm256_sub_ps(two, th), eh);
    __m256 pl, ph = two_prod_v8(mh, th, &pl);
    pl = _mm256_fmadd_ps(ml, _mm256_add_ps(th, eh), _mm256_fmadd_ps(mh, tl, pl));
    __m256 nl, nh = two_prod_v8(xc, ph, &nl);
    nl = _mm256_fmadd_ps(xc, pl, nl);
    __m256 b = _mm256_mul_ps(s, ph);
    __m256 dh = _mm256_add_ps(b, two);
    __m256 dl = _mm256_fmadd_ps(s, pl, _mm256_sub_ps(b, _mm256_sub_ps(dh, two)));
    __m256 den = _mm256_blendv_ps(den_p, dh, neg);
    __m256 num = _mm256_blendv_ps(num_p, nh, neg);
    __m256 y = _mm256_div_ps(one, den), q = _mm256_mul_ps(num, y);
    __m256 res = _mm256_fnmadd_ps(q, den, num);
    res = _mm256_blendv_ps(res, _mm256_add_ps(res, _mm256_fnmadd_ps(q, dl, nl)), neg);
    q = _mm256_fmadd_ps(res, y, q);
    return _mm256_blendv_ps(_mm256_fnmadd_ps(_mm256_min_ps(xc, _mm256_set1_ps(20.0f)), q, xc),
                            scale_v8(q, n), neg);
}

void act_mish_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, mish_v8); }

void act_mish_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, mish_v8);
}
