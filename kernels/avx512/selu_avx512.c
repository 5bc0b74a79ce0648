/* selu_avx512.c - selu, 16 lanes, AVX-512F+FMA.
 *
 * Algorithm: selu_avx2.c's steps widened (same bits as the AVX2 table):
 * x > 0: scale * x; otherwise (sa*s)*v + sa*(s - 1) with sa = scale * alpha and
 * e^x = s*(1 + v) from exp_avx512.h (x clamped to -30, one-step ln2). The
 * select takes x's sign bit into a mask register (vpmovd2m).
 *
 * Bound: 2 ULP vs scalar over all finite floats, worst input x = -0x1.00003p-23
 * (got -0x1.c2131cp-23, want -0x1.c2132p-23); measured by
 * `actent verify --exhaustive --isa avx512`, results/<machine>/verify-avx512.json. */
#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(selu, avx512, 2, -0x1.00003p-23f);

static inline __m512 selu_v16(__m512 x)
{
    /* scale = 1.0507009873554805 and sa = scale * 1.6732632423543772, rounded to float */
    const __m512 scale = _mm512_set1_ps(0x1.0cfabep+0f), sa = _mm512_set1_ps(0x1.c212ccp+0f);
    /* max returns its second operand for NaN, so NaN passes the clamp */
    __m512 z = _mm512_max_ps(_mm512_set1_ps(-30.0f), x);
    __m512 s;
    __m512 r = exp_reduce_short_v16(z, 1.0f, 127, &s);
    __m512 v = expm1_poly_v16(r, 1.0f);
    __m512 neg = _mm512_fmadd_ps(_mm512_mul_ps(s, sa), v, _mm512_fmsub_ps(s, sa, sa));
    __mmask16 sgn = _mm512_movepi32_mask(_mm512_castps_si512(x));
    return _mm512_mask_blend_ps(sgn, _mm512_mul_ps(x, scale), neg);
}

void act_selu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, selu_v16); }

void act_selu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, selu_v16);
}
