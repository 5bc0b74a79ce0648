/* loop_neon.h - the loops every NEON activation shares, always inlined.
 *
 * map_v4: y = f(x), 4 lanes at a time. NEON has no masked load or store, so
 * the tail (1 to 3 values) is copied into a zero-padded vector, goes through
 * the *same* vector body, and only its live lanes are copied out: a value's
 * result never depends on its position in the array.
 *
 * map_hist_v4: the fused pass. f(x) is binned as soon as it is computed, never
 * stored; the min and max of f(x) are tracked in the same sweep so the caller
 * (src/core/pipeline.c) can check the range it predicted. Binning is exact: an
 * estimate from the bin width, one correction step against the float32
 * thresholds, and a check; any lane the check rejects (only near-degenerate
 * edges) is binned by the scalar definition. */
#ifndef ACT_LOOP_NEON_H
#define ACT_LOOP_NEON_H

#include <arm_neon.h>
#include <math.h>
#include <string.h>

#include "../kernels.h"
#include "../scalar/bin_scalar.h"

typedef float32x4_t (*act_body_v4)(float32x4_t);

/* the first k (< 4) floats at p, the other lanes `pad` */
static inline float32x4_t load_part_v4(const float *p, size_t k, float pad)
{
    float buf[4] = {pad, pad, pad, pad};
    memcpy(buf, p, k * sizeof *p);
    return vld1q_f32(buf);
}

/* stores lanes [0, k) of v, k < 4 */
static inline void store_part_v4(float *p, size_t k, float32x4_t v)
{
    float buf[4];
    vst1q_f32(buf, v);
    memcpy(p, buf, k * sizeof *p);
}

/* lanes [0, k) set, k in 0..4 */
static inline uint32x4_t tail_mask_v4(size_t k)
{
    static const uint32_t lane[4] = {0, 1, 2, 3};
    return vcgtq_u32(vdupq_n_u32((uint32_t)k), vld1q_u32(lane));
}

static inline __attribute__((always_inline)) void map_v4(const float *x, float *y, size_t n,
                                                         act_body_v4 f)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        float32x4_t a = f(vld1q_f32(x + i)), b = f(vld1q_f32(x + i + 4));
        vst1q_f32(y + i, a);
        vst1q_f32(y + i + 4, b);
    }
    for (; i + 4 <= n; i += 4)
        vst1q_f32(y + i, f(vld1q_f32(x + i)));
    if (i < n)
        store_part_v4(y + i, n - i, f(load_part_v4(x + i, n - i, 0.0f)));
}

/* t[i[l]] in lane l: NEON has no gather */
static inline float32x4_t gather_v4(const float *t, int32x4_t i)
{
    float32x4_t r = vdupq_n_f32(t[vgetq_lane_s32(i, 0)]);
    r = vld1q_lane_f32(t + vgetq_lane_s32(i, 1), r, 1);
    r = vld1q_lane_f32(t + vgetq_lane_s32(i, 2), r, 2);
    return vld1q_lane_f32(t + vgetq_lane_s32(i, 3), r, 3);
}

/* Per-call constants for exact given-edges binning. */
struct bins_v4 {
    float32x4_t lo, top, scale; /* thresh[0], thresh_hi, nbins / (hi - lo) */
    int32x4_t last;             /* nbins - 1 */
    const float *thresh;
};

static inline struct bins_v4 bins_v4_init(const struct act_edges *e)
{
    struct bins_v4 b;
    b.lo = vdupq_n_f32(e->thresh[0]);
    b.top = vdupq_n_f32(e->thresh_hi);
    b.scale = vdupq_n_f32((float)((double)e->nbins / (e->hi - e->lo)));
    b.last = vdupq_n_s32((int32_t)e->nbins - 1);
    b.thresh = e->thresh;
    return b;
}

