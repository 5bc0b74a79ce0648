/* gelu_avx2.c - gelu (erf form), 8 lanes, AVX2+FMA, in double (f64_avx2.h).
 *
 * gelu(x) = x * Phi(x). With a = |x| and q = Phi(-a) = e^(-a^2/2) * R(a),
 * R(a) = erfcx(a / sqrt 2) / 2: gelu is x * q for x < 0 and x * (1 - q) for
 * x >= 0, so the small tail q is never formed by cancellation. R is a
 * polynomial of degree 10 in z = (a - 3) / (a + 3) over (a + 3) (the Mills
 * ratio's 1/a tail, made polynomial: z maps [0, 15] into [-1, 2/3]),
 * least-squares fit with Lawson weights, relative error 2^-30 (numpy/scipy,
 * coefficients in double). a^2 is exact in double, so e^(-a^2/2) keeps the
 * relative accuracy the tail needs down to the last subnormal result
 * (x = -14.1). a is clamped to 15 and x held at -15 in the product: gelu is x
 * above 15 and -0 below -15 (gelu(-inf) = -0, as in gelu_scalar.c).
 *
 * Max error vs scalar: 1 ULP over all finite floats (see the table and
 * `actent verify --exhaustive --activations gelu`). */
#include "f64_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(gelu, avx2, 1, 0x1.8p-148f);

/* R(a) * (a + 3) as a polynomial in z, Horner's scheme */
static inline __m256d gelu_r_f64x4(__m256d z)
{
    static const double c[11] = {
        0x1.754a751c6bf63p-1,  -0x1.04c729abd2c0dp-1,  0x1.d7138503faf21p-3,
        -0x1.832d0a69e4ff7p-5, -0x1.56d5eb517d485p-7,  0x1.c8bda48023569p-8,
        0x1.0ca213541be2fp-10, -0x1.0eaedcfee4689p-10, -0x1.009e41089a710p-12,
        0x1.136b8facedd3ep-13, 0x1.c916dc2273b8cp-15,
    };
    __m256d g = _mm256_set1_pd(c[10]);
    for (int i = 9; i >= 0; i--)
        g = _mm256_fmadd_pd(g, z, _mm256_set1_pd(c[i]));
    return g;
}

static inline __m256d gelu_f64x4(__m256d x)
{
    __m256d a = _mm256_min_pd(_mm256_set1_pd(15.0), _mm256_andnot_pd(_mm256_set1_pd(-0.0), x));
    __m256d inv = recip_f64x4(_mm256_add_pd(a, _mm256_set1_pd(3.0)));
    __m256d z = _mm256_mul_pd(_mm256_sub_pd(a, _mm256_set1_pd(3.0)), inv);
    __m256d r = _mm256_mul_pd(gelu_r_f64x4(z), inv);
    __m256d q =
        _mm256_mul_pd(exp_f64x4(_mm256_mul_pd(_mm256_mul_pd(a, a), _mm256_set1_pd(-0.5))), r);
    /* x's sign bit picks q (x < 0, and -0: both give -0) or 1 - q */
    __m256d w = _mm256_blendv_pd(_mm256_sub_pd(_mm256_set1_pd(1.0), q), q, x);
    return _mm256_mul_pd(_mm256_max_pd(_mm256_set1_pd(-15.0), x), w);
}

static inline __m256 gelu_v8(__m256 x) { return f64_map_v8(x, gelu_f64x4); }

void act_gelu_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, gelu_v8); }

void act_gelu_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                        struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, gelu_v8);
}
