/* turn.h - where a non-monotonic activation's smallest output can come from.
 *
 * An activation that falls then rises (gelu, gelu_tanh, silu, mish,
 * hardswish) has its output minimum near its turn t. Every table computes f
 * to within E = (bound + 8) ulps of |2 f(t)| of the true f near there (the
 * declared bound to the scalar reference, 0.5 for the reference's own
 * rounding, and numpy's several float32 steps in an exact activation's
 * reference, 4 at most near its turn, with room to spare). The window
 * [wlo, whi] is where f is at most f(t) + 3E. Outside it f is at least
 * min(f(wlo), f(whi)) (f is monotone on either side of t), so a table's
 * value there is at least L = min(f(wlo), f(whi)) - E. Hence: if a sample
 * inside the window gives flo <= L, no sample outside can give less, and
 * flo is the output's minimum. tests/test_range.c checks the premise, every
 * table's value outside the window >= L, over the float32s around it. */
#ifndef ACTENT_TURN_H
#define ACTENT_TURN_H

#include <stdbool.h>
#include <stdint.h>

#include "kernels.h"

struct actent_turn {
    float wlo, whi; /* the window, float32s rounded outward */
    float c, r;     /* |x - c| <= r in float32 for every x in it (the kernels' test) */
    float floor;    /* L rounded down to float32: flo <= floor proves the minimum */
};

/* false for a monotonic activation; else the window for a table whose
 * declared bound is bound_ulp. Thread-safe; small bounds are computed once. */
bool actent_turn_window(enum act_op op, uint32_t bound_ulp, struct actent_turn *t);

#endif
