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
#include "../scalar/quant_scalar.h"
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
        int32_t c;
        if (!quant_width_one(x[j], w, &c))
            return false;
    }
    return true;
}

/* thr[i] for 16 indices: from two registers when thr has at most 32 entries */
static inline __m512 lookup_v16(bool small, __m512 lo, __m512 hi, const float *thr, __m512i i)
{
    return small ? _mm512_permutex2var_ps(lo, i, hi) : _mm512_i32gather_ps(i, thr, 4);
}

/* The guess, one step up and one down (almost always the count already),
 * then a check of every lane; a lane still off is finished in scalar code. */
void act_quant_edges_avx512(const float *x, size_t n, const float *thr, size_t m, float first,
                            float inv, int32_t *count)
{
    const bool small = m + 2 <= 32;
    const __m512 lo = small ? _mm512_maskz_loadu_ps(tail_mask_v16(m + 2 < 16 ? m + 2 : 16), thr)
                            : _mm512_setzero_ps();
    const __m512 hi = small && m + 2 > 16
                          ? _mm512_maskz_loadu_ps(tail_mask_v16(m + 2 - 16), thr + 16)
                          : _mm512_setzero_ps();
    const __m512 vf = _mm512_set1_ps(first), vi = _mm512_set1_ps(inv);
    const __m512 vm = _mm512_set1_ps((float)m), one = _mm512_set1_ps(1.0f);
    const __m512i ione = _mm512_set1_epi32(1);
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 live = n - i >= 16 ? (__mmask16)0xffff : tail_mask_v16(n - i);
        __m512 v = _mm512_maskz_loadu_ps(live, x + i);
        __m512 g = _mm512_fmadd_ps(_mm512_sub_ps(v, vf), vi, one);
        g = _mm512_min_ps(_mm512_max_ps(g, _mm512_setzero_ps()), vm); /* NaN -> 0 */
        __m512i u = _mm512_cvttps_epi32(g);
        __mmask16 up = _mm512_cmp_ps_mask(lookup_v16(small, lo, hi, thr, _mm512_add_epi32(u, ione)),
                                          v, _CMP_LE_OQ);
        u = _mm512_mask_add_epi32(u, up, u, ione);
        __mmask16 down = _mm512_cmp_ps_mask(lookup_v16(small, lo, hi, thr, u), v, _CMP_GT_OQ);
        u = _mm512_mask_sub_epi32(u, down, u, ione);
        __mmask16 ok = _mm512_cmp_ps_mask(lookup_v16(small, lo, hi, thr, u), v, _CMP_LE_OQ) &
                       _mm512_cmp_ps_mask(lookup_v16(small, lo, hi, thr, _mm512_add_epi32(u, ione)),
                                          v, _CMP_GT_OQ);
        _mm512_mask_storeu_epi32(count + i, live, u);
        if ((ok & live) != live)
            for (size_t j = i; j < i + 16 && j < n; j++)
                count[j] = quant_edges_fix(thr, (size_t)count[j], x[j]);
    }
}
