/* quant_scalar.c - floor(x / w) codes for the information plane's
 * fixed-width binning (kernels.h, act_quant_fn): the reference. */
#include <math.h>

#include "ops_scalar.h"
#include "quant_scalar.h"

bool act_quant_width_scalar(const float *x, size_t n, float w, int32_t *code)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        ok &= quant_width_one(x[i], w, &code[i]);
    return ok;
}

void act_quant_edges_scalar(const float *x, size_t n, const float *thr, size_t m, float first,
                            float inv, int32_t *count)
{
    for (size_t i = 0; i < n; i++)
        count[i] = quant_edges_one(thr, m, first, inv, x[i]);
}
