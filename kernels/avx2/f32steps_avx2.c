/* f32steps_avx2.c - f32_avx2.h's reciprocal, quotient and scaling over
 * arrays, so tests/test_f32math.c checks them against IEEE arithmetic without
 * naming an ISA (kernels.h, struct act_f32_steps). A tail shorter than 8 is
 * padded with ones in a local vector. */
#include <string.h>

#include "../cpu.h"
#include "../kernels.h"
#include "f32_avx2.h"

/* up to 8 values of p from i on, padded with fill */
static __m256 load_v8(const float *p, size_t i, size_t n, float fill)
{
    if (n - i >= 8)
        return _mm256_loadu_ps(p + i);
    float t[8] = {fill, fill, fill, fill, fill, fill, fill, fill};
    memcpy(t, p + i, (n - i) * sizeof *t);
    return _mm256_loadu_ps(t);
}

static void store_v8(float *p, size_t i, size_t n, __m256 v)
{
    if (n - i >= 8) {
        _mm256_storeu_ps(p + i, v);
        return;
    }
    float t[8];
    _mm256_storeu_ps(t, v);
    memcpy(p + i, t, (n - i) * sizeof *t);
}

static void recip_avx2(const float *b, float *y, size_t n)
{
    for (size_t i = 0; i < n; i += 8)
        store_v8(y, i, n, recip_v8(load_v8(b, i, n, 1.0f)));
}

static void div_avx2(const float *a, const float *b, float *q, size_t n)
{
    for (size_t i = 0; i < n; i += 8) {
        __m256 vb = load_v8(b, i, n, 1.0f);
        store_v8(q, i, n, div_v8(load_v8(a, i, n, 0.0f), vb, recip_v8(vb)));
    }
}

static void scale_avx2(const float *a, const float *k, float *y, size_t n)
{
    for (size_t i = 0; i < n; i += 8)
        store_v8(y, i, n, scale_v8(load_v8(a, i, n, 0.0f), load_v8(k, i, n, 0.0f)));
}

const struct act_f32_steps act_f32_steps_avx2 = {"avx2", act_cpu_avx2_fma, recip_avx2, div_avx2,
                                                 scale_avx2};
