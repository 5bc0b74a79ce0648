/* exp_avx2.h - e^x in pieces, shared by the AVX2 activations (always inlined).
 *
 * Every caller needs e^(m*x) for m = +1 or -1 in a form it can fold into its
 * own last steps without an extra rounding, so nothing here returns e^x:
 *
 *   m*x = n*ln2 + m*r, |r| <= ln2/2      (exp_reduce_v8 / exp_reduce_short_v8)
 *   s   = 2^(n + bias - 127)              (exponent bits built from n directly)
 *   v   = e^(m*r) - 1                     (expm1_poly_v8, relative error 2^-26)
 *
 * so e^(m*x) = 2^(127 - bias) * (s + s*v), one fused multiply-add, and
 * e^(m*x) - 1 = s*v + (s - 1) keeps full relative accuracy near 0 (s - 1 is
 * exact while n >= -24). `bias` lets a caller keep s normal where e^(m*x)
 * itself would be subnormal or overflow; each caller clamps x so that
 * n + bias stays in [1, 254] and says where. NaN in x gives NaN in r and v,
 * so any result built as s*v + ... is NaN; s itself is then meaningless. */
#ifndef ACT_EXP_AVX2_H
#define ACT_EXP_AVX2_H

#include <immintrin.h>

/* 1.5 * 2^23: adding it rounds a float of magnitude < 2^22 to an integer and
 * leaves that integer in the low mantissa bits */
#define EXP_SHIFTER 0x1.8p23f

/* n = round(m*x*log2(e)) via the shifter; *s = 2^(n + bias - 127) from its
 * low bits shifted into the exponent field; returns n as a float */
static inline __m256 exp_split_v8(__m256 x, float m, int bias, __m256 *s)
{
    const __m256 shift = _mm256_set1_ps(EXP_SHIFTER + (float)bias);
    __m256 t = _mm256_fmadd_ps(x, _mm256_set1_ps(m * 0x1.715476p+0f), shift);
    *s = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(t), 23));
    return _mm256_sub_ps(t, shift);
}

/* r = x - n*ln2/m with ln2 in two parts (Cody-Waite): n*ln2_hi is exact (the
 * high part has 15 significant bits and |n| < 2^8), and so is x - n*ln2_hi;
 * only the last step rounds. For callers whose result keeps e^(m*x)'s
 * relative error for large |n| (sigmoid and softplus tails, n up to 158). */
static inline __m256 exp_reduce_v8(__m256 x, float m, int bias, __m256 *s)
{
    __m256 n = exp_split_v8(x, m, bias, s);
    __m256 r = _mm256_fmadd_ps(n, _mm256_set1_ps(-m * 0x1.62e4p-1f), x);
    return _mm256_fmadd_ps(n, _mm256_set1_ps(-m * 0x1.7f7d1cp-20f), r);
}

/* One step with ln2 rounded to float (0x1.62e43p-1, 1.9e-9 too large): the
 * reduced argument is off by n*1.9e-9, so e^(m*x) is off by that relatively.
 * Enough where the result damps that error by e^(m*x) while |n| grows:
 * e^x - 1 for x <= 0 and tanh from e^-2|x|, both within 2^-27 of the result
 * (worst at n = -1). */
static inline __m256 exp_reduce_short_v8(__m256 x, float m, int bias, __m256 *s)
{
    __m256 n = exp_split_v8(x, m, bias, s);
    return _mm256_fmadd_ps(n, _mm256_set1_ps(-m * 0x1.62e43p-1f), x);
}

/* e^(m*r) - 1 = m*r + r^2 * P(m*r) for |r| <= ln2/2 (+ the reduction's slack).
 * P: degree-4 minimax fit of (e^r - 1 - r) / r^2 weighted for the relative
 * error of e^r - 1 (Remez, 2^-26.2 before float rounding of the
 * coefficients). Odd coefficients change sign with m. Evaluated as
 * (c1 + c2 r) + r^2 ((c3 + c4 r) + c5 r^2): the same six operations as
 * Horner's scheme in a 16-cycle chain instead of 20. */
static inline __m256 expm1_poly_v8(__m256 r, float m)
{
    __m256 r2 = _mm256_mul_ps(r, r);
    __m256 lo =
        _mm256_fmadd_ps(_mm256_set1_ps(m * 0x1.5554b0p-3f), r, _mm256_set1_ps(0x1.fffffep-2f));
    __m256 hi =
        _mm256_fmadd_ps(_mm256_set1_ps(m * 0x1.122768p-7f), r, _mm256_set1_ps(0x1.555674p-5f));
    hi = _mm256_fmadd_ps(_mm256_set1_ps(0x1.6bec08p-10f), r2, hi);
    __m256 p = _mm256_fmadd_ps(hi, r2, lo);
    return m > 0 ? _mm256_fmadd_ps(r2, p, r) : _mm256_fmsub_ps(r2, p, r);
}

/* e^-a for a >= 0. a is clamped at 87, where e^-a is still normal (s =
 * 2^n with n >= -126): a term that small changes a sum >= 1 by nothing. */
static inline __m256 exp_neg_v8(__m256 a)
{
    a = _mm256_min_ps(a, _mm256_set1_ps(87.0f));
    __m256 s;
    __m256 r = exp_reduce_short_v8(a, -1.0f, 127, &s);
    __m256 v = expm1_poly_v8(r, -1.0f);
    return _mm256_fmadd_ps(s, v, s);
}

#endif
