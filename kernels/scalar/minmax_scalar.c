/* minmax_scalar.c - min and max of an array, NaN skipped, zero reported as +0.0. */
#include <math.h>

#include "ops_scalar.h"

void act_minmax_scalar(const float *x, size_t n, float *lo, float *hi)
{
    float l = INFINITY, h = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        /* a NaN compares false both ways and leaves l and h alone */
        l = x[i] < l ? x[i] : l;
        h = x[i] > h ? x[i] : h;
    }
    *lo = l + 0.0f;
    *hi = h + 0.0f;
}

/* the samples inside the window, ACT_TURN_BLOCK at a time through f */
void act_minmax_turn_scalar(const float *x, size_t n, float c, float r, act_unary_fn f,
                            struct act_turn_scan *s)
{
    float l = INFINITY, h = -INFINITY, flo = INFINITY;
    float in[ACT_TURN_BLOCK], out[ACT_TURN_BLOCK];
    size_t nin = 0;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        l = v < l ? v : l;
        h = v > h ? v : h;
        if (fabsf(v - c) <= r) {
            in[nin++] = v;
            if (nin == ACT_TURN_BLOCK) {
                f(in, out, nin);
                for (size_t j = 0; j < nin; j++)
                    flo = out[j] < flo ? out[j] : flo;
                nin = 0;
            }
        }
    }
    if (nin) {
        f(in, out, nin);
        for (size_t j = 0; j < nin; j++)
            flo = out[j] < flo ? out[j] : flo;
    }
    *s = (struct act_turn_scan){l + 0.0f, h + 0.0f, flo};
}
