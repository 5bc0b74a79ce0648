/* minmax_avx512.c - min and max, 16 lanes, four accumulators to hide latency.
 *
 * Algorithm: minps/maxps return their second operand when either is NaN, so with the
 * accumulator second a NaN lane is skipped; the tail is a masked min/max (absent lanes keep
 * the accumulator). Zero is reported as +0.0. Bound: exact. */
#include "loop_avx512.h"
#include "ops_avx512.h"

void act_minmax_avx512(const float *x, size_t n, float *lo, float *hi)
{
    const __m512 inf = _mm512_set1_ps(INFINITY), ninf = _mm512_set1_ps(-INFINITY);
    __m512 l0 = inf, l1 = inf, l2 = inf, l3 = inf, h0 = ninf, h1 = ninf, h2 = ninf, h3 = ninf;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m512 a = _mm512_loadu_ps(x + i), b = _mm512_loadu_ps(x + i + 16);
        __m512 c = _mm512_loadu_ps(x + i + 32), d = _mm512_loadu_ps(x + i + 48);
        l0 = _mm512_min_ps(a, l0);
        h0 = _mm512_max_ps(a, h0);
        l1 = _mm512_min_ps(b, l1);
        h1 = _mm512_max_ps(b, h1);
        l2 = _mm512_min_ps(c, l2);
        h2 = _mm512_max_ps(c, h2);
        l3 = _mm512_min_ps(d, l3);
        h3 = _mm512_max_ps(d, h3);
    }
    for (; i + 16 <= n; i += 16) {
        __m512 a = _mm512_loadu_ps(x + i);
        l0 = _mm512_min_ps(a, l0);
        h0 = _mm512_max_ps(a, h0);
    }
    if (i < n) {
        __mmask16 m = tail_mask_v16(n - i);
        __m512 a = _mm512_maskz_loadu_ps(m, x + i);
        l1 = _mm512_mask_min_ps(l1, m, a, l1);
        h1 = _mm512_mask_max_ps(h1, m, a, h1);
    }
    l0 = _mm512_min_ps(_mm512_min_ps(l0, l1), _mm512_min_ps(l2, l3));
    h0 = _mm512_max_ps(_mm512_max_ps(h0, h1), _mm512_max_ps(h2, h3));
    reduce_minmax_v16(l0, h0, lo, hi);
}