/* Adds the 4 lanes of v selected by `live` to counts. */
static inline void bin_v4(const struct bins_v4 *b, const struct act_edges *e, float32x4_t v,
                          uint32x4_t live, uint64_t *counts)
{
    const int32x4_t zero = vdupq_n_s32(0), one = vdupq_n_s32(1);
    uint32x4_t in = vandq_u32(live, vandq_u32(vcgeq_f32(v, b->lo), vcleq_f32(v, b->top)));
    if (vmaxvq_u32(in) == 0)
        return;
    /* estimate, clamped (NaN converts to 0, overflow saturates) */
    int32x4_t i = vcvtq_s32_f32(vmulq_f32(vsubq_f32(v, b->lo), b->scale));
    i = vminq_s32(vmaxq_s32(i, zero), b->last);
    /* one step down or up against the thresholds; a true mask is -1 */
    float32x4_t tl = gather_v4(b->thresh, i), th = gather_v4(b->thresh, vaddq_s32(i, one));
    uint32x4_t down = vandq_u32(vcltq_f32(v, tl), vcgtq_s32(i, zero));
    uint32x4_t up = vandq_u32(vcgeq_f32(v, th), vcgtq_s32(b->last, i));
    i = vsubq_s32(vaddq_s32(i, vreinterpretq_s32_u32(down)), vreinterpretq_s32_u32(up));
    /* exact when thresh[i] <= v (or i == 0) and v < thresh[i+1] (or i == last) */
    tl = gather_v4(b->thresh, i);
    th = gather_v4(b->thresh, vaddq_s32(i, one));
    uint32x4_t ok = vandq_u32(vorrq_u32(vcgeq_f32(v, tl), vceqq_s32(i, zero)),
                              vorrq_u32(vcltq_f32(v, th), vceqq_s32(i, b->last)));
    int32_t idx[4];
    uint32_t inm[4], okm[4];
    float val[4];
    vst1q_s32(idx, i);
    vst1q_u32(inm, in);
    vst1q_u32(okm, ok);
    vst1q_f32(val, v);
    for (int l = 0; l < 4; l++) {
        if (!inm[l])
            continue;
        size_t bin;
        if (okm[l])
            counts[idx[l]]++;
        else if (bin_edges_scalar(val[l], e, &bin))
            counts[bin]++;
    }
}

struct seen_v4 {
    float32x4_t lo, hi;
    uint64x2_t nan; /* NaN lanes seen, in pairs of lanes */
};

/* ordered compares: a NaN lane (or a dead one) leaves lo and hi alone */
static inline void seen_v4_add(struct seen_v4 *s, float32x4_t v, uint32x4_t live)
{
    s->lo = vbslq_f32(vandq_u32(live, vcltq_f32(v, s->lo)), v, s->lo);
    s->hi = vbslq_f32(vandq_u32(live, vcgtq_f32(v, s->hi)), v, s->hi);
    uint32x4_t nan = vandq_u32(live, vmvnq_u32(vceqq_f32(v, v)));
    s->nan = vpadalq_u32(s->nan, vshrq_n_u32(nan, 31));
}

/* horizontal min and max of 4 NaN-free lanes, zero reported as +0.0 */
static inline void reduce_minmax_v4(float32x4_t lo, float32x4_t hi, float *out_lo, float *out_hi)
{
    *out_lo = vminvq_f32(lo) + 0.0f;
    *out_hi = vmaxvq_f32(hi) + 0.0f;
}

static inline __attribute__((always_inline)) void map_hist_v4(const float *x, size_t n,
                                                              const struct act_edges *e,
                                                              uint64_t *counts,
                                                              struct act_seen *seen, act_body_v4 f)
{
    struct bins_v4 b = bins_v4_init(e);
    struct seen_v4 s = {vdupq_n_f32(seen->lo), vdupq_n_f32(seen->hi), vdupq_n_u64(0)};
    const uint32x4_t all = vdupq_n_u32(~0u);
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        float32x4_t v = f(vld1q_f32(x + i));
        seen_v4_add(&s, v, all);
        bin_v4(&b, e, v, all, counts);
    }
    if (i < n) {
        uint32x4_t m = tail_mask_v4(n - i);
        float32x4_t v = f(load_part_v4(x + i, n - i, 0.0f));
        seen_v4_add(&s, v, m);
        bin_v4(&b, e, v, m, counts);
    }
    reduce_minmax_v4(s.lo, s.hi, &seen->lo, &seen->hi);
    seen->nan += vaddvq_u64(s.nan);
}

#endif
