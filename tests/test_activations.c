/* test_activations.c - the scalar reference against numpy.
 *
 * Transcendental ops: numpy computes the float64 value; the scalar table must
 * return that value rounded to float32, except where the double lies so close
 * to a rounding midpoint (2^-20 ulp) that the two libms may round either way.
 * Piecewise-linear ops: numpy's float32 steps, bit for bit. */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "histogram.h"
#include "kernels.h"

/* true when d is within 2^-20 float32 ulp of a midpoint between two floats */
static bool near_midpoint(double d)
{
    if (!isfinite(d) || d == 0.0)
        return false;
    float f = (float)d;
    float other = (double)f < d ? nextafterf(f, INFINITY) : nextafterf(f, -INFINITY);
    if (!isfinite(other))
        return false;
    double mid = ((double)f + (double)other) / 2.0;
    double ulp = fabs((double)other - (double)f);
    return fabs(d - mid) < ulp * 0x1p-20;
}

static void check_op(void **state)
{
    enum act_op op = (enum act_op)(intptr_t)*state;
    struct ref x, want;
    char name[64];
    ref_load(&x, "act_x", "<f4");
    bool exact = act_exact(op);
    snprintf(name, sizeof name, "act_%s_%s", act_name(op), exact ? "f32" : "f64");
    ref_load(&want, name, exact ? "<f4" : "<f8");
    assert_int_equal(x.n, want.n);
    float *y = malloc(x.n * sizeof *y);
    act_table_scalar.activate[op](x.data, y, x.n);
    size_t midpoint_cases = 0;
    for (size_t i = 0; i < x.n; i++) {
        float xi = ((float *)x.data)[i];
        if (exact) {
            float w = ((float *)want.data)[i];
            if (!agrees(y[i], w, 0))
                fail_msg("%s(%a) = %a, numpy float32 steps give %a", act_name(op), (double)xi,
                         (double)y[i], (double)w);
            continue;
        }
        double w = ((double *)want.data)[i];
        float wf = (float)w;
        if (agrees(y[i], wf, 0))
            continue;
        if (near_midpoint(w) && ulp_distance(y[i], wf) <= 1) {
            midpoint_cases++;
            continue;
        }
        fail_msg("%s(%a) = %a, numpy float64 %a rounds to %a", act_name(op), (double)xi,
                 (double)y[i], w, (double)wf);
    }
    /* a handful at most: the double results of two libms straddle a midpoint */
    assert_true(midpoint_cases <= 2);
    free(y);
    ref_free(&x);
    ref_free(&want);
}

/* the fused scalar pass bins exactly what activate + hist_edges bins */
static void fused_equals_unfused(void **state)
{
    enum act_op op = (enum act_op)(intptr_t)*state;
    struct ref x;
    ref_load(&x, "act_x", "<f4");
    size_t n = x.n;
    float *y = malloc(n * sizeof *y);
    act_table_scalar.activate[op](x.data, y, n);
    float lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (isfinite(y[i])) {
            lo = y[i] < lo ? y[i] : lo;
            hi = y[i] > hi ? y[i] : hi;
        }
    struct act_edges *e = actent_edges_linspace(lo, hi, 49);
    uint64_t a[49] = {0}, b[49] = {0};
    act_table_scalar.hist_edges(y, n, e, a);
    struct act_seen seen = {INFINITY, -INFINITY, 0};
    act_table_scalar.activate_hist[op](x.data, n, e, b, &seen);
    assert_memory_equal(a, b, sizeof a);
    actent_edges_free(e);
    free(y);
    ref_free(&x);
}

int main(void)
{
    struct CMUnitTest tests[2 * ACT_COUNT];
    char names[2 * ACT_COUNT][64];
    size_t nt = 0;
    for (int op = 0; op < ACT_COUNT; op++) {
        snprintf(names[nt], sizeof names[nt], "%s/scalar/numpy", act_name((enum act_op)op));
        tests[nt] = (struct CMUnitTest){names[nt], check_op, NULL, NULL, (void *)(intptr_t)op};
        nt++;
        snprintf(names[nt], sizeof names[nt], "%s/scalar/fused", act_name((enum act_op)op));
        tests[nt] =
            (struct CMUnitTest){names[nt], fused_equals_unfused, NULL, NULL, (void *)(intptr_t)op};
        nt++;
    }
    return _cmocka_run_group_tests("activations", tests, nt, NULL, NULL);
}
