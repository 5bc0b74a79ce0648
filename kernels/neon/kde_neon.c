/* kde_neon.c - the pairwise log-sum-exp (kernels.h, act_kde_fn), 4 rows by
 * 4 lanes, as kernels/avx2/kde_avx2.c: each y[j] vector serves four rows;
 * float32 sums over blocks of 256 values, then double (ACT_KDE_BOUND). */
#include <arm_neon.h>
#include <math.h>
#include <string.h>

#include "exp_neon.h"
#include "ops_neon.h"

#define KDE_BLOCK 256 /* values per float32 partial sum */

/* e^-a for a >= 0, clamped at 87 where e^-a is still normal */
static inline float32x4_t exp_neg_v4(float32x4_t a)
{
    a = vminq_f32(a, vdupq_n_f32(87.0f));
    float32x4_t s;
    float32x4_t r = exp_reduce_short_v4(a, -1.0f, 127, &s);
    float32x4_t v = expm1_poly_v4(r, -1.0f);
    return vfmaq_f32(s, s, v);
}

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

static inline __attribute__((always_inline)) double rows(const float *y, size_t n, size_t i, int R,
                                                         float32x4_t c)
{
    float32x4_t yi[4];
    float64x2_t acc[4];
    for (int r = 0; r < R; r++) {
        yi[r] = vdupq_n_f32(y[i + (size_t)r]);
        acc[r] = vdupq_n_f64(0.0);
    }
    for (size_t j0 = 0; j0 < n; j0 += KDE_BLOCK) {
        size_t end = n - j0 < KDE_BLOCK ? n : j0 + KDE_BLOCK, j = j0;
        float32x4_t f[4];
        for (int r = 0; r < R; r++)
            f[r] = vdupq_n_f32(0.0f);
        for (; j + 4 <= end; j += 4) {
            float32x4_t yj = vld1q_f32(y + j);
            for (int r = 0; r < R; r++)
                f[r] = vaddq_f32(f[r], term_v4(yi[r], yj, c));
        }
        if (j < end) { /* no masked load: copy the tail, drop the dead lanes' terms */
            float buf[4] = {0};
            memcpy(buf, y + j, (end - j) * sizeof *y);
            static const uint32_t lane[4] = {0, 1, 2, 3};
            uint32x4_t live = vcltq_u32(vld1q_u32(lane), vdupq_n_u32((uint32_t)(end - j)));
            float32x4_t yj = vld1q_f32(buf);
            for (int r = 0; r < R; r++) {
                uint32x4_t t = vreinterpretq_u32_f32(term_v4(yi[r], yj, c));
                f[r] = vaddq_f32(f[r], vreinterpretq_f32_u32(vandq_u32(t, live)));
            }
        }
        for (int r = 0; r < R; r++)
            acc[r] = widen_sum(acc[r], f[r]);
    }
    double t = 0.0;
    for (int r = 0; r < R; r++)
        t += log(vaddvq_f64(acc[r]));
    return t;
}

double act_kde_lse_neon(const float *y, size_t n, double c)
{
    const float32x4_t vc = vdupq_n_f32((float)c);
    double total = 0.0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        total += rows(y, n, i, 4, vc);
    for (; i < n; i++)
        total += rows(y, n, i, 1, vc);
    return total;
}
