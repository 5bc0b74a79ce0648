/* softsign_avx512.c - softsign, 16 lanes, AVX-512F.
 *
 * Algorithm: softsign_avx2.c's steps widened (same bits as the AVX2 table):
 * a = min(2^40, |x|), a / (1 + a) with one rounding each, x's sign put back
 * with one vpternlogd (exactly odd). Subnormal x comes back unchanged. The
 * quotient without the divider (f32_avx512.h): the correctly rounded
 * reciprocal by vrcp14ps and two Newton steps, then Markstein's correction
 * by the exact residual, which gives IEEE division's bits (checked over all
 * 2^32 inputs by the digest, which equals the avx2 table's).
 *
 * Bound: 1 ULP vs scalar over all finite floats, worst input x = 0x1.6a09e8p-25
 * (got 0x1.6a09e8p-25, want 0x1.6a09e6p-25); measured by
 * `actent verify --exhaustive --isa avx512`, results/<machine>/verify-avx512.json. */
#include "f32_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(softsign, avx512, 1, 0x1.6a09e8p-25f);

static inline __m512 softsign_v16(__m512 x)
{
    const __m512i sign = _mm512_set1_epi32(INT32_MIN);
    __m512 ax = _mm512_castsi512_ps(_mm512_andnot_si512(sign, _mm512_castps_si512(x)));
    /* min returns its second operand for NaN, so NaN passes the clamp */
    __m512 a = _mm512_min_ps(_mm512_set1_ps(0x1p40f), ax);
    __m512 d = _mm512_add_ps(a, _mm512_set1_ps(1.0f));
    __m512i q = _mm512_castps_si512(div_v16(a, d, recip_v16(d)));
    /* q | (x & sign) */
    return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(q, _mm512_castps_si512(x), sign, 0xf8));
}

void act_softsign_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, softsign_v16); }

void act_softsign_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                              struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, softsign_v16);
}
