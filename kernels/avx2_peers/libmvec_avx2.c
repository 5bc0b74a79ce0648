/* libmvec_avx2.c - activations built the way a careful C programmer would
 * build them from glibc's AVX2 vector math (libmvec, the `_ZGVdN8v_` variants
 * of the x86-64 vector ABI: 8 floats in a ymm register, AVX2 required).
 * glibc documents up to 4 ULP for these float functions; the benchmark
 * measures the composed activations' error against the scalar table.
 *
 * libmvec has expf, expm1f, log1pf, tanhf and (since glibc 2.35) erfcf, so:
 * sigmoid 1 / (1 + e^-x); tanh directly; softplus max(x, 0) + log1p(e^-|x|),
 * which cannot overflow; selu and elu through expm1 below zero; silu
 * x / (1 + e^-x); gelu 0.5 * x * erfc(-x / sqrt 2) (erfc, not 1 + erf, which
 * cancels for x < 0); gelu_tanh x / (1 + e^-2u) (the same, without
 * the cancellation of PyTorch's 0.5 * x * (1 + tanh(u)) for x < 0);
 * mish x * tanh(softplus(x)). softsign needs no libm function and the
 * piecewise-linear ops (hardswish too) none at all: those slots stay NULL. */
#include <immintrin.h>

#include "../cpu.h"
#include "peers_avx2.h"

/* glibc's symbols, named by the vector function ABI */
__m256 _ZGVdN8v_expf(__m256 x);
__m256 _ZGVdN8v_expm1f(__m256 x);
__m256 _ZGVdN8v_log1pf(__m256 x);
__m256 _ZGVdN8v_tanhf(__m256 x);
__m256 _ZGVdN8v_erfcf(__m256 x);

typedef __m256 (*body_v8)(__m256);

/* the tail goes through the same body on a padded vector, as the tables do */
static inline __attribute__((always_inline)) void map_v8(const float *x, float *y, size_t n,
                                                         body_v8 f)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i)));
    if (i < n) {
        const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        __m256i m = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(n - i)), lane);
        _mm256_maskstore_ps(y + i, m, f(_mm256_maskload_ps(x + i, m)));
    }
}

static inline __m256 sigmoid_v8(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _ZGVdN8v_expf(_mm256_sub_ps(_mm256_setzero_ps(), x));
    return _mm256_div_ps(one, _mm256_add_ps(one, e));
}

static inline __m256 softplus_v8(__m256 x)
{
    __m256 nabs = _mm256_or_ps(x, _mm256_set1_ps(-0.0f)); /* -|x| */
    __m256 l = _ZGVdN8v_log1pf(_ZGVdN8v_expf(nabs));
    return _mm256_add_ps(_mm256_max_ps(x, _mm256_setzero_ps()), l);
}

/* x > 0 ? x * pos : expm1(x) * neg; NaN takes the expm1 side and stays NaN */
static inline __m256 expm1_branch_v8(__m256 x, __m256 pos, __m256 neg)
{
    __m256 gt = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ);
    __m256 e = _mm256_mul_ps(_ZGVdN8v_expm1f(x), neg);
    return _mm256_blendv_ps(e, _mm256_mul_ps(x, pos), gt);
}

/* scale and scale * alpha, rounded to float once, as a float32 program holds them */
static inline __m256 selu_v8(__m256 x)
{
    return expm1_branch_v8(x, _mm256_set1_ps(1.0507009873554805f),
                           _mm256_set1_ps(1.7580993408473766f));
}

static inline __m256 elu_v8(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f);
    return expm1_branch_v8(x, one, one);
}

static inline __m256 silu_v8(__m256 x)
{
    __m256 e = _ZGVdN8v_expf(_mm256_sub_ps(_mm256_setzero_ps(), x));
    return _mm256_div_ps(x, _mm256_add_ps(_mm256_set1_ps(1.0f), e));
}

static inline __m256 gelu_v8(__m256 x)
{
    __m256 e = _ZGVdN8v_erfcf(_mm256_mul_ps(x, _mm256_set1_ps(-0.70710678118654752f)));
    return _mm256_mul_ps(_mm256_mul_ps(x, _mm256_set1_ps(0.5f)), e);
}

/* 0.5 * x * (1 + tanh(u)) = x / (1 + e^-2u): 1 + tanh(u) cancels for x < 0 */
static inline __m256 gelu_tanh_v8(__m256 x)
{
    __m256 x3 = _mm256_mul_ps(_mm256_mul_ps(x, x), x);
    __m256 in = _mm256_add_ps(x, _mm256_mul_ps(x3, _mm256_set1_ps(0.044715f)));
    __m256 e = _ZGVdN8v_expf(_mm256_mul_ps(in, _mm256_set1_ps(-1.5957691216057308f)));
    return _mm256_div_ps(x, _mm256_add_ps(_mm256_set1_ps(1.0f), e));
}

static inline __m256 mish_v8(__m256 x) { return _mm256_mul_ps(x, _ZGVdN8v_tanhf(softplus_v8(x))); }

static void sigmoid_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, sigmoid_v8); }
static void tanh_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, _ZGVdN8v_tanhf); }
static void softplus_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, softplus_v8); }
static void selu_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, selu_v8); }
static void elu_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, elu_v8); }
static void gelu_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, gelu_v8); }
static void gelu_tanh_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, gelu_tanh_v8); }
static void silu_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, silu_v8); }
static void mish_mvec(const float *x, float *y, size_t n) { map_v8(x, y, n, mish_v8); }

const struct act_peer act_peer_libmvec_avx2 = {
    .name = "libmvec-avx2",
    .isa = "AVX2 (glibc libmvec _ZGVdN8v_ functions)",
    .cpu_ok = act_cpu_avx2_fma,
    .activate =
        {
            [ACT_SIGMOID] = sigmoid_mvec,
            [ACT_TANH] = tanh_mvec,
            [ACT_SOFTPLUS] = softplus_mvec,
            [ACT_SELU] = selu_mvec,
            [ACT_ELU] = elu_mvec,
            [ACT_GELU] = gelu_mvec,
            [ACT_GELU_TANH] = gelu_tanh_mvec,
            [ACT_SILU] = silu_mvec,
            [ACT_MISH] = mish_mvec,
        },
};
