/* mish_avx2.c - mish, 8 lanes, AVX2+FMA, in float32.
 *
 * Algorithm: mish_avx512.c's steps, 8 lanes, operation for operation (the
 * quotients q and their complements, the series near 0), so the same bits as
 * the AVX-512 table.
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs, the AVX-512 kernel's (the
 * same bits: equal digests). */
#include "exp_avx2.h"
#include "f32_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(mish, avx2, 2, 0x1.182f70p-2f);

/* mish_avx512.c's series coefficients */
static const float MISH_P[6] = {0x1.47ae12p-2f,   -0x1.0624f0p-6f, -0x1.77b3c6p-5f,
                                -0x1.8591bap-12f, 0x1.f718eap-8f,  0x1.aa7032p-11f};
#define MISH_T0_HI 0x1.333334p-1f
#define MISH_T0_LO -0x1.99999ap-26f

static inline __m256 mish_series_v8(__m256 x)
{
    __m256 p = _mm256_set1_ps(MISH_P[5]);
    for (int k = 4; k >= 0; k--)
        p = _mm256_fmadd_ps(p, x, _mm256_set1_ps(MISH_P[k]));
    __m256 w = _mm256_mul_ps(x, _mm256_fmadd_ps(x, p, _mm256_set1_ps(MISH_T0_LO)));
    return _mm256_fmadd_ps(x, _mm256_set1_ps(MISH_T0_HI), w);
}

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
    __m256 e1 = _mm256_add_ps(e, one), e2 = _mm256_add_ps(e, e);
    __m256 num = _mm256_mul_ps(e, _mm256_blendv_ps(e2, e1, neg));
    __m256 den = _mm256_blendv_ps(e2, e, neg);
    den = _mm256_fmadd_ps(den, _mm256_blendv_ps(e1, _mm256_add_ps(e, two), neg),
                          _mm256_blendv_ps(one, two, neg));
    __m256 q = _mm256_div_ps(num, den);
    __m256 w = _mm256_fmadd_ps(xc, v, xc);
    __m256 lo = scale_v8(_mm256_fnmadd_ps(w, q, w), n);
    __m256 hi = _mm256_fnmadd_ps(_mm256_min_ps(xc, _mm256_set1_ps(20.0f)), q, xc);
    __m256 far = _mm256_blendv_ps(hi, lo, neg);
    __m256 near = _mm256_cmp_ps(_mm256_andnot_ps(_mm256_set1_ps(-0.0f), x), _mm256_set1_ps(0.25f),
                                _CMP_LT_OQ);
    return _mm256_blendv_ps(far, mish_series_v8(x), near);
}

void act_mish_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, mish_v8); }

void act_mish_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, mish_v8);
}
