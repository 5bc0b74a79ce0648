/* quant_avx2.c - floor(x / w) codes, 8 lanes (kernels.h, act_quant_fn):
 * vdivps and vroundps are exact, so the codes are the scalar table's; the
 * tail goes through the same steps in scalar code. */
#include <immintrin.h>
#include <math.h>

#include "../scalar/quant_scalar.h"
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
    for (; i < n; i++)
        ok &= quant_width_one(x[i], w, &code[i]);
    return ok;
}

/* quant_edges_avx512's steps, 8 lanes, thr by vgatherdps; the tail and any
 * lane still off after one step each way are finished in scalar code */
void act_quant_edges_avx2(const float *x, size_t n, const float *thr, size_t m, float first,
                          float inv, int32_t *count)
{
    const __m256 vf = _mm256_set1_ps(first), vi = _mm256_set1_ps(inv);
    const __m256 vm = _mm256_set1_ps((float)m), one = _mm256_set1_ps(1.0f);
    const __m256i ione = _mm256_set1_epi32(1);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 g = _mm256_fmadd_ps(_mm256_sub_ps(v, vf), vi, one);
        g = _mm256_min_ps(_mm256_max_ps(g, _mm256_setzero_ps()), vm); /* NaN -> 0 */
        __m256i u = _mm256_cvttps_epi32(g);
        __m256 up =
            _mm256_cmp_ps(_mm256_i32gather_ps(thr, _mm256_add_epi32(u, ione), 4), v, _CMP_LE_OQ);
        u = _mm256_sub_epi32(u, _mm256_castps_si256(up)); /* true is -1 */
        __m256 down = _mm256_cmp_ps(_mm256_i32gather_ps(thr, u, 4), v, _CMP_GT_OQ);
        u = _mm256_add_epi32(u, _mm256_castps_si256(down));
        __m256 ok = _mm256_and_ps(
            _mm256_cmp_ps(_mm256_i32gather_ps(thr, u, 4), v, _CMP_LE_OQ),
            _mm256_cmp_ps(_mm256_i32gather_ps(thr, _mm256_add_epi32(u, ione), 4), v, _CMP_GT_OQ));
        _mm256_storeu_si256((__m256i *)(count + i), u);
        if (_mm256_movemask_ps(ok) != 0xff)
            for (size_t j = i; j < i + 8; j++)
                count[j] = quant_edges_fix(thr, (size_t)count[j], x[j]);
    }
    for (; i < n; i++)
        count[i] = quant_edges_one(thr, m, first, inv, x[i]);
}
