/* sigmoid_avx2.c - sigmoid, 8 lanes, AVX2+FMA.
 *
 * sigmoid(x) = c / (c + c*e^-x) with c = 2^-30, one formula for both signs
 * (no blend). x is clamped to [-104, 18]: below -104 the result rounds to 0,
 * above 18 to 1, and inside, c*e^-x = s*(1 + v) with s = 2^(n - 30) lies in
 * [2^-57, 2^121], so s stays a normal float (exp_avx2.h, two-part ln2: the
 * tail x < -17 is e^x itself and keeps its relative error). The denominator
 * is one FMA, s*v + (s + c), with s + c exact while |n| <= 23, and one
 * division rounds the quotient, straight into the subnormals below x = -87.3.
 *
 * Max error vs scalar: 2 ULP over all finite floats, reached by 25,607 inputs; the
 * smallest |x| among them is x = -0x1.194dcep+0 (got 0x1.ffe94ap-3, want 0x1.ffe946p-3).
 * Measured by sweeping every finite float32 through this kernel and the scalar
 * table (the sweep `actent verify --exhaustive` makes). */
#include "exp_avx2.h"
#include "loop_avx2.h"
#include "ops_avx2.h"

ACT_BOUND(sigmoid, avx2, 2, -0x1.194dcep+0f);

static inline __m256 sigmoid_v8(__m256 x)
{
    const __m256 c = _mm256_set1_ps(0x1p-30f);
    /* max/min return their second operand for NaN, so NaN passes the clamp */
    __m256 z = _mm256_min_ps(_mm256_set1_ps(18.0f), _mm256_max_ps(_mm256_set1_ps(-104.0f), x));
    __m256 s;
    __m256 r = exp_reduce_v8(z, -1.0f, 127 - 30, &s);
    __m256 v = expm1_poly_v8(r, -1.0f);
    __m256 d = _mm256_fmadd_ps(s, v, _mm256_add_ps(s, c));
    return _mm256_div_ps(c, d);
}

void act_sigmoid_avx2(const float *x, float *y, size_t n) { map_v8(x, y, n, sigmoid_v8); }

void act_sigmoid_hist_avx2(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                           struct act_seen *seen)
{
    map_hist_v8(x, n, e, counts, seen, sigmoid_v8);
}
