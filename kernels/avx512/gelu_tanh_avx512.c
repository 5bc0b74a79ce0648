/* gelu_tanh_avx512.c - gelu, tanh approximation, 16 lanes, AVX-512F/DQ+FMA,
 * in double (f64_avx512.h, 8 lanes per half).
 *
 * Algorithm: gelu_tanh_avx2.c's steps widened (same bits as the AVX2 table):
 * 0.5 * x * (1 + tanh(u)) = x * sigmoid(2u), 2u = c * (k1 + k2 * c^2) in
 * double with c = x clamped to [-12, 12], x held at -12 in the product (-0
 * below, -inf included), one rounding to float32.
 *
 * Bound: 1 ULP vs scalar over all finite floats (the AVX2 table's), worst
 * input x = 0x1.954eccp-25 (got 0x1.954eccp-26, want 0x1.954ecep-26);
 * measured by `actent verify --exhaustive --isa avx512`,
 * results/<machine>/verify-avx512.json. */
#include "f64_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(gelu_tanh, avx512, 1, 0x1.954eccp-25f);

static inline __m512d gelu_tanh_f64x8(__m512d x)
{
    const double k1 = 1.5957691216057307117, k2 = k1 * 0.044715;
    __m512d c = clamp_f64x8(x, -12.0, 12.0);
    __m512d p = _mm512_fmadd_pd(_mm512_set1_pd(k2), _mm512_mul_pd(c, c), _mm512_set1_pd(k1));
    __m512d s = sigmoid_f64x8(_mm512_mul_pd(c, p));
    return _mm512_mul_pd(_mm512_max_pd(_mm512_set1_pd(-12.0), x), s);
}

static inline __m512 gelu_tanh_v16(__m512 x) { return f64_map_v16(x, gelu_tanh_f64x8); }

void act_gelu_tanh_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, gelu_tanh_v16); }

void act_gelu_tanh_hist_avx512(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, gelu_tanh_v16);
}
