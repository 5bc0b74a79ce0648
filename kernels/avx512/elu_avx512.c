/* elu_avx512.c - elu (alpha 1), 16 lanes, AVX-512F+FMA.
 *
 * Algorithm: elu_avx2.c's steps widened (same bits as the AVX2 table):
 * x > 0: x; otherwise e^x - 1 = s*v + (s - 1) from exp_avx512.h (x clamped to
 * -30, one-step ln2). The select takes x's sign bit into a mask register, so
 * -0.0 takes the e^x - 1 branch (also 0) and NaN of either sign gives NaN.
 *
 * Bound: 1 ULP vs scalar over all finite floats, worst input x = -0x1.bb67bp-23
 * (got -0x1.bb67aep-23, want -0x1.bb67acp-23); measured by
 * `actent verify --exhaustive --isa avx512`, results/<machine>/verify-avx512.json. */
#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(elu, avx512, 1, -0x1.bb67bp-23f);

static inline __m512 elu_v16(__m512 x)
{
    /* max returns its second operand for NaN, so NaN passes the clamp */
    __m512 z = _mm512_max_ps(_mm512_set1_ps(-30.0f), x);
    __m512 s;
    __m512 r = exp_reduce_short_v16(z, 1.0f, 127, &s);
    __m512 v = expm1_poly_v16(r, 1.0f);
    __m512 em1 = _mm512_fmadd_ps(s, v, _mm512_sub_ps(s, _mm512_set1_ps(1.0f)));
    __mmask16 sgn = _mm512_movepi32_mask(_mm512_castps_si512(x));
    return _mm512_mask_blend_ps(sgn, x, em1);
}

void act_elu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, elu_v16); }

void act_elu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                         struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, elu_v16);
}
