/* minmax_avx2.c - min and max, four accumulators of 8 lanes to hide latency.
 * minps/maxps return their second operand when either is NaN, so with the
 * accumulator second a NaN lane is skipped. Zero is reported as +0.0. */
#include "loop_avx2.h"
#include "ops_avx2.h"

void act_minmax_avx2(const float *x, size_t n, float *lo, float *hi)
{
    const __m256 inf = _mm256_set1_ps(INFINITY), ninf = _mm256_set1_ps(-INFINITY);
    __m256 l0 = inf, l1 = inf, l2 = inf, l3 = inf, h0 = ninf, h1 = ninf, h2 = ninf, h3 = ninf;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256 a = _mm256_loadu_ps(x + i), b = _mm256_loadu_ps(x + i + 8);
        __m256 c = _mm256_loadu_ps(x + i + 16), d = _mm256_loadu_ps(x + i + 24);
        l0 = _mm256_min_ps(a, l0);
        h0 = _mm256_max_ps(a, h0);
        l1 = _mm256_min_ps(b, l1);
        h1 = _mm256_max_ps(b, h1);
        l2 = _mm256_min_ps(c, l2);
        h2 = _mm256_max_ps(c, h2);
        l3 = _mm256_min_ps(d, l3);
        h3 = _mm256_max_ps(d, h3);
    }
    for (; i + 8 <= n; i += 8) {
        __m256 a = _mm256_loadu_ps(x + i);
        l0 = _mm256_min_ps(a, l0);
        h0 = _mm256_max_ps(a, h0);
    }
    if (i < n) {
        __m256i m = tail_mask_v8(n - i);
        __m256 a = _mm256_maskload_ps(x + i, m);
        l1 = _mm256_min_ps(_mm256_blendv_ps(inf, a, _mm256_castsi256_ps(m)), l1);
        h1 = _mm256_max_ps(_mm256_blendv_ps(ninf, a, _mm256_castsi256_ps(m)), h1);
    }
    l0 = _mm256_min_ps(_mm256_min_ps(l0, l1), _mm256_min_ps(l2, l3));
    h0 = _mm256_max_ps(_mm256_max_ps(h0, h1), _mm256_max_ps(h2, h3));
    reduce_minmax_v8(l0, h0, lo, hi);
}
