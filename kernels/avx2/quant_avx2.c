/* quant_avx2.c - floor(x / w) codes, 8 lanes (kernels.h, act_quant_fn):
 * vdivps and vroundps are exact, so the codes are the scalar table's; the
 * tail goes through the same steps in scalar code. */
#include <immintrin.h>
#include <math.h>

#include "ops_avx2.h"

bool act_quant_width_avx2(const float *x, size_t n, float w, int32_t *code)
{
    const __m256 vw = _mm256_set1_ps(w);
    const __m256 lo = _mm256_set1_ps(-2147483648.0f), hi = _mm256_set1_ps(2147483648.0f);
    __m256 bad = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 q = _mm256_floor_ps(_mm256_div_ps(_mm256_loadu_ps(x + i), vw));
        __m256 in =
            _mm256_and_ps(_mm256_cmp_ps(q, lo, _CMP_GE_OQ), _mm256_cmp_ps(q, hi, _CMP_LT_OQ));
        bad = _mm256_or_ps(bad, _mm256_andnot_ps(in, _mm256_castsi256_ps(_mm256_set1_epi32(-1))));
        __m256i c = _mm256_cvttps_epi32(_mm256_and_ps(q, in));
        _mm256_storeu_si256((__m256i *)(code + i), c);
    }
    bool ok = _mm256_movemask_ps(bad) == 0;
    for (; i < n; i++) {
        float q = floorf(x[i] / w);
        bool in = q >= -2147483648.0f && q < 2147483648.0f;
        ok &= in;
        code[i] = in ? (int32_t)q : 0;
    }
    return ok;
}
