/* widen_avx2.c - float16, bfloat16 and float64 elements to float32, 8 lanes.
 * float16 as the scalar table does it (kernels/scalar/widen_scalar.c: the
 * exponent rebiased by an integer add, subnormals as an exact integer times
 * 2^-24, inf/NaN set directly), in integer lanes: exact, NaN payloads kept,
 * unaffected by denormals-are-zero, and no F16C needed beyond the table's
 * AVX2+FMA. bfloat16 by a 16-bit shift; float64 by vcvtpd2ps (round to
 * nearest, as a C cast). */
#include <immintrin.h>

#include "../scalar/ops_scalar.h"
#include "ops_avx2.h"

static inline __m256 f16x8(__m128i h)
{
    const __m256i w = _mm256_cvtepu16_epi32(h);
    const __m256i em = _mm256_and_si256(w, _mm256_set1_epi32(0x7fff));
    const __m256i sign = _mm256_slli_epi32(_mm256_xor_si256(w, em), 16);
    const __m256i u = _mm256_slli_epi32(em, 13);
    const __m256i normal = _mm256_add_epi32(u, _mm256_set1_epi32(112 << 23));
    const __m256i infnan = _mm256_or_si256(u, _mm256_set1_epi32(0x7f800000));
    const __m256 sub = _mm256_mul_ps(_mm256_cvtepi32_ps(em), _mm256_set1_ps(0x1p-24f));
    const __m256i is_normal = _mm256_cmpgt_epi32(em, _mm256_set1_epi32(0x3ff));
    const __m256i is_special = _mm256_cmpgt_epi32(em, _mm256_set1_epi32(0x7bff));
    __m256i r = _mm256_blendv_epi8(_mm256_castps_si256(sub), normal, is_normal);
    r = _mm256_blendv_epi8(r, infnan, is_special);
    return _mm256_castsi256_ps(_mm256_or_si256(r, sign));
}

void act_widen_f16_avx2(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f16x8(_mm_loadu_si128((const __m128i *)(p + 2 * i))));
    act_widen_f16_scalar(p + 2 * i, y + i, n - i);
}

void act_widen_bf16_avx2(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256i w = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(p + 2 * i)));
        _mm256_storeu_si256((__m256i *)(y + i), _mm256_slli_epi32(w, 16));
    }
    act_widen_bf16_scalar(p + 2 * i, y + i, n - i);
}

void act_widen_f64_avx2(const void *x, float *y, size_t n)
{
    const char *p = x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128 a = _mm256_cvtpd_ps(_mm256_loadu_pd((const double *)(p + 8 * i)));
        __m128 b = _mm256_cvtpd_ps(_mm256_loadu_pd((const double *)(p + 8 * i + 32)));
        _mm256_storeu_ps(y + i, _mm256_set_m128(b, a));
    }
    act_widen_f64_scalar(p + 8 * i, y + i, n - i);
}
