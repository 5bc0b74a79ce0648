/* gelu_tanh_avx512.c - gelu, tanh approximation, 16 lanes, AVX-512F/DQ+FMA,
 * in float32.
 *
 * Algorithm: 0.5 x (1 + tanh u) = x / (1 + e^-v), v = 2u = x (K1 + K3 x^2),
 * K1 = 2 sqrt(2/pi), K3 = 0.044715 K1. The tail needs v to about 2^-31
 * relative (near |v| = 87 the result is e^v: its relative error is v's
 * absolute one), so v is a float pair vh + vl: x^2 and the products split
 * exactly by FMAs, K1 and K3 as pairs, the sum by 2Sum. Then silu_avx512.c's
 * steps on z = -|v| (its low part joined to exp's reduced argument): x / (1
 * + e) for x >= 0, x e / (1 + e) with 2^n applied last for x < 0. The
 * denominator 1 + e is an exact pair dh + dl (Fast2Sum) and the quotient is
 * Markstein's: q = num RN(1/dh), corrected by the exact residual less q dl,
 * one division for RN(1/dh). x is held at -20 (the result is -0 from x =
 * -10.7 on) and at 20 in v (where e^-v is 0 in float32).
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs (2594 inputs at 2), first
 * reached at x = -0x1.9bf216p-3 (got -0x1.5a4704p-4, want -0x1.5a4708p-4); measured by
 * `actent verify --exhaustive --isa avx512 --activations gelu_tanh` (AMD EPYC,
 * Zen 5); avx2 and neon give the same bits (their digests equal avx512's). */
#include "exp_avx512.h"
#include "f32_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(gelu_tanh, avx512, 2, -0x1.9bf216p-3f);

/* K1 = 2 sqrt(2/pi) and K3 = 0.044715 K1 (as the scalar reference's doubles), in pairs */
#define K1_HI 0x1.988454p+0f
#define K1_LO -0x1.857936p-25f
#define K3_HI 0x1.2444f2p-4f
#define K3_LO 0x1.49b16ap-29f

/* v = x (K1 + K3 x^2) as hi + *lo */
static inline __m512 gelu_tanh_arg_v16(__m512 x, __m512 *lo)
{
    const __m512 k1 = _mm512_set1_ps(K1_HI), k3 = _mm512_set1_ps(K3_HI);
    __m512 x2l, x2h = two_prod_v16(x, x, &x2l);
    __m512 pl, ph = two_prod_v16(k3, x2h, &pl);
    /* t = K1 + ph by 2Sum (ph passes K1 for |x| > 4.7) */
    __m512 th = _mm512_add_ps(k1, ph), bb = _mm512_sub_ps(th, k1);
    __m512 tl = _mm512_add_ps(_mm512_sub_ps(k1, _mm512_sub_ps(th, bb)), _mm512_sub_ps(ph, bb));
    __m512 small =
        _mm512_fmadd_ps(_mm512_set1_ps(K3_LO), x2h, _mm512_add_ps(pl, _mm512_set1_ps(K1_LO)));
    tl = _mm512_add_ps(tl, _mm512_fmadd_ps(k3, x2l, small));
    __m512 vl, vh = two_prod_v16(x, th, &vl);
    *lo = _mm512_fmadd_ps(x, tl, vl);
    return vh;
}

static inline __m512 gelu_tanh_v16(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f), floor = _mm512_set1_ps(-120.0f);
    /* max and min return their second operand for NaN: NaN passes */
    __m512 xc = _mm512_max_ps(_mm512_set1_ps(-20.0f), x);
    __m512 vl, vh = gelu_tanh_arg_v16(_mm512_min_ps(_mm512_set1_ps(20.0f), xc), &vl);
    __mmask16 neg = _mm512_movepi32_mask(_mm512_castps_si512(x));
    /* z = -|v| = zh + zl */
    __m512 zh = _mm512_max_ps(floor, _mm512_or_ps(vh, _mm512_set1_ps(-0.0f)));
    __m512 zl = _mm512_mask_blend_ps(neg, _mm512_sub_ps(_mm512_setzero_ps(), vl), vl);
    __m512 n, r = reduce_v16(zh, &n);
    __m512 v = expm1_poly_v16(_mm512_add_ps(r, zl), 1.0f);
    __m512 s = pow2_v16(_mm512_max_ps(_mm512_set1_ps(-60.0f), n));
    /* d = 1 + e as dh + dl exactly (Fast2Sum: e <= 1) */
    __m512 e = _mm512_fmadd_ps(s, v, s);
    __m512 dh = _mm512_add_ps(one, e);
    __m512 dl = _mm512_add_ps(_mm512_sub_ps(one, dh), e);
    __m512 num = _mm512_mask_fmadd_ps(xc, neg, v, xc);
    /* num / (dh + dl): y = 1/dh rounded (IEEE), q = num y, then q plus the
     * residual num - q dh (exact) - q dl, times y (Markstein) */
    __m512 y = _mm512_div_ps(one, dh), q = _mm512_mul_ps(num, y);
    __m512 res = _mm512_fnmadd_ps(q, dl, _mm512_fnmadd_ps(q, dh, num));
    q = _mm512_fmadd_ps(res, y, q);
    q = _mm512_mask_scalef_ps(q, neg, q, n);
    /* above 20 the result is x (e^-v is 0): inf would make the residual inf - inf */
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_set1_ps(20.0f), _CMP_GT_OQ), q, x);
}

void act_gelu_tanh_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, gelu_tanh_v16); }

void act_gelu_tanh_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, gelu_tanh_v16);
}
