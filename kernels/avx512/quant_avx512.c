/* quant_avx512.c - floor(x / w) codes, 16 lanes (kernels.h, act_quant_fn):
 * vdivps and vrndscaleps are exact, so the codes are the scalar table's.
 *
 * The quotient is taken as two 256-bit divisions: the dividers of Zen 4 and
 * 5 and of Intel's cores take a 512-bit division as two halves or slower.
 * The range test costs nothing in the loop: vcvttps2dq turns a quotient
 * outside int32 (or a NaN) into INT32_MIN, so a running minimum of the codes
 * tells whether any code might be out; only then (or for a true code of
 * -2^31) are the quotients tested one by one. With the tests in mask
 * registers in the loop, the 4096 x 1024 layer ran 1.5x slower on Zen 5 than
 * the avx2 table (bench: infoplane/width/<table>/d1024). */
#include <immintrin.h>
#include <math.h>

#include "bins_avx512.h"
#include "ops_avx512.h"

static inline __m512i code_v16(__m512 v, __m256 w)
{
    __m256 q0 = _mm256_div_ps(_mm512_castps512_ps256(v), w);
    __m256 q1 = _mm256_div_ps(_mm512_extractf32x8_ps(v, 1), w);
    __m512 q = _mm512_roundscale_ps(_mm512_insertf32x8(_mm512_castps256_ps512(q0), q1, 1),
                                    _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    return _mm512_cvttps_epi32(q);
}

bool act_quant_width_avx512(const float *x, size_t n, float w, int32_t *code)
{
    const __m256 vw = _mm256_set1_ps(w);
    __m512i least = _mm512_set1_epi32(INT32_MAX);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512i c = code_v16(_mm512_loadu_ps(x + i), vw);
        least = _mm512_min_epi32(least, c);
        _mm512_storeu_si512(code + i, c);
    }
    if (i < n) {
        __mmask16 m = tail_mask_v16(n - i);
        /* masked-off lanes (0 / w) are left out of the minimum */
        __m512i c = code_v16(_mm512_mask_loadu_ps(_mm512_setzero_ps(), m, x + i), vw);
        least = _mm512_mask_min_epi32(least, m, least, c);
        _mm512_mask_storeu_epi32(code + i, m, c);
    }
    if (_mm512_reduce_min_epi32(least) != INT32_MIN)
        return true;
    /* some code is INT32_MIN: out of range, NaN, or truly -2^31 */
    for (size_t j = 0; j < n; j++) {
        float q = floorf(x[j] / w);
        if (!(q >= -2147483648.0f && q < 2147483648.0f))
            return false;
    }
    return true;
}
