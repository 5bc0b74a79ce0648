/* silu_avx512.c - silu (swish), 16 lanes, AVX-512F+FMA, in float32.
 *
 * Algorithm: with z = -|x| and e = e^z = 2^n (1 + v) (f32_avx512.h's
 * reduction, exp_avx512.h's e^r - 1 to 2^-26) and s = 2^n held at 2^-60 (1 +
 * e rounds to 1 long before), silu = x / (1 + e) for x >= 0 and x e / (1 + e)
 * for x < 0, where the numerator x (1 + v) is one FMA and 2^n is applied
 * last, so results in the subnormals round once. 1 + e is an exact pair dh +
 * dl (Fast2Sum) and the quotient Markstein's: y = RN(1/dh) (one division), q
 * = num y, corrected by the exact residual num - q dh less q dl. x is held at
 * -120, where silu rounds to -0, so silu(-inf) = -0; above 120 silu(x) = x.
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs (1168 inputs at 2), first
 * reached at x = -0x1.26ac78p-2 (got -0x1.f9215ap-4, want -0x1.f9215ep-4); measured by
 * `actent verify --exhaustive --isa avx512 --activations silu` (AMD EPYC,
 * Zen 5); avx2 and neon give the same bits (their digests equal avx512's). */
#include "exp_avx512.h"
#include "f32_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(silu, avx512, 2, -0x1.26ac78p-2f);

static inline __m512 silu_v16(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f), floor = _mm512_set1_ps(-120.0f);
    /* max returns its second operand for NaN: NaN passes both holds */
    __m512 xc = _mm512_max_ps(floor, x);
    __m512 z = _mm512_max_ps(floor, _mm512_or_ps(xc, _mm512_set1_ps(-0.0f)));
    __m512 n, r = reduce_v16(z, &n);
    __m512 v = expm1_poly_v16(r, 1.0f);
    __m512 s = pow2_v16(_mm512_max_ps(_mm512_set1_ps(-60.0f), n));
    /* 1 + e = dh + dl exactly (Fast2Sum: e <= 1) */
    __m512 e = _mm512_fmadd_ps(s, v, s);
    __m512 dh = _mm512_add_ps(one, e);
    __m512 dl = _mm512_add_ps(_mm512_sub_ps(one, dh), e);
    __mmask16 neg = _mm512_cmp_ps_mask(xc, _mm512_setzero_ps(), _CMP_LT_OQ);
    __m512 num = _mm512_mask_fmadd_ps(xc, neg, v, xc);
    /* Markstein: y = RN(1/dh), q = num y, plus the residual num - q dh
     * (exact) - q dl, times y */
    __m512 y = _mm512_div_ps(one, dh), q = _mm512_mul_ps(num, y);
    __m512 res = _mm512_fnmadd_ps(q, dl, _mm512_fnmadd_ps(q, dh, num));
    q = _mm512_fmadd_ps(res, y, q);
    q = _mm512_mask_scalef_ps(q, neg, q, n);
    /* above 120 the result is x: inf would make the residual inf - inf */
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_set1_ps(120.0f), _CMP_GT_OQ), q, x);
}

void act_silu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, silu_v16); }

void act_silu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, silu_v16);
}
