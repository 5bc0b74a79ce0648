/* hardswish_scalar.c - hardswish, the reference: PyTorch's float32 steps,
 * x * min(max(x + 3, 0), 6) / 6, in this order:
 *   t = x + 3 (rounded), t = min(max(t, 0), 6), p = x * t (rounded), p / 6 (rounded).
 * A division by 6, not a multiplication by 1/6 (which differs in the last bit
 * for some x), and no fused multiply-add. NaN: x + 3 is NaN and the clamp
 * keeps it (comparisons with NaN are false).
 *
 * One deliberate difference: the product takes max(x, -3) for x. Below -3,
 * t is 0 and x * 0 = -3 * 0 = -0 for every finite x, so nothing changes there,
 * but -inf gives -0 (the limit) where PyTorch's -inf * 0 gives NaN.
 * scripts/check_torch_steps.py compares these steps (in numpy, and this file
 * and the AVX2 kernel through the built module) with
 * torch.nn.functional.hardswish on all 2^32 float32 inputs. Run with torch
 * 1.13.0a0 and numpy 1.24.2 (Debian 12), `PYTHONPATH=build/python
 * /usr/bin/python3 scripts/check_torch_steps.py --tables scalar,avx2` in two
 * halves (--first 0 --last 127, --first 128 --last 255): 0 mismatches; every
 * bit pattern agrees except -inf (NaN payloads aside). The NEON kernel takes
 * the same float32 steps and gives these bits (cross_isa, verify). */
#include "loop_scalar.h"
#include "ops_scalar.h"

/* the definition without float32 rounding: 0 below -3, x above 3, x (x + 3) / 6 between */
static double hardswish_f64(double x)
{
    return x <= -3.0 ? 0.0 : x >= 3.0 ? x : x * (x + 3.0) / 6.0;
}

static double hardswish_df64(double x)
{
    return x < -3.0 ? 0.0 : x > 3.0 ? 1.0 : (2.0 * x + 3.0) / 6.0;
}

/* the minimum at x = -1.5 exactly */
ACT_DEFINE(hardswish, hardswish_f64, hardswish_df64, -1.5, -3.0, 3.0);

static inline float hardswish_f32(float x)
{
    float t = x + 3.0f;
    if (t < 0.0f)
        t = 0.0f;
    if (t > 6.0f)
        t = 6.0f;
    float p = (x < -3.0f ? -3.0f : x) * t;
    return p / 6.0f;
}

void act_hardswish_scalar(const float *x, float *y, size_t n)
{
    map_scalar(x, y, n, hardswish_f32);
}

void act_hardswish_hist_scalar(const float *x, size_t n, const struct act_edges *e,
                               uint64_t *counts, struct act_seen *seen)
{
    map_hist_scalar(x, n, e, counts, seen, hardswish_f32);
}
