/* quant_neon.c - floor(x / w) codes, 4 lanes (kernels.h, act_quant_fn):
 * fdiv and frintm are exact, so the codes are the scalar table's; the tail
 * goes through the same steps in scalar code. */
#include <arm_neon.h>
#include <math.h>

#include "../scalar/quant_scalar.h"
#include "ops_neon.h"

bool act_quant_width_neon(const float *x, size_t n, float w, int32_t *code)
{
    const float32x4_t vw = vdupq_n_f32(w);
    const float32x4_t lo = vdupq_n_f32(-2147483648.0f), hi = vdupq_n_f32(2147483648.0f);
    uint32x4_t in_all = vdupq_n_u32(~0u);
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        float32x4_t q = vrndmq_f32(vdivq_f32(vld1q_f32(x + i), vw));
        uint32x4_t in = vandq_u32(vcgeq_f32(q, lo), vcltq_f32(q, hi));
        in_all = vandq_u32(in_all, in);
        int32x4_t c = vcvtq_s32_f32(q);
        vst1q_s32(code + i, vbslq_s32(in, c, vdupq_n_s32(0)));
    }
    bool ok = vminvq_u32(in_all) != 0;
    for (; i < n; i++)
        ok &= quant_width_one(x[i], w, &code[i]);
    return ok;
}

/* NEON has no gather: the guess and the steps lane by lane, the scalar
 * table's (the same counts: the steps make them exact whatever the guess) */
void act_quant_edges_neon(const float *x, size_t n, const float *thr, size_t m, float first,
                          float inv, int32_t *count)
{
    for (size_t i = 0; i < n; i++)
        count[i] = quant_edges_one(thr, m, first, inv, x[i]);
}
