/* histogram_neon.c - both numpy histogram modes, 4 lanes at a time.
 * Given edges: the exact binning of loop_neon.h. Uniform (np.histogram bins=K):
 * numpy's float32 steps, estimate then one step down and one up against the
 * float32 edges; the rare double-precision variants (wide_sub, wide_norm) go
 * to the scalar definition. */
#include "loop_neon.h"
#include "../scalar/ops_scalar.h"
#include "ops_neon.h"

void act_hist_edges_neon(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    struct bins_v4 b = bins_v4_init(e);
    const uint32x4_t all = vdupq_n_u32(~0u);
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        bin_v4(&b, e, vld1q_f32(y + i), all, counts);
    if (i < n)
        bin_v4(&b, e, load_part_v4(y + i, n - i, 0.0f), tail_mask_v4(n - i), counts);
}

/* the bins of 4 kept values, numpy's float32 steps */
static inline int32x4_t bin_uniform_v4(float32x4_t v, const struct act_edges *e)
{
    const int32x4_t zero = vdupq_n_s32(0), one = vdupq_n_s32(1);
    const int32x4_t last = vdupq_n_s32((int32_t)e->nbins - 1);
    const float32x4_t flast = vdupq_n_f32((float)(e->nbins - 1));
    /* separate subtract and multiply: numpy rounds each step */
    float32x4_t f = vmulq_f32(vsubq_f32(v, vdupq_n_f32(e->first32)), vdupq_n_f32(e->norm32));
    /* as the scalar guard: NaN -> 0, beyond the last bin -> the last bin */
    int32x4_t k = vcvtq_s32_f32(vminq_f32(flast, f));
    k = vminq_s32(vmaxq_s32(k, zero), last);
    uint32x4_t down = vandq_u32(vcltq_f32(v, gather_v4(e->edge32, k)), vcgtq_s32(k, zero));
    k = vaddq_s32(k, vreinterpretq_s32_u32(down));
    uint32x4_t up =
        vandq_u32(vcgeq_f32(v, gather_v4(e->edge32, vaddq_s32(k, one))), vcgtq_s32(last, k));
    return vsubq_s32(k, vreinterpretq_s32_u32(up));
}

void act_hist_uniform_neon(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    if (e->wide_sub || e->wide_norm) { /* numpy's double steps: the definition, value by value */
        act_hist_uniform_scalar(y, n, e, counts);
        return;
    }
    /* numpy keeps first <= v <= last: e->keep_lo <= v <= e->keep_hi as floats */
    float lo_keep = e->keep_lo, hi_keep = e->keep_hi;
    const float32x4_t keep_lo = vdupq_n_f32(lo_keep), keep_hi = vdupq_n_f32(hi_keep);
    for (size_t i = 0; i < n; i += 4) {
        size_t live = n - i < 4 ? n - i : 4;
        float32x4_t v = live < 4 ? load_part_v4(y + i, live, 0.0f) : vld1q_f32(y + i);
        uint32x4_t keep =
            vandq_u32(tail_mask_v4(live), vandq_u32(vcgeq_f32(v, keep_lo), vcleq_f32(v, keep_hi)));
        if (vmaxvq_u32(keep) == 0)
            continue;
        int32_t idx[4];
        uint32_t km[4];
        vst1q_s32(idx, bin_uniform_v4(v, e));
        vst1q_u32(km, keep);
        for (int l = 0; l < 4; l++)
            if (km[l])
                counts[idx[l]]++;
    }
}
