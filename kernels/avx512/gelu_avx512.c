/* gelu_avx512.c - gelu (erf form), 16 lanes, AVX-512F/DQ+FMA, in double
 * (f64_avx512.h, 8 lanes per half).
 *
 * Algorithm: gelu_avx2.c's steps widened (same bits as the AVX2 table):
 * a = |x| clamped to 15, q = Phi(-a) = e^(-a^2/2) * R(a) with R(a) * (a + 3)
 * the degree-10 polynomial in z = (a - 3) / (a + 3) of gelu_avx2.c (same
 * coefficients, Horner), gelu = x * q for x's sign bit set and x * (1 - q)
 * otherwise, x held at -15 in the product (gelu(-inf) = -0).
 *
 * Bound: 1 ULP vs scalar over all finite floats (the AVX2 table's), worst
 * input x = 0x1.8p-148 (got 0x1p-149, want 0x1p-148);
 * measured by `actent verify --exhaustive --isa avx512`,
 * results/<machine>/verify-avx512.json. */
#include "f64_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(gelu, avx512, 1, 0x1.8p-148f);

/* R(a) * (a + 3) as a polynomial in z, Horner's scheme */
static inline __m512d gelu_r_f64x8(__m512d z)
{
    static const double c[11] = {
        0x1.754a751c6bf63p-1,  -0x1.04c729abd2c0dp-1,  0x1.d7138503faf21p-3,
        -0x1.832d0a69e4ff7p-5, -0x1.56d5eb517d485p-7,  0x1.c8bda48023569p-8,
        0x1.0ca213541be2fp-10, -0x1.0eaedcfee4689p-10, -0x1.009e41089a710p-12,
        0x1.136b8facedd3ep-13, 0x1.c916dc2273b8cp-15,
    };
    __m512d g = _mm512_set1_pd(c[10]);
    for (int i = 9; i >= 0; i--)
        g = _mm512_fmadd_pd(g, z, _mm512_set1_pd(c[i]));
    return g;
}

static inline __m512d gelu_f64x8(__m512d x)
{
    __m512d a = _mm512_min_pd(_mm512_set1_pd(15.0), _mm512_andnot_pd(_mm512_set1_pd(-0.0), x));
    __m512d inv = recip_f64x8(_mm512_add_pd(a, _mm512_set1_pd(3.0)));
    __m512d z = _mm512_mul_pd(_mm512_sub_pd(a, _mm512_set1_pd(3.0)), inv);
    __m512d r = _mm512_mul_pd(gelu_r_f64x8(z), inv);
    __m512d q =
        _mm512_mul_pd(exp_f64x8(_mm512_mul_pd(_mm512_mul_pd(a, a), _mm512_set1_pd(-0.5))), r);
    /* x's sign bit picks q (x < 0, and -0: both give -0) or 1 - q */
    __m512d w = _mm512_mask_blend_pd(sign_mask_f64x8(x), _mm512_sub_pd(_mm512_set1_pd(1.0), q), q);
    return _mm512_mul_pd(_mm512_max_pd(_mm512_set1_pd(-15.0), x), w);
}

static inline __m512 gelu_v16(__m512 x) { return f64_map_v16(x, gelu_f64x8); }

void act_gelu_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, gelu_v16); }

void act_gelu_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, gelu_v16);
}
