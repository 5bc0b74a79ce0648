/* quant_scalar.h - one value's floor(x / w) code and one value's count of
 * edges <= v (kernels.h, act_quant_fn and act_quant_edges_fn), for the
 * scalar table and for the lanes a SIMD table finishes in scalar code: the
 * same steps, so the same codes and counts. */
#ifndef ACT_QUANT_SCALAR_H
#define ACT_QUANT_SCALAR_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* *code = floor(x / w) in float32; false (and *code = 0) when it lies
 * outside [-2^31, 2^31) or is NaN (-2^31 and 2^31 are floats: the test is exact) */
static inline bool quant_width_one(float x, float w, int32_t *code)
{
    float q = floorf(x / w);
    bool in = q >= -2147483648.0f && q < 2147483648.0f;
    *code = in ? (int32_t)q : 0;
    return in;
}

/* from the guess u (any value in [0, m]) to the count: thr[u] <= v < thr[u + 1] */
static inline int32_t quant_edges_fix(const float *thr, size_t u, float v)
{
    while (thr[u + 1] <= v)
        u++;
    while (thr[u] > v)
        u--;
    return (int32_t)u;
}

static inline int32_t quant_edges_one(const float *thr, size_t m, float first, float inv, float v)
{
    float g = (v - first) * inv + 1.0f;
    g = g > 0.0f ? g : 0.0f; /* a NaN guess (v - first overflowing) starts at 0 */
    return quant_edges_fix(thr, g < (float)m ? (size_t)g : m, v);
}

#endif
