/* exp_avx512.h - e^x in pieces for the AVX-512 activations (always inlined).
 *
 * The steps of exp_avx2.h, 16 lanes wide, operation for operation and with the
 * same constants, so every kernel built on them gives the AVX2 table's bits:
 *
 *   m*x = n*ln2 + m*r, |r| <= ln2/2      (exp_reduce_v16 / exp_reduce_short_v16)
 *   s   = 2^(n + bias - 127)              (exponent bits built from n directly)
 *   v   = e^(m*r) - 1                     (expm1_poly_v16, relative error 2^-26)
 *
 * so e^(m*x) = 2^(127 - bias) * (s + s*v), one fused multiply-add, and
 * e^(m*x) - 1 = s*v + (s - 1). See exp_avx2.h for why each step is exact where
 * it says so. (vscalefps or a 2^(k/32) table through vpermt2ps would save one
 * or two operations but change the bits; the kernels here keep the AVX2 bits.) */
#ifndef ACT_EXP_AVX512_H
#define ACT_EXP_AVX512_H

#include <immintrin.h>

/* 1.5 * 2^23: adding it rounds a float of magnitude < 2^22 to an integer and
 * leaves that integer in the low mantissa bits */
#define EXP_SHIFTER_V16 0x1.8p23f

static inline __m512 exp_split_v16(__m512 x, float m, int bias, __m512 *s)
{
    const __m512 shift = _mm512_set1_ps(EXP_SHIFTER_V16 + (float)bias);
    __m512 t = _mm512_fmadd_ps(x, _mm512_set1_ps(m * 0x1.715476p+0f), shift);
    *s = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_castps_si512(t), 23));
    return _mm512_sub_ps(t, shift);
}

/* two-part ln2 (Cody-Waite), as exp_reduce_v8 */
static inline __m512 exp_reduce_v16(__m512 x, float m, int bias, __m512 *s)
{
    __m512 n = exp_split_v16(x, m, bias, s);
    __m512 r = _mm512_fmadd_ps(n, _mm512_set1_ps(-m * 0x1.62e4p-1f), x);
    return _mm512_fmadd_ps(n, _mm512_set1_ps(-m * 0x1.7f7d1cp-20f), r);
}

/* one-step reduction, as exp_reduce_short_v8 */
static inline __m512 exp_reduce_short_v16(__m512 x, float m, int bias, __m512 *s)
{
    __m512 n = exp_split_v16(x, m, bias, s);
    return _mm512_fmadd_ps(n, _mm512_set1_ps(-m * 0x1.62e43p-1f), x);
}

/* e^(m*r) - 1, the degree-4 polynomial of expm1_poly_v8, evaluated in the same order */
static inline __m512 expm1_poly_v16(__m512 r, float m)
{
    __m512 r2 = _mm512_mul_ps(r, r);
    __m512 lo =
        _mm512_fmadd_ps(_mm512_set1_ps(m * 0x1.5554b0p-3f), r, _mm512_set1_ps(0x1.fffffep-2f));
    __m512 hi =
        _mm512_fmadd_ps(_mm512_set1_ps(m * 0x1.122768p-7f), r, _mm512_set1_ps(0x1.555674p-5f));
    hi = _mm512_fmadd_ps(_mm512_set1_ps(0x1.6bec08p-10f), r2, hi);
    __m512 p = _mm512_fmadd_ps(hi, r2, lo);
    return m > 0 ? _mm512_fmadd_ps(r2, p, r) : _mm512_fmsub_ps(r2, p, r);
}

/* e^-a for a >= 0. a is clamped at 87, where e^-a is still normal (s =
 * 2^n with n >= -126): a term that small changes a sum >= 1 by nothing. */
static inline __m512 exp_neg_v16(__m512 a)
{
    a = _mm512_min_ps(a, _mm512_set1_ps(87.0f));
    __m512 s;
    __m512 r = exp_reduce_short_v16(a, -1.0f, 127, &s);
    __m512 v = expm1_poly_v16(r, -1.0f);
    return _mm512_fmadd_ps(s, v, s);
}

#endif
