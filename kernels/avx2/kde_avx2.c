/* kde_avx2.c - the KDE bounds' pairwise sums (kernels.h, act_kde_fn), each
 * pair once, 4 rows by 8 lanes: kde_avx512.c's algorithm (rows in groups of
 * four against the columns after them, each term to its row's sum in a
 * register and its column's in col[j]), 8 lanes wide. Row sums float32 over
 * blocks of 256 columns, column sums over the block's <= 256 rows, then
 * double (ACT_KDE_BOUND says why). */
#include <immintrin.h>
#include <stdbool.h>

#include "exp_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

#define KDE_BLOCK 256 /* columns per float32 partial row sum */

static inline __m256 term_v8(__m256 yi, __m256 yj, __m256 c)
{
    __m256 d = _mm256_sub_ps(yi, yj);
    return exp_neg_v8(_mm256_mul_ps(_mm256_mul_ps(d, d), c));
}

static inline __m256d widen_sum(__m256d acc, __m256 f)
{
    acc = _mm256_add_pd(acc, _mm256_cvtps_pd(_mm256_castps256_ps128(f)));
    return _mm256_add_pd(acc, _mm256_cvtps_pd(_mm256_extractf128_ps(f, 1)));
}

static inline double hsum_pd(__m256d v)
{
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

/* rows g .. g+R-1 (R <= 4) against the columns after each */
static inline __attribute__((always_inline)) void rows(const float *y, size_t n, size_t g, int R,
                                                       __m256 c, double *s, float *col)
{
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256 yi[4], f[4];
    __m256d acc[4];
    for (int r = 0; r < R; r++) {
        yi[r] = _mm256_set1_ps(y[g + (size_t)r]);
        acc[r] = _mm256_setzero_pd();
        f[r] = _mm256_setzero_ps();
    }
    size_t j = g, flush = g + KDE_BLOCK;
    while (j < n) {
        bool full = j + 8 <= n;
        __m256i live = full ? _mm256_set1_epi32(-1) : tail_mask_v8(n - j);
        __m256 yj = full ? _mm256_loadu_ps(y + j) : _mm256_maskload_ps(y + j, live);
        __m256 sum = full ? _mm256_loadu_ps(col + j) : _mm256_maskload_ps(col + j, live);
        for (int r = 0; r < R; r++) {
            __m256i m = live;
            if (j < g + 4) /* the group's first vector: only j > g + r */
                m = _mm256_and_si256(
                    m, _mm256_cmpgt_epi32(_mm256_add_epi32(_mm256_set1_epi32((int)(j - g)), lane),
                                          _mm256_set1_epi32(r)));
            __m256 t = _mm256_and_ps(term_v8(yi[r], yj, c), _mm256_castsi256_ps(m));
            f[r] = _mm256_add_ps(f[r], t);
            sum = _mm256_add_ps(sum, t);
        }
        if (full)
            _mm256_storeu_ps(col + j, sum);
        else
            _mm256_maskstore_ps(col + j, live, sum);
        j += 8;
        if (j >= flush || j >= n) {
            for (int r = 0; r < R; r++) {
                acc[r] = widen_sum(acc[r], f[r]);
                f[r] = _mm256_setzero_ps();
            }
            flush = j + KDE_BLOCK;
        }
    }
    for (int r = 0; r < R; r++)
        s[g + (size_t)r] += hsum_pd(acc[r]);
}

void act_kde_rows_avx2(const float *y, size_t n, size_t i0, size_t i1, double c, double *s,
                       float *col)
{
    const __m256 vc = _mm256_set1_ps((float)c);
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
