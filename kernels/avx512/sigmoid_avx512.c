/* sigmoid_avx512.c - sigmoid, 16 lanes, AVX-512F+FMA.
 *
 * Algorithm: sigmoid_avx2.c's steps widened (same bits as the AVX2 table):
 * sigmoid(x) = c / (c + c*e^-x) with c = 2^-30, x clamped to [-104, 18], c*e^-x
 * = s*(1 + v) from exp_avx512.h (two-part ln2), denominator one FMA
 * s*v + (s + c), one division (vdivps: 16 lanes in about 5 cycles on Zen 5,
 * cheaper here than vrcp14ps plus a Newton step, which would also change bits).
 *
 * Bound: 2 ULP vs scalar over all finite floats (the AVX2 table's), worst input
 * x = -0x1.194dcep+0 (got 0x1.ffe94ap-3, want 0x1.ffe946p-3); measured by
 * `actent verify --exhaustive --isa avx512`, results/<machine>/verify-avx512.json. */
#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(sigmoid, avx512, 2, -0x1.194dcep+0f);

static inline __m512 sigmoid_v16(__m512 x)
{
    const __m512 c = _mm512_set1_ps(0x1p-30f);
    /* max/min return their second operand for NaN, so NaN passes the clamp */
    __m512 z = _mm512_min_ps(_mm512_set1_ps(18.0f), _mm512_max_ps(_mm512_set1_ps(-104.0f), x));
    __m512 s;
    __m512 r = exp_reduce_v16(z, -1.0f, 127 - 30, &s);
    __m512 v = expm1_poly_v16(r, -1.0f);
    __m512 d = _mm512_fmadd_ps(s, v, _mm512_add_ps(s, c));
    return _mm512_div_ps(c, d);
}

void act_sigmoid_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, sigmoid_v16); }

void act_sigmoid_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, sigmoid_v16);
}
