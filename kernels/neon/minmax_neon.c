/* minmax_neon.c - min and max, four accumulators of 4 lanes to hide latency.
 * Compare-and-select rather than FMIN/FMINNM: FMIN propagates NaN and FMINNM
 * turns a signalling NaN into a NaN result, while an ordered compare is
 * false for any NaN and leaves the accumulator alone. Zero is reported as +0.0. */
#include "loop_neon.h"
#include "ops_neon.h"

static inline void acc_v4(float32x4_t a, float32x4_t *lo, float32x4_t *hi)
{
    *lo = vbslq_f32(vcltq_f32(a, *lo), a, *lo);
    *hi = vbslq_f32(vcgtq_f32(a, *hi), a, *hi);
}

void act_minmax_neon(const float *x, size_t n, float *lo, float *hi)
{
    const float32x4_t inf = vdupq_n_f32(INFINITY), ninf = vdupq_n_f32(-INFINITY);
    float32x4_t l0 = inf, l1 = inf, l2 = inf, l3 = inf, h0 = ninf, h1 = ninf, h2 = ninf, h3 = ninf;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        acc_v4(vld1q_f32(x + i), &l0, &h0);
        acc_v4(vld1q_f32(x + i + 4), &l1, &h1);
        acc_v4(vld1q_f32(x + i + 8), &l2, &h2);
        acc_v4(vld1q_f32(x + i + 12), &l3, &h3);
    }
    for (; i + 4 <= n; i += 4)
        acc_v4(vld1q_f32(x + i), &l0, &h0);
    /* the tail padded with NaN, which no compare selects */
    if (i < n)
        acc_v4(load_part_v4(x + i, n - i, NAN), &l1, &h1);
    /* the accumulators hold no NaN: FMIN/FMAX may combine them */
    l0 = vminq_f32(vminq_f32(l0, l1), vminq_f32(l2, l3));
    h0 = vmaxq_f32(vmaxq_f32(h0, h1), vmaxq_f32(h2, h3));
    reduce_minmax_v4(l0, h0, lo, hi);
}
