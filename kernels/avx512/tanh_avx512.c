/* tanh_avx512.c - tanh, 16 lanes, AVX-512F+FMA.
 *
 * Algorithm: tanh_avx2.c's steps widened (same bits as the AVX2 table):
 * tanh(a) = (1 - E) / (1 + E) with a = |x| clamped to 9.1, E = e^-2a = s*(1 + v)
 * (exp_avx512.h, one-step ln2), numerator and denominator one FMA each, one
 * division, x's sign put back with one vpternlogd (exactly odd; -0.0 stays).
 *
 * Bound: 2 ULP vs scalar over all finite floats, worst input x = 0x1.f86d5ep-7
 * (got 0x1.f8632ep-7, want 0x1.f8632ap-7); measured by
 * `actent verify --exhaustive --isa avx512`, results/<machine>/verify-avx512.json. */
#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(tanh, avx512, 2, 0x1.f86d5ep-7f);

static inline __m512 tanh_v16(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    const __m512i sign = _mm512_set1_epi32(INT32_MIN);
    __m512 ax = _mm512_castsi512_ps(_mm512_andnot_si512(sign, _mm512_castps_si512(x)));
    /* min returns its second operand for NaN, so NaN passes the clamp */
    __m512 a = _mm512_min_ps(_mm512_set1_ps(9.1f), ax);
    __m512 s;
    __m512 r = exp_reduce_short_v16(_mm512_add_ps(a, a), -1.0f, 127, &s);
    __m512 v = expm1_poly_v16(r, -1.0f);
    __m512 num = _mm512_fnmadd_ps(s, v, _mm512_sub_ps(one, s));
    __m512 den = _mm512_fmadd_ps(s, v, _mm512_add_ps(one, s));
    __m512i t = _mm512_castps_si512(_mm512_div_ps(num, den));
    /* t | (x & sign): 0xf8 = A | (B & C) */
    return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(t, _mm512_castps_si512(x), sign, 0xf8));
}

void act_tanh_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, tanh_v16); }

void act_tanh_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, tanh_v16);
}
