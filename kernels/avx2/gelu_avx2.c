/* gelu_avx2.c - gelu (erf form), 8 lanes, AVX2+FMA, in float32.
 *
 * Algorithm: gelu_avx512.c's steps, 8 lanes, operation for operation, so the
 * same bits as the AVX-512 table: the series x/2 + x^2 E(x^2) for |x| < 1/2;
 * elsewhere e^(-a^2/2) R(a) with -a^2 split exactly and R on 32 intervals of
 * width 1/2 (kernels/gelu_coef.h), each coefficient looked up from four
 * registers by vpermps and two levels of blends (vpermt2ps's 32 entries).
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs, the AVX-512 kernel's (the
 * same bits: equal digests), first reached at x = -0x1.6a9556p-1 */
#include "../gelu_coef.h"
#include "exp_avx2.h"
#include "f32_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(gelu, avx2, 2, -0x1.6a9556p-1f);

/* t[i % 32]: vpermps reads bits 0-2 of i, bit 3 picks within a pair of
 * registers, bit 4 the pair */
static inline __m256 lut32_v8(const float *t, __m256i i)
{
    __m256 b3 = _mm256_castsi256_ps(_mm256_slli_epi32(i, 28));
    __m256 b4 = _mm256_castsi256_ps(_mm256_slli_epi32(i, 27));
    __m256 lo = _mm256_blendv_ps(_mm256_permutevar8x32_ps(_mm256_loadu_ps(t), i),
                                 _mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 8), i), b3);
    __m256 hi = _mm256_blendv_ps(_mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 16), i),
                                 _mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 24), i), b3);
    return _mm256_blendv_ps(lo, hi, b4);
}

static inline __m256 gelu_series_v8(__m256 x)
{
    __m256 s = _mm256_mul_ps(x, x), e = _mm256_set1_ps(GELU_E[GELU_E_DEG]);
    for (int k = GELU_E_DEG - 1; k >= 0; k--)
        e = _mm256_fmadd_ps(e, s, _mm256_set1_ps(GELU_E[k]));
    return _mm256_fmadd_ps(s, e, _mm256_mul_ps(x, _mm256_set1_ps(0.5f)));
}

/* R(a) for a in [1/4, 15.75) as hi + *lo (gelu_avx512.c's gelu_r_v16) */
static inline __m256 gelu_r_v8(__m256 a, __m256 *lo)
{
    const __m256 shift = _mm256_set1_ps(0x1.8p23f);
    __m256 t = _mm256_fmadd_ps(a, _mm256_set1_ps(2.0f), shift);
    __m256i i = _mm256_castps_si256(t); /* round(2a) in the low bits */
    __m256 u = _mm256_fnmadd_ps(_mm256_sub_ps(t, shift), _mm256_set1_ps(0.5f), a);
    __m256 r = lut32_v8(GELU_R[GELU_R_DEG], i);
    for (int k = GELU_R_DEG - 1; k >= 1; k--)
        r = _mm256_fmadd_ps(r, u, lut32_v8(GELU_R[k], i));
    __m256 c0 = lut32_v8(GELU_R[0], i);
    __m256 pl, p = two_prod_v8(r, u, &pl);
    __m256 s = _mm256_add_ps(c0, p);
    *lo = _mm256_add_ps(pl, _mm256_sub_ps(p, _mm256_sub_ps(s, c0)));
    return s;
}

static inline __m256 gelu_v8(__m256 x)
{
    const __m256 half = _mm256_set1_ps(-0.5f);
    __m256 ax = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), x);
    __m256 a = _mm256_min_ps(_mm256_set1_ps(15.0f), ax);
    __m256 hl, hh = two_prod_v8(a, a, &hl);
    __m256 n, r = reduce_v8(_mm256_mul_ps(half, hh), &n);
    r = _mm256_fmadd_ps(half, hl, r);
    __m256 v = expm1_poly_v8(r, 1.0f);
    __m256 rl, rr = gelu_r_v8(a, &rl);
    /* x's sign bit picks (blendv reads it) */
    __m256 xc = _mm256_max_ps(_mm256_set1_ps(-15.0f), x);
    __m256 w = _mm256_blendv_ps(rr, _mm256_fmadd_ps(xc, rr, _mm256_mul_ps(xc, rl)), x);
    __m256 q = scale_v8(_mm256_fmadd_ps(v, w, w), n);
    __m256 hi = _mm256_fnmadd_ps(_mm256_min_ps(x, _mm256_set1_ps(15.0f)), q, x);
    __m256 tail = _mm256_blendv_ps(hi, q, x);
    __m256 small = _mm256_cmp_ps(ax, _mm256_set1_ps(0.5f), _CMP_LT_OQ);
    return _mm256_blendv_ps(tail, gelu_series_v8(x), small);
}

void act_gelu_avx2(const float *x, float *y, size_t n) { map2_v8(x, y, n, gelu_v8); }

void act_gelu_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, gelu_v8);
}
