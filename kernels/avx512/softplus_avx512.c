/* softplus_avx512.c - softplus, 16 lanes, AVX-512F+FMA.
 *
 * Algorithm: softplus_avx2.c's steps widened (same bits as the AVX2 table):
 * max(x, 0) + log1p(u) with u = e^-|x| (|x| clamped to 109) from exp_avx512.h
 * scaled by 2^32 (two-part ln2), log1p(u) = u + u*u*H(u) with H the degree-8
 * minimax polynomial of softplus_avx2.c, u unscaled by the exponent bits and
 * flushed to 0 below 2^-126, the last FMA adding (us + us*u*H) * 2^-32.
 *
 * Bound: 2 ULP vs scalar over all finite floats, worst input x = 0x1.64p-19
 * (got 0x1.62e46p-1, want 0x1.62e45cp-1); measured by
 * `actent verify --exhaustive --isa avx512`, results/<machine>/verify-avx512.json. */
#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(softplus, avx512, 2, 0x1.64p-19f);

/* H(u) = (log1p(u)/u - 1)/u on [0, 1], Horner's scheme */
static inline __m512 log1p_h_v16(__m512 u)
{
    __m512 h = _mm512_set1_ps(-0x1.b2f588p-9f);
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(0x1.4b0836p-6f));
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(-0x1.d86324p-5f));
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(0x1.b579c2p-4f));
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(-0x1.3a7a82p-3f));
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(0x1.935ca0p-3f));
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(-0x1.ff26e2p-3f));
    h = _mm512_fmadd_ps(h, u, _mm512_set1_ps(0x1.554df0p-2f));
    return _mm512_fmadd_ps(h, u, _mm512_set1_ps(-0x1.ffffd2p-2f));
}

static inline __m512 softplus_v16(__m512 x)
{
    __m512 ax = _mm512_castsi512_ps(
        _mm512_andnot_si512(_mm512_set1_epi32(INT32_MIN), _mm512_castps_si512(x)));
    /* min returns its second operand for NaN, so NaN passes the clamp */
    __m512 a = _mm512_min_ps(_mm512_set1_ps(109.0f), ax);
    __m512 s;
    __m512 r = exp_reduce_v16(a, -1.0f, 127 + 32, &s);
    __m512 us = _mm512_fmadd_ps(s, expm1_poly_v16(r, -1.0f), s);
    /* u = us * 2^-32 by the exponent bits; a result below 2^-126 wraps negative, max makes it 0 */
    __m512i ub = _mm512_sub_epi32(_mm512_castps_si512(us), _mm512_set1_epi32(32 << 23));
    __m512 u = _mm512_castsi512_ps(_mm512_max_epi32(ub, _mm512_setzero_si512()));
    __m512 g = _mm512_fmadd_ps(us, _mm512_mul_ps(u, log1p_h_v16(u)), us);
    return _mm512_fmadd_ps(g, _mm512_set1_ps(0x1p-32f), _mm512_max_ps(x, _mm512_setzero_ps()));
}

void act_softplus_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, softplus_v16); }

void act_softplus_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, softplus_v16);
}
