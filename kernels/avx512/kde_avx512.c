/* kde_avx512.c - the pairwise log-sum-exp (kernels.h, act_kde_fn), 4 rows by
 * 16 lanes: kde_avx2.c's algorithm widened. Each y[j] vector loaded once
 * serves four rows, whose exps are independent chains the core overlaps; the
 * tail goes through the same body on a zero-masked load, its absent lanes'
 * terms zeroed by the mask. Terms are summed in float32 over blocks of 256
 * values (16 per lane rather than avx2's 32, so the sums round in a
 * different order: not avx2's bits), then in double. The term is exp_avx2.h's
 * e^-a (exp_avx512.h, same steps), so ACT_KDE_BOUND's argument holds as for
 * avx2; tests/test_kde.c measures the figure against the scalar reference. */
#include <immintrin.h>
#include <math.h>

#include "exp_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

#define KDE_BLOCK 256 /* values per float32 partial sum */

/* e^-a for a >= 0. a is clamped at 87, where e^-a is still normal (s =
 * 2^n with n >= -126): a term that small changes a sum >= 1 by nothing. */
static inline __m512 exp_neg_v16(__m512 a)
{
    a = _mm512_min_ps(a, _mm512_set1_ps(87.0f));
    __m512 s;
    __m512 r = exp_reduce_short_v16(a, -1.0f, 127, &s);
    __m512 v = expm1_poly_v16(r, -1.0f);
    return _mm512_fmadd_ps(s, v, s);
}

static inline __m512 term_v16(__m512 yi, __m512 yj, __m512 c)
{
    __m512 d = _mm512_sub_ps(yi, yj);
    return exp_neg_v16(_mm512_mul_ps(_mm512_mul_ps(d, d), c));
}

static inline __m512d widen_sum(__m512d acc, __m512 f)
{
    acc = _mm512_add_pd(acc, _mm512_cvtps_pd(_mm512_castps512_ps256(f)));
    return _mm512_add_pd(acc, _mm512_cvtps_pd(_mm512_extractf32x8_ps(f, 1)));
}

/* rows i .. i+R-1 (R = 4, or 1 for the last rows): sum of ln(row sums) */
static inline __attribute__((always_inline)) double rows(const float *y, size_t n, size_t i, int R,
                                                         __m512 c)
{
    __m512 yi[4];
    __m512d acc[4];
    for (int r = 0; r < R; r++) {
        yi[r] = _mm512_set1_ps(y[i + (size_t)r]);
        acc[r] = _mm512_setzero_pd();
    }
    for (size_t j0 = 0; j0 < n; j0 += KDE_BLOCK) {
        size_t end = n - j0 < KDE_BLOCK ? n : j0 + KDE_BLOCK, j = j0;
        __m512 f[4];
        for (int r = 0; r < R; r++)
            f[r] = _mm512_setzero_ps();
        for (; j + 16 <= end; j += 16) {
            __m512 yj = _mm512_loadu_ps(y + j);
            for (int r = 0; r < R; r++)
                f[r] = _mm512_add_ps(f[r], term_v16(yi[r], yj, c));
        }
        if (j < end) { /* masked lanes load 0 and their terms are dropped */
            __mmask16 m = tail_mask_v16(end - j);
            __m512 yj = _mm512_maskz_loadu_ps(m, y + j);
            for (int r = 0; r < R; r++)
                f[r] = _mm512_mask_add_ps(f[r], m, f[r], term_v16(yi[r], yj, c));
        }
        for (int r = 0; r < R; r++)
            acc[r] = widen_sum(acc[r], f[r]);
    }
    double t = 0.0;
    for (int r = 0; r < R; r++)
        t += log(_mm512_reduce_add_pd(acc[r]));
    return t;
}

double act_kde_lse_avx512(const float *y, size_t n, double c)
{
    const __m512 vc = _mm512_set1_ps((float)c);
    double total = 0.0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        total += rows(y, n, i, 4, vc);
    for (; i < n; i++)
        total += rows(y, n, i, 1, vc);
    return total;
}
