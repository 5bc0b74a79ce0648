/* gelu_tanh_avx2.c - gelu, tanh approximation, 8 lanes, AVX2+FMA, in float32.
 *
 * Algorithm: gelu_tanh_avx512.c's steps, 8 lanes, operation for operation
 * (v = x (K1 + K3 x^2) as a float pair, then silu's steps on -|v| with the
 * denominator as an exact pair and the quotient corrected), so the same
 * bits as the AVX-512 table.
 *
 * Bound: 2 ULP vs scalar over all 2^32 inputs, the AVX-512 kernel's (the
 * same bits: equal digests), first reached at x = -0x1.9bf216p-3. */
#include "exp_avx2.h"
#include "f32_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(gelu_tanh, avx2, 2, -0x1.9bf216p-3f);

/* K1 = 2 sqrt(2/pi) and K3 = 0.044715 K1 (as the scalar reference's doubles), in pairs */
#define K1_HI 0x1.988454p+0f
#define K1_LO -0x1.857936p-25f
#define K3_HI 0x1.2444f2p-4f
#define K3_LO 0x1.49b16ap-29f

static inline __m256 gelu_tanh_arg_v8(__m256 x, __m256 *lo)
{
    const __m256 k1 = _mm256_set1_ps(K1_HI), k3 = _mm256_set1_ps(K3_HI);
    __m256 x2l, x2h = two_prod_v8(x, x, &x2l);
    __m256 pl, ph = two_prod_v8(k3, x2h, &pl);
    __m256 th = _mm256_add_ps(k1, ph), bb = _mm256_sub_ps(th, k1);
    __m256 tl = _mm256_add_ps(_mm256_sub_ps(k1, _mm256_sub_ps(th, bb)), _mm256_sub_ps(ph, bb));
    __m256 small =
        _mm256_fmadd_ps(_mm256_set1_ps(K3_LO), x2h, _mm256_add_ps(pl, _mm256_set1_ps(K1_LO)));
    tl = _mm256_add_ps(tl, _mm256_fmadd_ps(k3, x2l, small));
    __m256 vl, vh = two_prod_v8(x, th, &vl);
    *lo = _mm256_fmadd_ps(x, tl, vl);
    return vh;
}

static inline __m256 gelu_tanh_v8(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f), floor = _mm256_set1_ps(-120.0f);
    __m256 xc = _mm256_max_ps(_mm256_set1_ps(-20.0f), x);
    __m256 vl, vh = gelu_tanh_arg_v8(_mm256_min_ps(_mm256_set1_ps(20.0f), xc), &vl);
    /* lanes whose sign bit is set (blendv reads it) */
    __m256 zh = _mm256_max_ps(floor, _mm256_or_ps(vh, _mm256_set1_ps(-0.0f)));
    __m256 zl = _mm256_blendv_ps(_mm256_sub_ps(_mm256_setzero_ps(), vl), vl, x);
    __m256 n, r = reduce_v8(zh, &n);
    __m256 v = expm1_poly_v8(_mm256_add_ps(r, zl), 1.0f);
    __m256 s = pow2_v8(_mm256_max_ps(_mm256_set1_ps(-60.0f), n));
    __m256 e = _mm256_fmadd_ps(s, v, s);
    __m256 dh = _mm256_add_ps(one, e);
    __m256 dl = _mm256_add_ps(_mm256_sub_ps(one, dh), e);
    __m256 num = _mm256_blendv_ps(xc, _mm256_fmadd_ps(xc, v, xc), x);
    __m256 y = _mm256_div_ps(one, dh), q = _mm256_mul_ps(num, y);
    __m256 res = _mm256_fnmadd_ps(q, dl, _mm256_fnmadd_ps(q, dh, num));
    q = _mm256_fmadd_ps(res, y, q);
    q = _mm256_blendv_ps(q, scale_v8(q, n), x);
    return _mm256_blendv_ps(q, x, _mm256_cmp_ps(x, _mm256_set1_ps(20.0f), _CMP_GT_OQ));
}

void act_gelu_tanh_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, gelu_tanh_v8); }

void act_gelu_tanh_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, gelu_tanh_v8);
}
