/* mish_avx512.c - mish, 16 lanes, AVX-512F/DQ+FMA, in float32.
 *
 * Algorithm: mish = x tanh(ln(1 + e^x)) = x N / (N + 2), N = e^x (e^x + 2).
 * With z = -|x| and E = e^z = 2^n (1 + v) (f32_avx512.h, exp_avx512.h), both
 * signs as x times one minus a small quotient, so the quotient's error is
 * damped rather than carried whole:
 *   x >= 0:  mish = x - x q,   q = 2E^2 / (1 + 2E (E + 1)) <= 0.4,
 *   x < 0:   mish = x E g,     g = 1 - q, q = E (E + 1) / (E (E + 2) + 2) <= 0.4,
 * the second as w - w q, w = x (1 + v), with 2^n applied last (results in the subnormals
 * round once; E in q is held at 2^-60, where q is E/2 and g rounds to 1).
 * One division for both; x held at -120 (mish rounds to -0 below about -105)
 * and at 20 in x q (mish(x) = x from about 9 on, inf included). Near 0,
 * where q is 0.4 and damps least, the series of mish_series_v16.
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs (35332 inputs at 2), first
 * reached at x = 0x1.182f70p-2 (got 0x1.80185ep-3, want 0x1.80185ap-3); measured by
 * `actent verify --exhaustive --isa avx512 --activations mish` (AMD EPYC,
 * Zen 5); avx2 and neon give the same bits (their digests equal avx512's). */
#include "exp_avx512.h"
#include "f32_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(mish, avx512, 2, 0x1.182f70p-2f);

/* near 0, |x| < 1/4: mish = x T(x), T = tanh(softplus) = 0.6 + x P(x), P of
 * degree 5 (fitted to T's relative error, coefficients refitted after each
 * rounding to float), with 0.6 as a float pair: x 0.6h + x (x P + 0.6l),
 * one rounding at the end */
static const float MISH_P[6] = {0x1.47ae12p-2f,   -0x1.0624f0p-6f, -0x1.77b3c6p-5f,
                                -0x1.8591bap-12f, 0x1.f718eap-8f,  0x1.aa7032p-11f};
#define MISH_T0_HI 0x1.333334p-1f
#define MISH_T0_LO -0x1.99999ap-26f

static inline __m512 mish_series_v16(__m512 x)
{
    __m512 p = _mm512_set1_ps(MISH_P[5]);
    for (int k = 4; k >= 0; k--)
        p = _mm512_fmadd_ps(p, x, _mm512_set1_ps(MISH_P[k]));
    __m512 w = _mm512_mul_ps(x, _mm512_fmadd_ps(x, p, _mm512_set1_ps(MISH_T0_LO)));
    return _mm512_fmadd_ps(x, _mm512_set1_ps(MISH_T0_HI), w);
}

static inline __m512 mish_v16(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f), two = _mm512_set1_ps(2.0f);
    const __m512 floor = _mm512_set1_ps(-120.0f);
    /* max returns its second operand for NaN: NaN passes both holds */
    __m512 xc = _mm512_max_ps(floor, x);
    __m512 z = _mm512_max_ps(floor, _mm512_or_ps(xc, _mm512_set1_ps(-0.0f)));
    __m512 n, r = reduce_v16(z, &n);
    __m512 v = expm1_poly_v16(r, 1.0f);
    __m512 s = pow2_v16(_mm512_max_ps(_mm512_set1_ps(-60.0f), n));
    __m512 e = _mm512_fmadd_ps(s, v, s);
    __mmask16 neg = _mm512_cmp_ps_mask(xc, _mm512_setzero_ps(), _CMP_LT_OQ);
    __m512 e1 = _mm512_add_ps(e, one), e2 = _mm512_add_ps(e, e);
    /* x >= 0: 2E E / (2E (E + 1) + 1); x < 0: E (E + 1) / (E (E + 2) + 2) */
    __m512 num = _mm512_mul_ps(e, _mm512_mask_blend_ps(neg, e2, e1));
    __m512 den = _mm512_mask_blend_ps(neg, e2, e);
    den = _mm512_fmadd_ps(den, _mm512_mask_blend_ps(neg, e1, _mm512_add_ps(e, two)),
                          _mm512_mask_blend_ps(neg, one, two));
    __m512 q = _mm512_div_ps(num, den);
    /* x (1 + v) (1 - q): w = x (1 + v), then w - w q */
    __m512 w = _mm512_fmadd_ps(xc, v, xc);
    __m512 lo = _mm512_scalef_ps(_mm512_fnmadd_ps(w, q, w), n);
    __m512 hi = _mm512_fnmadd_ps(_mm512_min_ps(xc, _mm512_set1_ps(20.0f)), q, xc);
    __m512 far = _mm512_mask_blend_ps(neg, hi, lo);
    __mmask16 near = _mm512_cmp_ps_mask(_mm512_abs_ps(x), _mm512_set1_ps(0.25f), _CMP_LT_OQ);
    return _mm512_mask_blend_ps(near, far, mish_series_v16(x));
}

void act_mish_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, mish_v16); }

void act_mish_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, mish_v16);
}
