/* gelu_avx512.c - gelu (erf form), 16 lanes, AVX-512F/DQ+FMA, in float32.
 *
 * Algorithm (kernels/gelu_coef.h holds the coefficients, scripts/fit_gelu.py
 * fits them): near 0, |x| < 1/2, gelu = x/2 + x^2 E(x^2), E of degree 4.
 * Elsewhere a = |x| (held at 15: gelu rounds to -0 below x = -14.5) and
 * q = Phi(-a) = e^(-a^2/2) R(a), R on 32 intervals of width 1/2 as a
 * polynomial of degree 6 in u = a - i/2, i = round(2a), its coefficients
 * looked up by vpermt2ps from two registers each. -a^2 is split exactly into
 * hi + lo by one FMA and lo joins exp's reduced argument, so e^(-a^2/2) =
 * 2^n (1 + v) keeps its relative accuracy in the tail; 2^n is applied last
 * (results in the subnormals round once). x <= -1/2: gelu = x R (1 + v) 2^n;
 * x >= 1/2: gelu = x - x q, one FMA (q <= 0.31 damps its error).
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs (46890 inputs at 2), first
 * reached at x = -0x1.6a9556p-1 (got -0x1.5b3d00p-3, want -0x1.5b3d04p-3); measured by
 * `actent verify --exhaustive --isa avx512 --activations gelu` (AMD EPYC,
 * Zen 5); avx2 and neon give the same bits (their digests equal avx512's). */
#include "../gelu_coef.h"
#include "exp_avx512.h"
#include "f32_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(gelu, avx512, 2, -0x1.6a9556p-1f);

static inline __m512 gelu_series_v16(__m512 x)
{
    __m512 s = _mm512_mul_ps(x, x), e = _mm512_set1_ps(GELU_E[GELU_E_DEG]);
    for (int k = GELU_E_DEG - 1; k >= 0; k--)
        e = _mm512_fmadd_ps(e, s, _mm512_set1_ps(GELU_E[k]));
    return _mm512_fmadd_ps(s, e, _mm512_mul_ps(x, _mm512_set1_ps(0.5f)));
}

/* R(a) for a in [1/4, 15.75), as hi + *lo: the last step, c0 + u p, without
 * its rounding (its product's error by an FMA, its sum's by Fast2Sum: |u p|
 * stays below |c0| / 3) */
static inline __m512 gelu_r_v16(__m512 a, __m512 *lo)
{
    /* i = round(2a) by the shifter (vpermt2ps reads its low five bits), u = a
     * - i/2 exactly */
    const __m512 shift = _mm512_set1_ps(0x1.8p23f);
    __m512 t = _mm512_fmadd_ps(a, _mm512_set1_ps(2.0f), shift);
    __m512i i = _mm512_castps_si512(t);
    __m512 u = _mm512_fnmadd_ps(_mm512_sub_ps(t, shift), _mm512_set1_ps(0.5f), a);
    __m512 r = _mm512_permutex2var_ps(_mm512_loadu_ps(GELU_R[GELU_R_DEG]), i,
                                      _mm512_loadu_ps(GELU_R[GELU_R_DEG] + 16));
    for (int k = GELU_R_DEG - 1; k >= 1; k--) {
        __m512 c =
            _mm512_permutex2var_ps(_mm512_loadu_ps(GELU_R[k]), i, _mm512_loadu_ps(GELU_R[k] + 16));
        r = _mm512_fmadd_ps(r, u, c);
    }
    __m512 c0 =
        _mm512_permutex2var_ps(_mm512_loadu_ps(GELU_R[0]), i, _mm512_loadu_ps(GELU_R[0] + 16));
    __m512 pl, p = two_prod_v16(r, u, &pl);
    __m512 s = _mm512_add_ps(c0, p);
    *lo = _mm512_add_ps(pl, _mm512_sub_ps(p, _mm512_sub_ps(s, c0)));
    return s;
}

static inline __m512 gelu_v16(__m512 x)
{
    const __m512 half = _mm512_set1_ps(-0.5f);
    __m512 ax = _mm512_abs_ps(x);
    __m512 a = _mm512_min_ps(_mm512_set1_ps(15.0f), ax);
    /* -a^2 / 2 = hi + lo exactly: the product's rounding error by one FMA */
    __m512 hl, hh = two_prod_v16(a, a, &hl);
    __m512 n, r = reduce_v16(_mm512_mul_ps(half, hh), &n);
    r = _mm512_fmadd_ps(half, hl, r);
    __m512 v = expm1_poly_v16(r, 1.0f);
    __m512 rl, rr = gelu_r_v16(a, &rl);
    __mmask16 neg = _mm512_movepi32_mask(_mm512_castps_si512(x));
    /* x < 0: x R (1 + v), scaled last; x >= 0: q = R (1 + v) 2^n, then
     * x - x q with x held at 15 in x q */
    __m512 xc = _mm512_max_ps(_mm512_set1_ps(-15.0f), x);
    __m512 w = _mm512_mask_fmadd_ps(xc, neg, rr, _mm512_mul_ps(xc, rl));
    w = _mm512_mask_blend_ps(neg, rr, w);
    __m512 q = _mm512_scalef_ps(_mm512_fmadd_ps(v, w, w), n);
    __m512 hi = _mm512_fnmadd_ps(_mm512_min_ps(x, _mm512_set1_ps(15.0f)), q, x);
    __m512 tail = _mm512_mask_blend_ps(neg, hi, q);
    __mmask16 small = _mm512_cmp_ps_mask(ax, _mm512_set1_ps(0.5f), _CMP_LT_OQ);
    return _mm512_mask_blend_ps(small, tail, gelu_series_v16(x));
}

void act_gelu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, gelu_v16); }

void act_gelu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, gelu_v16);
}
