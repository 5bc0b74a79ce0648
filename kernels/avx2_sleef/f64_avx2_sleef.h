/* f64_avx2_sleef.h - the four modern activations in double on SLEEF's
 * double-precision vector functions (u10, u15), 4 lanes per half, each result
 * rounded once to float32 (always inlined).
 *
 * gelu, gelu_tanh, silu and mish are ill-conditioned in their negative tails
 * (x e^-g(x) with g up to 110): SLEEF's float32 functions on a float32
 * argument miss by up to 214 ulp there, magnifying the argument's own
 * rounding. In double the scalar reference's formulas (kernels/scalar/) hold
 * 2^-50 before the one rounding, so the float32 result is within an ulp. */
#ifndef ACT_F64_AVX2_SLEEF_H
#define ACT_F64_AVX2_SLEEF_H

#include <immintrin.h>
#include <sleef.h>

typedef __m256d (*act_body_f64x4)(__m256d);

/* f applied to each half of x in double, each result rounded once */
static inline __attribute__((always_inline)) __m256 f64_map_v8(__m256 x, act_body_f64x4 f)
{
    __m256d lo = f(_mm256_cvtps_pd(_mm256_castps256_ps128(x)));
    __m256d hi = f(_mm256_cvtps_pd(_mm256_extractf128_ps(x, 1)));
    return _mm256_set_m128(_mm256_cvtpd_ps(hi), _mm256_cvtpd_ps(lo));
}

/* max(a, x) that keeps a NaN x (maxpd returns its second operand for NaN) */
static inline __m256d hold_f64x4(__m256d x, double a)
{
    return _mm256_max_pd(_mm256_set1_pd(a), x);
}

/* 0.5 x erfc(-x / sqrt 2), x held at -40 (gelu(-inf) = -0) */
static inline __m256d gelu_f64x4(__m256d x)
{
    x = hold_f64x4(x, -40.0);
    __m256d e = Sleef_erfcd4_u15avx2(_mm256_mul_pd(x, _mm256_set1_pd(-0.70710678118654752440)));
    return _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.5), x), e);
}

/* x / (1 + e^-2u), u = sqrt(2/pi) (c + 0.044715 c^3), c = x held to [-100, 100] */
static inline __m256d gelu_tanh_f64x4(__m256d x)
{
    __m256d c = _mm256_min_pd(_mm256_set1_pd(100.0), hold_f64x4(x, -100.0));
    __m256d u = _mm256_mul_pd(
        _mm256_set1_pd(0.79788456080286535588),
        _mm256_fmadd_pd(_mm256_mul_pd(_mm256_set1_pd(0.044715), c), _mm256_mul_pd(c, c), c));
    __m256d e = Sleef_expd4_u10avx2(_mm256_mul_pd(_mm256_set1_pd(-2.0), u));
    return _mm256_div_pd(hold_f64x4(x, -100.0), _mm256_add_pd(_mm256_set1_pd(1.0), e));
}

/* x / (1 + e^-x), x held at -800 (where it is -0 in float32) */
static inline __m256d silu_f64x4(__m256d x)
{
    x = hold_f64x4(x, -800.0);
    __m256d e = Sleef_expd4_u10avx2(_mm256_sub_pd(_mm256_setzero_pd(), x));
    return _mm256_div_pd(x, _mm256_add_pd(_mm256_set1_pd(1.0), e));
}

/* x tanh(max(x, 0) + ln(1 + e^-|x|)), x held at -800 */
static inline __m256d mish_f64x4(__m256d x)
{
    x = hold_f64x4(x, -800.0);
    __m256d ax = _mm256_andnot_pd(_mm256_set1_pd(-0.0), x);
    __m256d sp = _mm256_add_pd(
        _mm256_max_pd(x, _mm256_setzero_pd()),
        Sleef_log1pd4_u10avx2(Sleef_expd4_u10avx2(_mm256_sub_pd(_mm256_setzero_pd(), ax))));
    return _mm256_mul_pd(x, Sleef_tanhd4_u10avx2(sp));
}

#endif
