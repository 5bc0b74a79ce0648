/* hardswish_avx512.c - hardswish, 16 lanes, AVX-512F, bit-identical to scalar.
 *
 * Algorithm: hardswish_avx2.c's steps widened, PyTorch's float32 steps as
 * kernels/scalar/hardswish_scalar.c: t = x + 3 rounded, clamped to [0, 6]
 * (maxps then minps with t second, so NaN passes), p = max(x, -3) * t rounded,
 * then p / 6 correctly rounded: PyTorch divides, and so does the divider here
 * for the rare lanes out of range, but ordinary lanes take Markstein's
 * correction of p RN(1/6), which gives the same quotient without the
 * divider's throughput (see hardswish_v16).
 *
 * Bound: 0 ULP (bit-identical to scalar; no worst input), checked over all
 * 2^32 inputs by `actent verify --exhaustive --isa avx512 --activations
 * hardswish` (AMD EPYC, Zen 5) and scripts/check_torch_steps.py against
 * torch.nn.functional.hardswish. */
#include <float.h>

#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(hardswish, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 hardswish_v16(__m512 x)
{
    __m512 t = _mm512_add_ps(x, _mm512_set1_ps(3.0f));
    t = _mm512_min_ps(_mm512_set1_ps(6.0f), _mm512_max_ps(_mm512_setzero_ps(), t));
    __m512 p = _mm512_mul_ps(_mm512_max_ps(_mm512_set1_ps(-3.0f), x), t);
    /* p / 6 without the divider: q = p RN(1/6), then q + (p - 6q) RN(1/6),
     * the residual exact by an FMA: Markstein's theorem makes it p / 6
     * correctly rounded, as PyTorch's division, wherever no step leaves the
     * normal range. Lanes with |p| < 2^-120 (the quotient may be subnormal),
     * p infinite or NaN take the divider; ordinary data never does. Checked
     * over all 2^32 inputs against the scalar reference's division. */
    const __m512 sixth = _mm512_set1_ps(0x1.555556p-3f), six = _mm512_set1_ps(6.0f);
    __m512 q = _mm512_mul_ps(p, sixth);
    q = _mm512_fmadd_ps(_mm512_fnmadd_ps(q, six, p), sixth, q);
    __m512 ap = _mm512_abs_ps(p);
    __mmask16 ok = _mm512_cmp_ps_mask(ap, _mm512_set1_ps(0x1p-120f), _CMP_GE_OQ) &
                   _mm512_cmp_ps_mask(ap, _mm512_set1_ps(FLT_MAX), _CMP_LE_OQ);
    if (__builtin_expect(ok != 0xffff, 0))
        q = _mm512_mask_div_ps(q, (__mmask16)~ok, p, six);
    return q;
}

void act_hardswish_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, hardswish_v16); }

void act_hardswish_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, hardswish_v16);
}
