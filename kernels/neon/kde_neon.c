/* kde_neon.c - the KDE bounds' pairwise sums (kernels.h, act_kde_fn), each
 * pair once, 4 rows by 4 lanes, as kernels/avx512/kde_avx512.c: rows in
 * groups of four against the columns after them, each term to its row's sum
 * and its column's; float32 sums over blocks of 256, then double
 * (ACT_KDE_BOUND). */
#include <arm_neon.h>
#include <string.h>

#include "exp_neon.h"
#include "ops_neon.h"

#define KDE_BLOCK 256 /* columns per float32 partial row sum */

static inline float32x4_t term_v4(float32x4_t yi, float32x4_t yj, float32x4_t c)
{
    float32x4_t d = vsubq_f32(yi, yj);
    return exp_neg_v4(vmulq_f32(vmulq_f32(d, d), c));
}

static inline float64x2_t widen_sum(float64x2_t acc, float32x4_t f)
{
    acc = vaddq_f64(acc, vcvt_f64_f32(vget_low_f32(f)));
    return vaddq_f64(acc, vcvt_high_f64_f32(f));
}

/* rows g .. g+R-1 (R <= 4) against the columns after each */
static inline __attribute__((always_inline)) void rows(const float *y, size_t n, size_t g, int R,
                                                       float32x4_t c, double *s, float *col)
{
    static const uint32_t lanes[4] = {0, 1, 2, 3};
    const uint32x4_t lane = vld1q_u32(lanes);
    float32x4_t yi[4], f[4];
    float64x2_t acc[4];
    for (int r = 0; r < R; r++) {
        yi[r] = vdupq_n_f32(y[g + (size_t)r]);
        acc[r] = vdupq_n_f64(0.0);
        f[r] = vdupq_n_f32(0.0f);
    }
    size_t j = g, flush = g + KDE_BLOCK;
    while (j < n) {
        /* no masked load: the last vector goes through a copy */
        float ybuf[4] = {0}, cbuf[4] = {0};
        size_t k = n - j < 4 ? n - j : 4;
        const float *yp = y + j;
        float *cp = col + j;
        if (k < 4) {
            memcpy(ybuf, yp, k * sizeof *yp);
            memcpy(cbuf, cp, k * sizeof *cp);
            yp = ybuf;
            cp = cbuf;
        }
        uint32x4_t live = vcltq_u32(lane, vdupq_n_u32((uint32_t)k));
        float32x4_t yj = vld1q_f32(yp), sum = vld1q_f32(cp);
        for (int r = 0; r < R; r++) {
            uint32x4_t m = live;
            if (j < g + 4) /* the group's first vector: only j > g + r */
                m = vandq_u32(m, vcgtq_u32(vaddq_u32(vdupq_n_u32((uint32_t)(j - g)), lane),
                                           vdupq_n_u32((uint32_t)r)));
            float32x4_t t =
                vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(term_v4(yi[r], yj, c)), m));
            f[r] = vaddq_f32(f[r], t);
            sum = vaddq_f32(sum, t);
        }
        vst1q_f32(cp, sum);
        if (k < 4)
            memcpy(col + j, cbuf, k * sizeof *cbuf);
        j += 4;
        if (j >= flush || j >= n) {
            for (int r = 0; r < R; r++) {
                acc[r] = widen_sum(acc[r], f[r]);
                f[r] = vdupq_n_f32(0.0f);
            }
            flush = j + KDE_BLOCK;
        }
    }
    for (int r = 0; r < R; r++)
        s[g + (size_t)r] += vaddvq_f64(acc[r]);
}

void act_kde_rows_neon(const float *y, size_t n, size_t i0, size_t i1, double c, double *s,
                       float *col)
{
    const float32x4_t vc = vdupq_n_f32((float)c);
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
