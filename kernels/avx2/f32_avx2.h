/* f32_avx2.h - the float32 steps the modern activations share (always
 * inlined), 8 lanes: kernels/avx512/f32_avx512.h's operations with the same
 * operands in the same order, so every kernel built on them gives the
 * AVX-512 table's bits.
 *
 *   reduce_v8    t = n ln2 + r: n by the fma shifter, r by two-part ln2
 *   pow2_v8      2^k for an integer-valued k in [-126, 127], exponent bits
 *   scale_v8     a 2^k rounded once, as vscalefps, for k in [-190, 127] and
 *                a 2^(k + 100) normal whenever k < -100 (every caller's
 *                |a| >= 2^-10 there): k < -100 goes as a 2^(k + 100) (exact)
 *                times 2^-100 (the one rounding)
 *   recip_v8     1/b for b in [1, 2^64): vrcpps (12 bits), two Newton steps,
 *                Markstein's correction: recip_v16's result (tests/test_f32math.c)
 *   div_v8       a/b correctly rounded, given recip_v8(b)
 *   two_prod_v8  a * b = hi + lo exactly */
#ifndef ACT_F32_AVX2_H
#define ACT_F32_AVX2_H

#include <immintrin.h>

#define F32_SHIFTER 0x1.8p23f

static inline __m256 reduce_v8(__m256 t, __m256 *n)
{
    const __m256 shift = _mm256_set1_ps(F32_SHIFTER);
    *n = _mm256_sub_ps(_mm256_fmadd_ps(t, _mm256_set1_ps(0x1.715476p+0f), shift), shift);
    __m256 r = _mm256_fmadd_ps(*n, _mm256_set1_ps(-0x1.62e4p-1f), t);
    return _mm256_fmadd_ps(*n, _mm256_set1_ps(-0x1.7f7d1cp-20f), r);
}

static inline __m256 pow2_v8(__m256 k)
{
    const __m256 shift = _mm256_set1_ps(F32_SHIFTER + 127.0f);
    __m256i bits = _mm256_castps_si256(_mm256_add_ps(k, shift));
    return _mm256_castsi256_ps(_mm256_slli_epi32(bits, 23));
}

static inline __m256 scale_v8(__m256 a, __m256 k)
{
    const __m256 lim = _mm256_set1_ps(-100.0f);
    __m256 low = _mm256_cmp_ps(k, lim, _CMP_LT_OQ);
    __m256 k1 = _mm256_sub_ps(k, _mm256_and_ps(low, lim));
    __m256 s2 = _mm256_blendv_ps(_mm256_set1_ps(1.0f), _mm256_set1_ps(0x1p-100f), low);
    return _mm256_mul_ps(_mm256_mul_ps(a, pow2_v8(k1)), s2);
}

static inline __m256 recip_v8(__m256 b)
{
    const __m256 one = _mm256_set1_ps(1.0f);
    __m256 y = _mm256_rcp_ps(b);
    y = _mm256_fmadd_ps(_mm256_fnmadd_ps(b, y, one), y, y);
    y = _mm256_fmadd_ps(_mm256_fnmadd_ps(b, y, one), y, y);
    return _mm256_fmadd_ps(_mm256_fnmadd_ps(b, y, one), y, y);
}

static inline __m256 div_v8(__m256 a, __m256 b, __m256 y)
{
    __m256 q = _mm256_mul_ps(a, y);
    return _mm256_fmadd_ps(_mm256_fnmadd_ps(q, b, a), y, q);
}

static inline __m256 two_prod_v8(__m256 a, __m256 b, __m256 *lo)
{
    __m256 hi = _mm256_mul_ps(a, b);
    *lo = _mm256_fmsub_ps(a, b, hi);
    return hi;
}

#endif
