/* hardsigmoid_scalar.c - PyTorch's hardsigmoid, the reference:
 * min(max(x + 3, 0), 6) / 6 in PyTorch's float32 order:
 *   t = x + 3 (rounded), t = min(max(t, 0), 6), t / 6 (rounded).
 * A division by 6, not a multiplication by 1/6, and no fused operation. NaN:
 * x + 3 is NaN and the clamp keeps it. Not the notebook's (Keras's)
 * hard_sigmoid, 0.2 x + 0.5 clipped, which is its own entry.
 * scripts/check_torch_steps.py --activation hardsigmoid compares these steps
 * (in numpy, and the tables through the built module) with
 * torch.nn.functional.hardsigmoid on all 2^32 float32 inputs: run with torch
 * 1.13.0a0 and numpy 1.24.2 (Debian 12), `PYTHONPATH=build/python
 * /usr/bin/python3 scripts/check_torch_steps.py --activation hardsigmoid
 * --tables scalar,avx2,avx512` (AMD EPYC, Zen 5): 0 mismatches, NaN payloads
 * aside; `actent verify --exhaustive --activations hardsigmoid`: every table
 * bit-identical to this one. */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition without float32 rounding: 0 below -3, 1 above 3, x / 6 + 1 / 2 between */
static double hardsigmoid_f64(double x)
{
    return x <= -3.0 ? 0.0 : x >= 3.0 ? 1.0 : (x + 3.0) / 6.0;
}

static double hardsigmoid_df64(double x) { return x < -3.0 || x > 3.0 ? 0.0 : 1.0 / 6.0; }

ACT_DEFINE(hardsigmoid, hardsigmoid_f64, hardsigmoid_df64, NAN, -3.0, 3.0);

static inline float hardsigmoid_f32(float x)
{
    float t = x + 3.0f;
    if (t < 0.0f)
        t = 0.0f;
    if (t > 6.0f)
        t = 6.0f;
    return t / 6.0f;
}

void act_hardsigmoid_scalar(const float *x, float *y, size_t n)
{
    map_scalar(x, y, n, hardsigmoid_f32);
}

void act_hardsigmoid_hist_scalar(const float *x, size_t n, const struct act_edges *e,
                                 uint64_t *counts, struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, hardsigmoid_f32);
}
