/* mish_avx512.c - mish, 16 lanes, AVX-512F/DQ+FMA, in double (f64_avx512.h,
 * 8 lanes per half).
 *
 * Algorithm: mish_avx2.c's steps widened (same bits as the AVX2 table):
 * tanh(softplus(x)) = n / (n + 2) with u = e^x (x clamped to [-120, 20]) and
 * n = u * (u + 2) as one FMA, x held at -120 in the product (mish(-inf) =
 * -0), one rounding to float32.
 *
 * Bound: 1 ULP vs scalar over all finite floats (the AVX2 table's), worst
 * input x = 0x1.6cdb2cp-23 (got 0x1.b5d3dp-24, want 0x1.b5d3d2p-24);
 * measured by `actent verify --exhaustive --isa avx512`,
 * results/<machine>/verify-avx512.json. */
#include "f64_avx512.h"
#include "loop_avx512.h"
#include "ops_avx512.h"

ACT_BOUND(mish, avx512, 1, 0x1.6cdb2cp-23f);

static inline __m512d mish_f64x8(__m512d x)
{
    __m512d u = exp_f64x8(clamp_f64x8(x, -120.0, 20.0));
    __m512d n = _mm512_fmadd_pd(u, u, _mm512_add_pd(u, u));
    __m512d t = _mm512_mul_pd(n, recip_f64x8(_mm512_add_pd(n, _mm512_set1_pd(2.0))));
    return _mm512_mul_pd(_mm512_max_pd(_mm512_set1_pd(-120.0), x), t);
}

static inline __m512 mish_v16(__m512 x) { return f64_map_v16(x, mish_f64x8); }

void act_mish_avx512(const float *x, float *y, size_t n) { map_v16(x, y, n, mish_v16); }

void act_mish_hist_avx512(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                          struct act_seen *seen)
{
    map_hist_v16(x, n, e, counts, seen, mish_v16);
}
