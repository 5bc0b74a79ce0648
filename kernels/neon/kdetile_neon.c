/* kdetile_neon.c - the d-dimensional KDE bounds' tiles, 4 lanes (kernels.h,
 * act_kde_dist_fn and act_kde_tile_fn): kdetile_avx512.c's steps, 4 rows by
 * 4 columns of distances with each lane summing over k in order by fused
 * multiply-adds (the tail columns by fmaf, the same operations), so a
 * distance has the x86 tables' bits; terms by exp_neon.h's e^-a. */
#include <arm_neon.h>
#include <math.h>

#include "exp_neon.h"
#include "loop_neon.h"
#include "ops_neon.h"

void act_kde_dist_neon(const float *a, size_t nr, size_t lda, const float *bt, size_t nc,
                       size_t ldb, size_t d, float *D, size_t ldd)
{
    size_t c = 0;
    for (; c + 4 <= nc; c += 4) {
        for (size_t r = 0; r < nr; r += 4) {
            size_t R = nr - r < 4 ? nr - r : 4;
            float32x4_t acc[4] = {vdupq_n_f32(0), vdupq_n_f32(0), vdupq_n_f32(0), vdupq_n_f32(0)};
            for (size_t k = 0; k < d; k++) {
                float32x4_t b = vld1q_f32(bt + k * ldb + c);
                for (size_t q = 0; q < R; q++) {
                    float32x4_t t = vsubq_f32(vdupq_n_f32(a[(r + q) * lda + k]), b);
                    acc[q] = vfmaq_f32(acc[q], t, t);
                }
            }
            for (size_t q = 0; q < R; q++)
                vst1q_f32(D + (r + q) * ldd + c, acc[q]);
        }
    }
    for (; c < nc; c++)
        for (size_t r = 0; r < nr; r++) {
            float s = 0.0f;
            for (size_t k = 0; k < d; k++) {
                float t = a[r * lda + k] - bt[k * ldb + c];
                s = fmaf(t, t, s);
            }
            D[r * ldd + c] = s;
        }
}

void act_kde_tile_neon(const float *D, size_t nr, size_t nc, size_t ldd, double cf,
                       const int32_t *yr, const int32_t *yc, double *rs, double *cs, double *rsy,
                       double *csy)
{
    float col[ACT_KDE_ROWS], coly[ACT_KDE_ROWS];
    for (size_t c = 0; c < nc; c++)
        col[c] = coly[c] = 0.0f;
    const float32x4_t vc = vdupq_n_f32((float)cf);
    for (size_t r = 0; r < nr; r++) {
        const int32x4_t y = vdupq_n_s32(yr[r]);
        float32x4_t row = vdupq_n_f32(0), rowy = vdupq_n_f32(0);
        for (size_t c = 0; c < nc; c += 4) {
            size_t k = nc - c < 4 ? nc - c : 4;
            uint32x4_t m = tail_mask_v4(k);
            float32x4_t dv =
                k == 4 ? vld1q_f32(D + r * ldd + c) : load_part_v4(D + r * ldd + c, k, 0);
            int32_t ybuf[4] = {0, 0, 0, 0};
            for (size_t q = 0; q < k; q++)
                ybuf[q] = yc[c + q];
            float32x4_t e = vreinterpretq_f32_u32(
                vandq_u32(vreinterpretq_u32_f32(exp_neg_v4(vmulq_f32(dv, vc))), m));
            uint32x4_t same = vandq_u32(vceqq_s32(y, vld1q_s32(ybuf)), m);
            float32x4_t ey = vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(e), same));
            row = vaddq_f32(row, e);
            rowy = vaddq_f32(rowy, ey);
            float cb[4], cyb[4];
            vst1q_f32(cb, e);
            vst1q_f32(cyb, ey);
            for (size_t q = 0; q < k; q++) {
                col[c + q] += cb[q];
                coly[c + q] += cyb[q];
            }
        }
        rs[r] += (double)vaddvq_f32(row);
        rsy[r] += (double)vaddvq_f32(rowy);
    }
    for (size_t c = 0; c < nc; c++) {
        cs[c] += (double)col[c];
        csy[c] += (double)coly[c];
    }
}
