/* f32_avx512.h - the float32 steps the modern activations share (always
 * inlined), 16 lanes. Every step is an IEEE operation the AVX2 and NEON
 * headers (f32_avx2.h, f32_neon.h) repeat with the same operands in the same
 * order, so a kernel built on them gives the same bits on all three tables.
 *
 *   reduce_v16   t = n ln2 + r, |r| <= ln2/2: n by the fma shifter (the
 *                exact t log2e rounded to an integer), r by two-part ln2
 *   pow2_v16     2^k for an integer-valued k in [-126, 127], exponent bits
 *   scale_v16    a 2^k rounded once (vscalefps): a result that underflows
 *                is rounded once, into the subnormals, so the scaling of
 *                every exp is applied last
 *   recip_v16    1/b for b in [1, 2^64): vrcp14ps, one Newton step, and the
 *                rounding corrected by the exact residual (Markstein): the
 *                correctly rounded reciprocal for every float b but those
 *                whose significand is all ones, where it is an ulp low
 *                (tests/test_f32math.c checks every significand)
 *   div_v16      a/b as a * (1/b) with the exact residual a - q b fed back
 *                through that reciprocal (Markstein): IEEE division's
 *                correctly rounded quotient, as tests/test_f32math.c checks on
 *                2^20 operand pairs and the kernels' digests over all 2^32
 *                inputs, without the divider
 *   two_prod     a * b = hi + lo exactly (one FMA) */
#ifndef ACT_F32_AVX512_H
#define ACT_F32_AVX512_H

#include <immintrin.h>

#define F32_SHIFTER 0x1.8p23f /* adding it rounds |t| < 2^22 to an integer */

static inline __m512 reduce_v16(__m512 t, __m512 *n)
{
    const __m512 shift = _mm512_set1_ps(F32_SHIFTER);
    *n = _mm512_sub_ps(_mm512_fmadd_ps(t, _mm512_set1_ps(0x1.715476p+0f), shift), shift);
    __m512 r = _mm512_fmadd_ps(*n, _mm512_set1_ps(-0x1.62e4p-1f), t);
    return _mm512_fmadd_ps(*n, _mm512_set1_ps(-0x1.7f7d1cp-20f), r);
}

static inline __m512 pow2_v16(__m512 k)
{
    const __m512 shift = _mm512_set1_ps(F32_SHIFTER + 127.0f);
    __m512i bits = _mm512_castps_si512(_mm512_add_ps(k, shift));
    return _mm512_castsi512_ps(_mm512_slli_epi32(bits, 23));
}

static inline __m512 scale_v16(__m512 a, __m512 k) { return _mm512_scalef_ps(a, k); }

/* 1/b correctly rounded, b in [1, 2^64) */
static inline __m512 recip_v16(__m512 b)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    __m512 y = _mm512_rcp14_ps(b);
    y = _mm512_fmadd_ps(_mm512_fnmadd_ps(b, y, one), y, y);
    /* y is within an ulp of 1/b; the exact residual 1 - b y picks the nearer
     * (a tie, rounded to even, where b's significand is all ones) */
    return _mm512_fmadd_ps(_mm512_fnmadd_ps(b, y, one), y, y);
}

/* a / b correctly rounded, given y = recip_v16(b) */
static inline __m512 div_v16(__m512 a, __m512 b, __m512 y)
{
    __m512 q = _mm512_mul_ps(a, y);
    return _mm512_fmadd_ps(_mm512_fnmadd_ps(q, b, a), y, q);
}

static inline __m512 two_prod_v16(__m512 a, __m512 b, __m512 *lo)
{
    __m512 hi = _mm512_mul_ps(a, b);
    *lo = _mm512_fmsub_ps(a, b, hi);
    return hi;
}

#endif
