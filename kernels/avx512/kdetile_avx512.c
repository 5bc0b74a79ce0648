/* kdetile_avx512.c - the d-dimensional KDE bounds' tiles, 16 lanes
 * (kernels.h, act_kde_dist_fn and act_kde_tile_fn).
 *
 * Distances: 4 rows of a against 32 columns of the transposed b at a time.
 * Each step over k broadcasts a_rk (4), loads two vectors of bt's row k and
 * takes 8 subtractions and 8 fused multiply-adds into 8 accumulators: the
 * subtractions and the FMAs go to different pipes, so a step costs about 4
 * cycles for 128 pairs. Each lane sums over k in order, in float32.
 *
 * Terms: exp_avx512.h's e^-a per lane, a row's terms summed in float32
 * (at most ACT_KDE_ROWS of them) and the columns' in a float32 buffer over
 * the tile's rows, both then added to the double sums (ACT_KDE_BOUND). */
#include <immintrin.h>

#include "bins_avx512.h"
#include "exp_avx512.h"
#include "ops_avx512.h"

/* R rows (<= 4) by the 32 columns from c (m0, m1 mask the columns past nc) */
static inline __attribute__((always_inline)) void dist_block(const float *a, size_t lda, int R,
                                                             const float *bt, size_t ldb, size_t d,
                                                             __mmask16 m0, __mmask16 m1, float *D,
                                                             size_t ldd)
{
    __m512 acc[4][2];
    for (int r = 0; r < 4; r++)
        acc[r][0] = acc[r][1] = _mm512_setzero_ps();
    for (size_t k = 0; k < d; k++) {
        __m512 b0 = _mm512_maskz_loadu_ps(m0, bt + k * ldb);
        __m512 b1 = _mm512_maskz_loadu_ps(m1, bt + k * ldb + 16);
        for (int r = 0; r < R; r++) {
            __m512 ar = _mm512_set1_ps(a[(size_t)r * lda + k]);
            __m512 t0 = _mm512_sub_ps(ar, b0), t1 = _mm512_sub_ps(ar, b1);
            acc[r][0] = _mm512_fmadd_ps(t0, t0, acc[r][0]);
            acc[r][1] = _mm512_fmadd_ps(t1, t1, acc[r][1]);
        }
    }
    for (int r = 0; r < R; r++) {
        _mm512_mask_storeu_ps(D + (size_t)r * ldd, m0, acc[r][0]);
        _mm512_mask_storeu_ps(D + (size_t)r * ldd + 16, m1, acc[r][1]);
    }
}

void act_kde_dist_avx512(const float *a, size_t nr, size_t lda, const float *bt, size_t nc,
                         size_t ldb, size_t d, float *D, size_t ldd)
{
    for (size_t c = 0; c < nc; c += 32) {
        size_t left = nc - c;
        __mmask16 m0 = left >= 16 ? (__mmask16)0xffff : tail_mask_v16(left);
        __mmask16 m1 = left >= 32 ? (__mmask16)0xffff : left > 16 ? tail_mask_v16(left - 16) : 0;
        size_t r = 0;
        for (; r + 4 <= nr; r += 4)
            dist_block(a + r * lda, lda, 4, bt + c, ldb, d, m0, m1, D + r * ldd + c, ldd);
        for (; r < nr; r++)
            dist_block(a + r * lda, lda, 1, bt + c, ldb, d, m0, m1, D + r * ldd + c, ldd);
    }
}

void act_kde_tile_avx512(const float *D, size_t nr, size_t nc, size_t ldd, double cf,
                         const int32_t *yr, const int32_t *yc, double *rs, double *cs, double *rsy,
                         double *csy)
{
    float col[ACT_KDE_ROWS], coly[ACT_KDE_ROWS];
    for (size_t c = 0; c < nc; c++)
        col[c] = coly[c] = 0.0f;
    const __m512 vc = _mm512_set1_ps((float)cf);
    for (size_t r = 0; r < nr; r++) {
        const __m512i y = _mm512_set1_epi32(yr[r]);
        __m512 row = _mm512_setzero_ps(), rowy = _mm512_setzero_ps();
        for (size_t c = 0; c < nc; c += 16) {
            __mmask16 m = nc - c >= 16 ? (__mmask16)0xffff : tail_mask_v16(nc - c);
            __m512 dv = _mm512_maskz_loadu_ps(m, D + r * ldd + c);
            __m512 e = _mm512_maskz_mov_ps(m, exp_neg_v16(_mm512_mul_ps(dv, vc)));
            __mmask16 same =
                _mm512_mask_cmpeq_epi32_mask(m, y, _mm512_maskz_loadu_epi32(m, yc + c));
            __m512 ey = _mm512_maskz_mov_ps(same, e);
            row = _mm512_add_ps(row, e);
            rowy = _mm512_add_ps(rowy, ey);
            _mm512_mask_storeu_ps(col + c, m, _mm512_add_ps(_mm512_maskz_loadu_ps(m, col + c), e));
            _mm512_mask_storeu_ps(coly + c, m,
                                  _mm512_add_ps(_mm512_maskz_loadu_ps(m, coly + c), ey));
        }
        rs[r] += (double)_mm512_reduce_add_ps(row);
        rsy[r] += (double)_mm512_reduce_add_ps(rowy);
    }
    for (size_t c = 0; c < nc; c++) {
        cs[c] += (double)col[c];
        csy[c] += (double)coly[c];
    }
}
