/* softplus_avx2.c - softplus, 8 lanes, AVX2+FMA.
 *
 * softplus(x) = max(x, 0) + log1p(u) with u = e^-|x| in (0, 1], so nothing
 * overflows. u comes from exp_avx2.h scaled by 2^32 (us = s + s*v with
 * s = 2^(n + 32), two-part ln2), which keeps it normal down to |x| = 109, the
 * clamp, long past where the result rounds to 0. log1p(u) = u + u*u*H(u),
 * with H a degree-8 minimax polynomial on [0, 1] (Remez, relative error of
 * log1p 2^-27.5 before float rounding of the coefficients). H takes the
 * unscaled u, made by taking 32 off us's exponent and flushed to 0 where that
 * would leave the normal range (H(0) is then right to 2^-126). The last FMA
 * adds (us + us*u*H) * 2^-32 to max(x, 0): for x <= 0 a single rounding, into
 * the subnormals below x = -87.3 too; above x = 17 the sum is x.
 *
 * Max error vs scalar: 2 ULP over all finite floats, reached by 132,395 inputs; the
 * smallest |x| among them is x = 0x1.64p-19 (got 0x1.62e46p-1, want 0x1.62e45cp-1).
 * Measured by sweeping every finite float32 through this kernel and the scalar
 * table (the sweep `actent verify --exhaustive` makes). */
#include "exp_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(softplus, avx2, 2, 0x1.64p-19f);

/* H(u) = (log1p(u)/u - 1)/u on [0, 1], Horner's scheme */
static inline __m256 log1p_h_v8(__m256 u)
{
    __m256 h = _mm256_set1_ps(-0x1.b2f588p-9f);
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(0x1.4b0836p-6f));
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(-0x1.d86324p-5f));
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(0x1.b579c2p-4f));
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(-0x1.3a7a82p-3f));
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(0x1.935ca0p-3f));
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(-0x1.ff26e2p-3f));
    h = _mm256_fmadd_ps(h, u, _mm256_set1_ps(0x1.554df0p-2f));
    return _mm256_fmadd_ps(h, u, _mm256_set1_ps(-0x1.ffffd2p-2f));
}

static inline __m256 softplus_v8(__m256 x)
{
    /* min returns its second operand for NaN, so NaN passes the clamp */
    __m256 a = _mm256_min_ps(_mm256_set1_ps(109.0f), _mm256_andnot_ps(_mm256_set1_ps(-0.0f), x));
    __m256 s;
    __m256 r = exp_reduce_v8(a, -1.0f, 127 + 32, &s);
    __m256 us = _mm256_fmadd_ps(s, expm1_poly_v8(r, -1.0f), s);
    /* u = us * 2^-32 by the exponent bits; a result below 2^-126 wraps negative, max makes it 0 */
    __m256i ub = _mm256_sub_epi32(_mm256_castps_si256(us), _mm256_set1_epi32(32 << 23));
    __m256 u = _mm256_castsi256_ps(_mm256_max_epi32(ub, _mm256_setzero_si256()));
    __m256 g = _mm256_fmadd_ps(us, _mm256_mul_ps(u, log1p_h_v8(u)), us);
    return _mm256_fmadd_ps(g, _mm256_set1_ps(0x1p-32f), _mm256_max_ps(x, _mm256_setzero_ps()));
}

void act_softplus_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, softplus_v8); }

void act_softplus_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                            struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, softplus_v8);
}
