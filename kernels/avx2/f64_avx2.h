/* f64_avx2.h - activations evaluated in double, 4 lanes at a time, and rounded
 * once to float32 (always inlined).
 *
 * gelu, gelu_tanh, silu and mish are ill-conditioned where they matter: the
 * negative tails are x * e^(-g(x)) with g up to 140, so an error of one float
 * ulp in g's argument is 100 ulp in the result, and the minimax polynomials
 * that would hold 2 ulp in float32 leave no margin. In double the same steps
 * are exact enough (2^-29 relative before the final rounding) that the float32
 * result is within 1 ulp of the reference, with no scaling tricks for
 * subnormal results: the one conversion rounds straight into them.
 *
 * Every step is an IEEE operation (add, multiply, FMA, divide, conversions in
 * round-to-nearest), so kernels/neon/f64_neon.h, taking the same steps, gives
 * the same bits. No lookup tables, no approximate reciprocals. */
#ifndef ACT_F64_AVX2_H
#define ACT_F64_AVX2_H

#include <immintrin.h>

typedef __m256d (*act_body_f64x4)(__m256d);

/* f applied to each half of x in double, each result rounded once */
static inline __attribute__((always_inline)) __m256 f64_map_v8(__m256 x, act_body_f64x4 f)
{
    __m256d lo = f(_mm256_cvtps_pd(_mm256_castps256_ps128(x)));
    __m256d hi = f(_mm256_cvtps_pd(_mm256_extractf128_ps(x, 1)));
    return _mm256_set_m128(_mm256_cvtpd_ps(hi), _mm256_cvtpd_ps(lo));
}

/* e^y for y in [-1000, 700] (callers clamp), relative error 2^-31:
 * y = n*ln2 + r with ln2 in two parts (fdlibm's: n*ln2_hi is exact for
 * |n| < 2^21), e^r by its Taylor polynomial of degree 8 on |r| <= ln2/2
 * (truncation 2^-32), 2^n added to the exponent bits. n comes from the
 * shifter 1.5*2^52, whose low 12 mantissa bits then hold n mod 2^12. */
static inline __m256d exp_f64x4(__m256d y)
{
    const __m256d shift = _mm256_set1_pd(0x1.8p52);
    __m256d t = _mm256_fmadd_pd(y, _mm256_set1_pd(0x1.71547652b82fep+0), shift);
    __m256d n = _mm256_sub_pd(t, shift);
    __m256d r = _mm256_fnmadd_pd(n, _mm256_set1_pd(0x1.62e42feep-1), y);
    r = _mm256_fnmadd_pd(n, _mm256_set1_pd(0x1.a39ef35793c76p-33), r);
    __m256d p = _mm256_set1_pd(1.0 / 40320);
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 5040));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 720));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 120));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 24));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 6));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0.5));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
    __m256i e = _mm256_slli_epi64(_mm256_castpd_si256(t), 52);
    return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(p), e));
}

/* 1/d for d within float32's normal range: a float32 division (2^-23), then one
 * Newton step in double (2^-46) */
static inline __m256d recip_f64x4(__m256d d)
{
    __m128 f = _mm_div_ps(_mm_set1_ps(1.0f), _mm256_cvtpd_ps(d));
    __m256d i = _mm256_cvtps_pd(f);
    __m256d e = _mm256_fnmadd_pd(d, i, _mm256_set1_pd(1.0));
    return _mm256_fmadd_pd(i, e, i);
}

/* sigmoid(z) for z in [-200, 200]: P = e^-|z| <= 1, so 1/(1 + P) for z >= 0
 * and P/(1 + P) for z < 0 (sign bit set: -0 gives 1/2 either way) */
static inline __m256d sigmoid_f64x4(__m256d z)
{
    __m256d p = exp_f64x4(_mm256_or_pd(z, _mm256_set1_pd(-0.0)));
    __m256d i = recip_f64x4(_mm256_add_pd(p, _mm256_set1_pd(1.0)));
    return _mm256_blendv_pd(i, _mm256_mul_pd(p, i), z);
}

/* min(hi, max(lo, x)); max and min return their second operand for NaN, so NaN passes */
static inline __m256d clamp_f64x4(__m256d x, double lo, double hi)
{
    return _mm256_min_pd(_mm256_set1_pd(hi), _mm256_max_pd(_mm256_set1_pd(lo), x));
}

#endif
