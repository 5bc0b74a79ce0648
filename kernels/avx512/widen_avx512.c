/* widen_avx512.c - float16, bfloat16 and float64 elements to float32, 16
 * lanes, tails under a mask. float16 by vcvtph2ps (AVX-512F): exact, and
 * subnormal halves convert whatever MXCSR's denormals-are-zero says; a
 * signaling NaN comes out quieted, the one difference from the scalar table's
 * bits the widen contract allows (kernels.h). bfloat16 by a 16-bit shift;
 * float64 by vcvtpd2ps (round to nearest, as a C cast). */
#include <immintrin.h>

#include "ops_avx512.h"

static inline __mmask16 tail16(size_t k) { return (__mmask16)((1u << k) - 1); }

void act_widen_f16_avx512(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        _mm512_storeu_ps(y + i, _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(p + 2 * i))));
    if (i < n) {
        __mmask16 m = tail16(n - i);
        __m256i h = _mm256_maskz_loadu_epi16(m, p + 2 * i);
        _mm512_mask_storeu_ps(y + i, m, _mm512_cvtph_ps(h));
    }
}

void act_widen_bf16_avx512(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512i w = _mm512_cvtepu16_epi32(_mm256_loadu_si256((const __m256i *)(p + 2 * i)));
        _mm512_storeu_si512(y + i, _mm512_slli_epi32(w, 16));
    }
    if (i < n) {
        __mmask16 m = tail16(n - i);
        __m512i w = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(m, p + 2 * i));
        _mm512_mask_storeu_epi32(y + i, m, _mm512_slli_epi32(w, 16));
    }
}

void act_widen_f64_avx512(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 a = _mm512_cvtpd_ps(_mm512_loadu_pd(p + 8 * i));
        __m256 b = _mm512_cvtpd_ps(_mm512_loadu_pd(p + 8 * i + 64));
        _mm512_storeu_ps(y + i, _mm512_insertf32x8(_mm512_castps256_ps512(a), b, 1));
    }
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, _mm512_cvtpd_ps(_mm512_loadu_pd(p + 8 * i)));
    if (i < n) {
        __mmask8 m = (__mmask8)((1u << (n - i)) - 1);
        __m256 a = _mm512_cvtpd_ps(_mm512_maskz_loadu_pd(m, p + 8 * i));
        _mm256_mask_storeu_ps(y + i, m, a);
    }
}
