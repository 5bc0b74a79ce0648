/* hardsigmoid_avx512.c - PyTorch's hardsigmoid, 16 lanes, bit-identical to
 * scalar: t = x + 3 rounded, clamped to [0, 6] (maxps then minps with t
 * second, so NaN passes), then t / 6 correctly rounded by
 * hardswish_avx512.c's Markstein correction of t RN(1/6), the divider only for
 * lanes with t below 2^-120 (zero included) or NaN.
 *
 * Bound: 0 ULP (bit-identical to scalar), checked over all 2^32 inputs by
 * `actent verify --exhaustive --isa avx512 --activations hardsigmoid` and
 * scripts/check_torch_steps.py against torch.nn.functional.hardsigmoid. */
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(hardsigmoid, avx512, 0, 0.0f); /* bit-identical to the scalar reference */

static inline __m512 hardsigmoid_v16(__m512 x)
{
    __m512 t = _mm512_add_ps(x, _mm512_set1_ps(3.0f));
    t = _mm512_min_ps(_mm512_set1_ps(6.0f), _mm512_max_ps(_mm512_setzero_ps(), t));
    const __m512 sixth = _mm512_set1_ps(0x1.555556p-3f), six = _mm512_set1_ps(6.0f);
    __m512 q = _mm512_mul_ps(t, sixth);
    q = _mm512_fmadd_ps(_mm512_fnmadd_ps(q, six, t), sixth, q);
    /* t is at most 6: only small, zero or NaN lanes need the divider */
    __mmask16 ok = _mm512_cmp_ps_mask(t, _mm512_set1_ps(0x1p-120f), _CMP_GE_OQ);
    if (__builtin_expect(ok != 0xffff, 0))
        q = _mm512_mask_div_ps(q, (__mmask16)~ok, t, six);
    return q;
}

void act_hardsigmoid_avx512(const float *x, float *y, size_t n)
{
    map_v16(x, y, n, hardsigmoid_v16);
}

void act_hardsigmoid_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                                 uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, hardsigmoid_v16);
}
