/* test_range.c - the fused pass's predicted output range for activations with
 * an interior minimum (kernels/act_list.h, ACT_INTERIOR_MIN).
 *
 * src/pipeline.c predicts the output range from f at the input's ends and,
 * when the input range holds the minimiser x*, f(x*); a wrong prediction
 * costs a second pass, never a wrong count. For every table and every such
 * activation, inputs whose range ends just inside x* (x* among the values and
 * not), just outside it, and a uniform sample around it: the fused counts and
 * range must equal the unfused path's, and where the prediction is exact
 * (x* in the input, or x* outside the range) one pass must do. Without f(x*)
 * the first kind takes two passes, so the pass count catches its loss. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "histogram.h"
#include "kernels.h"
#include "pipeline.h"

struct rcase {
    const struct act_kernels *k;
    enum act_op op;
};

/* values from lo to lo + span: lo itself, extra (if not NaN), then a grid well
 * away from lo where f is larger than at x* */
static size_t fill(float *x, float lo, float extra, float span)
{
    size_t n = 0;
    x[n++] = lo;
    if (!isnan(extra))
        x[n++] = extra;
    for (int i = 1; i <= 40; i++)
        x[n++] = lo + span * (0.5f + 0.5f * (float)i / 40.0f);
    return n;
}

/* fused = unfused (counts and range); returns the fused pass count */
static int run(const struct rcase *c, const float *x, size_t n, const char *what)
{
    float y[64];
    uint64_t a[49], b[49];
    struct actent_range ra, rb;
    struct actent_edges_buf eb;
    char err[256];
    assert_int_equal(actent_edges_buf_init(&eb, 64), 0);
    float xlo, xhi;
    act_table_scalar.minmax(x, n, &xlo, &xhi);
    if (actent_hist_unfused(c->k, c->op, x, n, y, &eb, 49, a, &ra, err, sizeof err))
        fail_msg("%s", err);
    if (actent_hist_fused(c->k, c->op, x, n, xlo, xhi, &eb, 49, b, &rb, err, sizeof err))
        fail_msg("%s", err);
    actent_edges_buf_free(&eb);
    if (memcmp(a, b, sizeof a) != 0 || ra.lo != rb.lo || ra.hi != rb.hi)
        fail_msg("%s/%s %s: fused [%a, %a] differs from unfused [%a, %a]", act_name(c->op),
                 c->k->name, what, (double)rb.lo, (double)rb.hi, (double)ra.lo, (double)ra.hi);
    return rb.passes;
}

static void check_range(void **state)
{
    const struct rcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    float xs, x[64];
    assert_true(act_interior_min(c->op, &xs));
    float below = nextafterf(xs, -INFINITY), above = nextafterf(xs, INFINITY);
    size_t n;
    /* x* in the input, the range ending 0.01 and 1 ulp below it: one pass */
    n = fill(x, xs - 0.01f, xs, 3.0f);
    if (run(c, x, n, "x* in the input, range from x* - 0.01") != 1)
        fail_msg("%s/%s: x* in the input took a second pass", act_name(c->op), c->k->name);
    n = fill(x, xs, NAN, 3.0f);
    if (run(c, x, n, "range starting at x*") != 1)
        fail_msg("%s/%s: range starting at x* took a second pass", act_name(c->op), c->k->name);
    /* just outside: x* below the range, f(x*) must not be predicted */
    n = fill(x, xs + 0.01f, NAN, 3.0f);
    if (run(c, x, n, "range from x* + 0.01") != 1)
        fail_msg("%s/%s: x* outside the range took a second pass", act_name(c->op), c->k->name);
    n = fill(x, above, NAN, 3.0f);
    run(c, x, n, "range from x* + 1 ulp");
    /* just inside, x* not in the input: right counts, whatever the passes */
    n = fill(x, below, NAN, 3.0f);
    run(c, x, n, "range from x* - 1 ulp");
    n = fill(x, xs - 0.5f, NAN, 3.0f);
    run(c, x, n, "range from x* - 0.5, x* not in the input");
    /* the range ending just above x*: x* at the top end */
    n = fill(x, xs - 3.0f, xs, 3.0f);
    x[n - 1] = xs;
    run(c, x, n, "range ending at x*");
    x[n - 1] = below;
    run(c, x, n, "range ending 1 ulp below x*");
}

/* the table's minimisers are minima of the reference: f(x*) below f(x* +- 0.05)
 * and no higher than f(x* +- 1e-3), and the monotonic activations have none */
static void check_minimisers(void **state)
{
    (void)state;
    for (int op = 0; op < ACT_COUNT; op++) {
        float xs;
        if (!act_interior_min((enum act_op)op, &xs))
            continue;
        float x[5] = {xs, xs - 0.05f, xs + 0.05f, xs - 1e-3f, xs + 1e-3f}, y[5];
        act_table_scalar.activate[op](x, y, 5);
        if (!(y[0] < y[1] && y[0] < y[2] && y[0] <= y[3] && y[0] <= y[4]))
            fail_msg("%s: x* = %a is not a minimum of the reference", act_name((enum act_op)op),
                     (double)xs);
    }
    static const enum act_op monotonic[] = {ACT_SIGMOID,  ACT_TANH, ACT_RELU,
                                            ACT_SOFTPLUS, ACT_ELU,  ACT_LINEAR};
    for (size_t i = 0; i < sizeof monotonic / sizeof monotonic[0]; i++) {
        float xs;
        assert_false(act_interior_min(monotonic[i], &xs));
    }
}

int main(void)
{
    static struct CMUnitTest tests[256];
    static struct rcase cases[256];
    static char names[256][64];
    size_t nt = 0;
    tests[nt++] = (struct CMUnitTest){"minimisers", check_minimisers, NULL, NULL, NULL};
    for (size_t t = 0; t < act_ntables; t++)
        for (int op = 0; op < ACT_COUNT; op++) {
            float xs;
            if (!act_interior_min((enum act_op)op, &xs) || nt >= 256)
                continue;
            cases[nt] = (struct rcase){act_tables[t], (enum act_op)op};
            snprintf(names[nt], sizeof names[nt], "%s/%s/range", act_name((enum act_op)op),
                     act_tables[t]->name);
            tests[nt] = (struct CMUnitTest){names[nt], check_range, NULL, NULL, &cases[nt]};
            nt++;
        }
    return _cmocka_run_group_tests("range", tests, nt, NULL, NULL);
}
