/* f64_avx512.h - activations evaluated in double, 8 lanes at a time, and
 * rounded once to float32 (always inlined).
 *
 * The steps of kernels/avx2/f64_avx2.h (which says why these activations are
 * computed in double), 8 double lanes wide, operation for operation and with
 * the same constants: every step is an IEEE operation in round-to-nearest, so
 * the kernels built on them give the AVX2 table's bits. Sign-bit blends read
 * the sign through vpmovq2m instead of vblendvpd (same lanes picked). */
#ifndef ACT_F64_AVX512_H
#define ACT_F64_AVX512_H

#include <immintrin.h>

typedef __m512d (*act_body_f64x8)(__m512d);

/* f applied to each half of x in double, each result rounded once */
static inline __attribute__((always_inline)) __m512 f64_map_v16(__m512 x, act_body_f64x8 f)
{
    __m512d lo = f(_mm512_cvtps_pd(_mm512_castps512_ps256(x)));
    __m512d hi = f(_mm512_cvtps_pd(_mm512_extractf32x8_ps(x, 1)));
    return _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(lo)), _mm512_cvtpd_ps(hi), 1);
}

/* lanes whose sign bit is set (NaN included, as vblendvpd reads it) */
static inline __mmask8 sign_mask_f64x8(__m512d v)
{
    return _mm512_movepi64_mask(_mm512_castpd_si512(v));
}

/* e^y for y in [-1000, 700] (callers clamp), relative error 2^-31: exp_f64x4's
 * steps (two-part ln2, Taylor polynomial of degree 8, 2^n into the exponent) */
static inline __m512d exp_f64x8(__m512d y)
{
    const __m512d shift = _mm512_set1_pd(0x1.8p52);
    __m512d t = _mm512_fmadd_pd(y, _mm512_set1_pd(0x1.71547652b82fep+0), shift);
    __m512d n = _mm512_sub_pd(t, shift);
    __m512d r = _mm512_fnmadd_pd(n, _mm512_set1_pd(0x1.62e42feep-1), y);
    r = _mm512_fnmadd_pd(n, _mm512_set1_pd(0x1.a39ef35793c76p-33), r);
    __m512d p = _mm512_set1_pd(1.0 / 40320);
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 5040));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 720));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 120));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 24));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 6));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(0.5));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0));
    __m512i e = _mm512_slli_epi64(_mm512_castpd_si512(t), 52);
    return _mm512_castsi512_pd(_mm512_add_epi64(_mm512_castpd_si512(p), e));
}

/* 1/d for d within float32's normal range: a float32 division (2^-23), then one
 * Newton step in double (2^-46); recip_f64x4's steps */
static inline __m512d recip_f64x8(__m512d d)
{
    __m256 f = _mm256_div_ps(_mm256_set1_ps(1.0f), _mm512_cvtpd_ps(d));
    __m512d i = _mm512_cvtps_pd(f);
    __m512d e = _mm512_fnmadd_pd(d, i, _mm512_set1_pd(1.0));
    return _mm512_fmadd_pd(i, e, i);
}

/* sigmoid(z) for z in [-200, 200]: P = e^-|z| <= 1, so 1/(1 + P) for z >= 0
 * and P/(1 + P) for z < 0 (sign bit set: -0 gives 1/2 either way) */
static inline __m512d sigmoid_f64x8(__m512d z)
{
    __m512d p = exp_f64x8(_mm512_or_pd(z, _mm512_set1_pd(-0.0)));
    __m512d i = recip_f64x8(_mm512_add_pd(p, _mm512_set1_pd(1.0)));
    return _mm512_mask_blend_pd(sign_mask_f64x8(z), i, _mm512_mul_pd(p, i));
}

/* min(hi, max(lo, x)); max and min return their second operand for NaN, so NaN passes */
static inline __m512d clamp_f64x8(__m512d x, double lo, double hi)
{
    return _mm512_min_pd(_mm512_set1_pd(hi), _mm512_max_pd(_mm512_set1_pd(lo), x));
}

#endif
