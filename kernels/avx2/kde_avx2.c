/* kde_avx2.c - the pairwise log-sum-exp (kernels.h, act_kde_fn), 4 rows by
 * 8 lanes: each y[j] vector loaded once serves four rows, whose exps are
 * independent chains the core overlaps. Terms are summed in float32 over
 * blocks of 256 values, then in double (ACT_KDE_BOUND says why). */
#include <immintrin.h>
#include <math.h>

#include "exp_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

#define KDE_BLOCK 256 /* values per float32 partial sum */

/* e^-a for a >= 0. a is clamped at 87, where e^-a is still normal (s =
 * 2^n with n >= -126): a term that small changes a sum >= 1 by nothing. */
static inline __m256 exp_neg_v8(__m256 a)
{
    a = _mm256_min_ps(a, _mm256_set1_ps(87.0f));
    __m256 s;
    __m256 r = exp_reduce_short_v8(a, -1.0f, 127, &s);
    __m256 v = expm1_poly_v8(r, -1.0f);
    return _mm256_fmadd_ps(s, v, s);
}

static inline __m256 term_v8(__m256 yi, __m256 yj, __m256 c)
{
    __m256 d = _mm256_sub_ps(yi, yj);
    return exp_neg_v8(_mm256_mul_ps(_mm256_mul_ps(d, d), c));
}

static inline __m256d widen_sum(__m256d acc, __m256 f)
{
    acc = _mm256_add_pd(acc, _mm256_cvtps_pd(_mm256_castps256_ps128(f)));
    return _mm256_add_pd(acc, _mm256_cvtps_pd(_mm256_extractf128_ps(f, 1)));
}

static inline double hsum_pd(__m256d v)
{
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

/* rows i .. i+R-1 (R = 4, or 1 for the last rows): sum of ln(row sums) */
static inline __attribute__((always_inline)) double rows(const float *y, size_t n, size_t i, int R,
                                                         __m256 c)
{
    __m256 yi[4];
    __m256d acc[4];
    for (int r = 0; r < R; r++) {
        yi[r] = _mm256_set1_ps(y[i + (size_t)r]);
        acc[r] = _mm256_setzero_pd();
    }
    for (size_t j0 = 0; j0 < n; j0 += KDE_BLOCK) {
        size_t end = n - j0 < KDE_BLOCK ? n : j0 + KDE_BLOCK, j = j0;
        __m256 f[4];
        for (int r = 0; r < R; r++)
            f[r] = _mm256_setzero_ps();
        for (; j + 8 <= end; j += 8) {
            __m256 yj = _mm256_loadu_ps(y + j);
            for (int r = 0; r < R; r++)
                f[r] = _mm256_add_ps(f[r], term_v8(yi[r], yj, c));
        }
        if (j < end) { /* masked lanes load 0 and their terms are dropped */
            __m256i m = tail_mask_v8(end - j);
            __m256 yj = _mm256_maskload_ps(y + j, m);
            for (int r = 0; r < R; r++)
                f[r] = _mm256_add_ps(f[r],
                                     _mm256_and_ps(term_v8(yi[r], yj, c), _mm256_castsi256_ps(m)));
        }
        for (int r = 0; r < R; r++)
            acc[r] = widen_sum(acc[r], f[r]);
    }
    double t = 0.0;
    for (int r = 0; r < R; r++)
        t += log(hsum_pd(acc[r]));
    return t;
}

double act_kde_lse_avx2(const float *y, size_t n, double c)
{
    const __m256 vc = _mm256_set1_ps((float)c);
    double total = 0.0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        total += rows(y, n, i, 4, vc);
    for (; i < n; i++)
        total += rows(y, n, i, 1, vc);
    return total;
}
