/* f32steps_avx512.c - f32_avx512.h's reciprocal, quotient and scaling over
 * arrays, so tests/test_f32math.c checks them against IEEE arithmetic without
 * naming an ISA (kernels.h, struct act_f32_steps). A tail shorter than 16
 * goes through the same step on a zero-masked load and a masked store. */
#include "../cpu.h"
#include "../kernels.h"
#include "f32_avx512.h"
#include "loop_avx512.h"

static void recip_avx512(const float *b, float *y, size_t n)
{
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = tail_mask_v16(n - i < 16 ? n - i : 16);
        /* masked-off lanes divide 1 by 1, not by 0 */
        __m512 vb = _mm512_mask_loadu_ps(_mm512_set1_ps(1.0f), m, b + i);
        _mm512_mask_storeu_ps(y + i, m, recip_v16(vb));
    }
}

static void div_avx512(const float *a, const float *b, float *q, size_t n)
{
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = tail_mask_v16(n - i < 16 ? n - i : 16);
        __m512 vb = _mm512_mask_loadu_ps(_mm512_set1_ps(1.0f), m, b + i);
        __m512 va = _mm512_maskz_loadu_ps(m, a + i);
        _mm512_mask_storeu_ps(q + i, m, div_v16(va, vb, recip_v16(vb)));
    }
}

static void scale_avx512(const float *a, const float *k, float *y, size_t n)
{
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = tail_mask_v16(n - i < 16 ? n - i : 16);
        __m512 r = scale_v16(_mm512_maskz_loadu_ps(m, a + i), _mm512_maskz_loadu_ps(m, k + i));
        _mm512_mask_storeu_ps(y + i, m, r);
    }
}

const struct act_f32_steps act_f32_steps_avx512 = {"avx512", act_cpu_avx512, recip_avx512,
                                                   div_avx512, scale_avx512};
