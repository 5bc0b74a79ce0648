/* kde_avx512.c - the KDE bounds' pairwise sums (kernels.h, act_kde_fn), each
 * pair once, 4 rows by 16 lanes.
 *
 * Rows i of the block go in groups of four against the columns j > i: each
 * y[j] vector loaded once serves four rows, whose exps are independent chains
 * the core overlaps; each term goes to its row's sum (a register) and its
 * column's (col[j], in memory: one load, four adds and one store per four
 * exps). The lanes at j <= i in a group's first vector, and past n in the
 * last, are masked off. Row sums are float32 over blocks of 256 columns,
 * column sums float32 over the block's <= 256 rows, both then added in double
 * (ACT_KDE_BOUND). The term is exp_avx512.h's e^-a (exp_avx2.h's steps, 16
 * lanes). tests/test_kde.c measures the result against the scalar reference. */
#include <immintrin.h>

#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

#define KDE_BLOCK 256 /* columns per float32 partial row sum */

static inline __m512 term_v16(__m512 yi, __m512 yj, __m512 c)
{
    __m512 d = _mm512_sub_ps(yi, yj);
    return exp_neg_v16(_mm512_mul_ps(_mm512_mul_ps(d, d), c));
}

static inline __m512d widen_sum(__m512d acc, __m512 f)
{
    acc = _mm512_add_pd(acc, _mm512_cvtps_pd(_mm512_castps512_ps256(f)));
    return _mm512_add_pd(acc, _mm512_cvtps_pd(_mm512_extractf32x8_ps(f, 1)));
}

/* rows g .. g+R-1 (R <= 4) against the columns after each */
static inline __attribute__((always_inline)) void rows(const float *y, size_t n, size_t g, int R,
                                                       __m512 c, double *s, float *col)
{
    const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    __m512 yi[4], f[4];
    __m512d acc[4];
    for (int r = 0; r < R; r++) {
        yi[r] = _mm512_set1_ps(y[g + (size_t)r]);
        acc[r] = _mm512_setzero_pd();
        f[r] = _mm512_setzero_ps();
    }
    size_t j = g, flush = g + KDE_BLOCK;
    while (j < n) {
        __mmask16 live = j + 16 <= n ? 0xffff : tail_mask_v16(n - j);
        __m512 yj = _mm512_maskz_loadu_ps(live, y + j);
        __m512 sum = _mm512_maskz_loadu_ps(live, col + j);
        for (int r = 0; r < R; r++) {
            __mmask16 m = live;
            if (j < g + 4) /* the group's first vector: only j > g + r */
                m &= _mm512_cmpgt_epi32_mask(
                    _mm512_add_epi32(_mm512_set1_epi32((int)(j - g)), lane), _mm512_set1_epi32(r));
            __m512 t = _mm512_maskz_mov_ps(m, term_v16(yi[r], yj, c));
            f[r] = _mm512_add_ps(f[r], t);
            sum = _mm512_add_ps(sum, t);
        }
        _mm512_mask_storeu_ps(col + j, live, sum);
        j += 16;
        if (j >= flush || j >= n) {
            for (int r = 0; r < R; r++) {
                acc[r] = widen_sum(acc[r], f[r]);
                f[r] = _mm512_setzero_ps();
            }
            flush = j + KDE_BLOCK;
        }
    }
    for (int r = 0; r < R; r++)
        s[g + (size_t)r] += _mm512_reduce_add_pd(acc[r]);
}

void act_kde_rows_avx512(const float *y, size_t n, size_t i0, size_t i1, double c, double *s,
                         float *col)
{
    const __m512 vc = _mm512_set1_ps((float)c);
    for (size_t j = i0; j < n; j++)
        col[j] = 0.0f;
    size_t g = i0;
    for (; g + 4 <= i1; g += 4)
        rows(y, n, g, 4, vc, s, col);
    for (; g < i1; g++)
        rows(y, n, g, 1, vc, s, col);
    for (size_t j = i0; j < n; j++)
        s[j] += col[j];
}
