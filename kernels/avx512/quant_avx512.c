/* quant_avx512.c - floor(x / w) codes, 16 lanes (kernels.h, act_quant_fn):
 * vdivps and vrndscaleps are exact, so the codes are the scalar table's. */
#include <immintrin.h>

#include "bins_avx512.h"
#include "ops_avx512.h"

bool act_quant_width_avx512(const float *x, size_t n, float w, int32_t *code)
{
    const __m512 vw = _mm512_set1_ps(w);
    const __m512 lo = _mm512_set1_ps(-2147483648.0f), hi = _mm512_set1_ps(2147483648.0f);
    __mmask16 bad = 0;
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = n - i >= 16 ? (__mmask16)0xffff : tail_mask_v16(n - i);
        __m512 v = _mm512_maskz_loadu_ps(m, x + i);
        __m512 q =
            _mm512_roundscale_ps(_mm512_div_ps(v, vw), _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
        __mmask16 in =
            _mm512_mask_cmp_ps_mask(m, q, lo, _CMP_GE_OQ) & _mm512_cmp_ps_mask(q, hi, _CMP_LT_OQ);
        bad |= (__mmask16)(m & ~in);
        _mm512_mask_storeu_epi32(code + i, m, _mm512_maskz_cvttps_epi32(in, q));
    }
    return bad == 0;
}
