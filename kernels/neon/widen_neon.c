/* widen_neon.c - float16, bfloat16 and float64 elements to float32, 4 lanes.
 * float16 by fcvtl (exact; a signaling NaN comes out quieted, which the widen
 * contract allows, kernels.h; subnormal halves convert exactly unless FPCR.FZ16
 * flushes them, which nothing here sets). bfloat16 by a 16-bit shift (shll);
 * float64 by fcvtn (round to nearest, as a C cast). */
#include <arm_neon.h>

#include "../scalar/ops_scalar.h"
#include "ops_neon.h"

void act_widen_f16_neon(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint16x8_t h = vld1q_u16((const uint16_t *)(const void *)(p + 2 * i));
        vst1q_f32(y + i, vcvt_f32_f16(vreinterpret_f16_u16(vget_low_u16(h))));
        vst1q_f32(y + i + 4, vcvt_high_f32_f16(vreinterpretq_f16_u16(h)));
    }
    act_widen_f16_scalar(p + 2 * i, y + i, n - i);
}

void act_widen_bf16_neon(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint16x8_t h = vld1q_u16((const uint16_t *)(const void *)(p + 2 * i));
        vst1q_u32((uint32_t *)(void *)(y + i), vshll_n_u16(vget_low_u16(h), 16));
        vst1q_u32((uint32_t *)(void *)(y + i + 4), vshll_high_n_u16(h, 16));
    }
    act_widen_bf16_scalar(p + 2 * i, y + i, n - i);
}

void act_widen_f64_neon(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        float64x2_t a = vld1q_f64((const double *)(const void *)(p + 8 * i));
        float64x2_t b = vld1q_f64((const double *)(const void *)(p + 8 * i + 16));
        vst1q_f32(y + i, vcvt_high_f32_f64(vcvt_f32_f64(a), b));
    }
    act_widen_f64_scalar(p + 8 * i, y + i, n - i);
}
