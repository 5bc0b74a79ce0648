/* kdetile_avx2.c - the d-dimensional KDE bounds' tiles, 8 lanes (kernels.h,
 * act_kde_dist_fn and act_kde_tile_fn): kdetile_avx512.c's steps, 4 rows by
 * 16 columns of distances, each lane summing over k in order, so a distance
 * has the AVX-512 table's bits; terms by exp_avx2.h's e^-a. */
#include <immintrin.h>

#include "bins_avx2.h"
#include "exp_avx2.h"
#include "ops_avx2.h"

static inline __attribute__((always_inline)) void dist_block(const float *a, size_t lda, int R,
                                                             const float *bt, size_t ldb, size_t d,
                                                             __m256i m0, __m256i m1, float *D,
                                                             size_t ldd)
{
    __m256 acc[4][2];
    for (int r = 0; r < 4; r++)
        acc[r][0] = acc[r][1] = _mm256_setzero_ps();
    for (size_t k = 0; k < d; k++) {
        __m256 b0 = _mm256_maskload_ps(bt + k * ldb, m0);
        __m256 b1 = _mm256_maskload_ps(bt + k * ldb + 8, m1);
        for (int r = 0; r < R; r++) {
            __m256 ar = _mm256_broadcast_ss(a + (size_t)r * lda + k);
            __m256 t0 = _mm256_sub_ps(ar, b0), t1 = _mm256_sub_ps(ar, b1);
            acc[r][0] = _mm256_fmadd_ps(t0, t0, acc[r][0]);
            acc[r][1] = _mm256_fmadd_ps(t1, t1, acc[r][1]);
        }
    }
    for (int r = 0; r < R; r++) {
        _mm256_maskstore_ps(D + (size_t)r * ldd, m0, acc[r][0]);
        _mm256_maskstore_ps(D + (size_t)r * ldd + 8, m1, acc[r][1]);
    }
}

void act_kde_dist_avx2(const float *a, size_t nr, size_t lda, const float *bt, size_t nc,
                       size_t ldb, size_t d, float *D, size_t ldd)
{
    for (size_t c = 0; c < nc; c += 16) {
        size_t left = nc - c;
        __m256i m0 = tail_mask_v8(left >= 8 ? 8 : left);
        __m256i m1 = tail_mask_v8(left >= 16 ? 8 : left > 8 ? left - 8 : 0);
        size_t r = 0;
        for (; r + 4 <= nr; r += 4)
            dist_block(a + r * lda, lda, 4, bt + c, ldb, d, m0, m1, D + r * ldd + c, ldd);
        for (; r < nr; r++)
            dist_block(a + r * lda, lda, 1, bt + c, ldb, d, m0, m1, D + r * ldd + c, ldd);
    }
}

static inline float hsum_ps(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

void act_kde_tile_avx2(const float *D, size_t nr, size_t nc, size_t ldd, double cf,
                       const int32_t *yr, const int32_t *yc, double *rs, double *cs, double *rsy,
                       double *csy)
{
    float col[ACT_KDE_ROWS], coly[ACT_KDE_ROWS];
    for (size_t c = 0; c < nc; c++)
        col[c] = coly[c] = 0.0f;
    const __m256 vc = _mm256_set1_ps((float)cf);
    for (size_t r = 0; r < nr; r++) {
        const __m256i y = _mm256_set1_epi32(yr[r]);
        __m256 row = _mm256_setzero_ps(), rowy = _mm256_setzero_ps();
        for (size_t c = 0; c < nc; c += 8) {
            __m256i m = tail_mask_v8(nc - c >= 8 ? 8 : nc - c);
            __m256 dv = _mm256_maskload_ps(D + r * ldd + c, m);
            __m256 e = _mm256_and_ps(exp_neg_v8(_mm256_mul_ps(dv, vc)), _mm256_castsi256_ps(m));
            __m256i same = _mm256_cmpeq_epi32(y, _mm256_maskload_epi32(yc + c, m));
            __m256 ey = _mm256_and_ps(e, _mm256_castsi256_ps(same));
            row = _mm256_add_ps(row, e);
            rowy = _mm256_add_ps(rowy, ey);
            _mm256_maskstore_ps(col + c, m, _mm256_add_ps(_mm256_maskload_ps(col + c, m), e));
            _mm256_maskstore_ps(coly + c, m, _mm256_add_ps(_mm256_maskload_ps(coly + c, m), ey));
        }
        rs[r] += (double)hsum_ps(row);
        rsy[r] += (double)hsum_ps(rowy);
    }
    for (size_t c = 0; c < nc; c++) {
        cs[c] += (double)col[c];
        csy[c] += (double)coly[c];
    }
}
