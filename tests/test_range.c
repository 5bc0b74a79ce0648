/* test_range.c - the fused pass's predicted output range for activations with
 * an interior minimum (their definitions' turn, kernels.h), and the window
 * around the turn that proves the minimum from the input pass (turn.h).
 *
 * src/core/pipeline.c predicts the output range from f at the input's ends and,
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
#include "par.h"
#include "pipeline.h"
#include "turn.h"

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

/* f's value at the float32 bits u */
static float at_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static uint32_t bits_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* turn.h's premise, on which a proven minimum rests: outside the window the
 * table's values are never below the floor. Every float32 within 64 window
 * widths of either end, and every 4099th bit pattern of all the others. */
static void check_premise(void **state)
{
    const struct rcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    struct actent_turn w;
    assert_true(actent_turn_window(c->op, act_max_ulp(c->k, c->op), &w));
    assert_true(w.wlo < w.whi);
    float width = w.whi - w.wlo;
    enum { B = 4096 };
    static float x[B], y[B];
    size_t nx = 0, checked = 0;
    float worst = INFINITY, worst_x = 0;
    /* the bit patterns to check, as (start, end, stride) walks */
    float near_lo = w.wlo - 64 * width, near_hi = w.whi + 64 * width;
    struct walk {
        uint32_t from, to, stride;
    } walks[3] = {
        /* negative floats grow in magnitude with their bits: wlo < 0 here */
        {bits_of(nextafterf(w.wlo, -INFINITY)), bits_of(near_lo), 1},
        {bits_of(nextafterf(w.whi, INFINITY)), bits_of(near_hi), 1},
        {0, UINT32_MAX - 4099, 4099},
    };
    assert_true(w.wlo < 0 && w.whi < 0); /* the five turns: all in x < 0 */
    for (int k = 0; k < 3; k++) {
        uint32_t lo = walks[k].from < walks[k].to ? walks[k].from : walks[k].to;
        uint32_t hi = walks[k].from < walks[k].to ? walks[k].to : walks[k].from;
        for (uint64_t u = lo; u <= hi; u += walks[k].stride) {
            float v = at_bits((uint32_t)u);
            if (isnan(v) || (v >= w.wlo && v <= w.whi))
                continue;
            x[nx++] = v;
            if (nx == B || u + walks[k].stride > hi) {
                c->k->activate[c->op](x, y, nx);
                for (size_t j = 0; j < nx; j++)
                    if (y[j] < worst) {
                        worst = y[j];
                        worst_x = x[j];
                    }
                checked += nx;
                nx = 0;
            }
        }
    }
    if (!(worst >= w.floor))
        fail_msg("%s/%s: f(%a) = %a outside the window [%a, %a] is below its floor %a",
                 act_name(c->op), c->k->name, (double)worst_x, (double)worst, (double)w.wlo,
                 (double)w.whi, (double)w.floor);
    assert_true(checked > 1000000);
}

/* the minmax_turn kernel against the same quantities computed one by one:
 * sizes round every vector width, NaNs mixed in, samples in the window and
 * on its ends */
static void check_turn_kernel(void **state)
{
    const struct rcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    struct actent_turn w;
    assert_true(actent_turn_window(c->op, act_max_ulp(c->k, c->op), &w));
    uint64_t seed = test_seed() ^ (uint64_t)c->op;
    enum { N = 1500 };
    static float x[N], y[N];
    for (size_t n = 0; n <= N; n += n < 70 ? 1 : 239) {
        for (size_t i = 0; i < n; i++) {
            uint64_t r = test_rand(&seed);
            float u = (float)(r >> 40) / 16777216.0f;
            switch (r & 7) {
            case 0:
                x[i] = NAN;
                break;
            case 1:
            case 2:
                x[i] = w.wlo + u * (w.whi - w.wlo);
                break;
            case 3:
                x[i] = (r & 8) ? w.wlo : w.whi;
                break;
            default:
                x[i] = -8.0f + 16.0f * u;
            }
        }
        struct act_turn_scan got;
        c->k->minmax_turn(x, n, w.c, w.r, c->k->activate[c->op], &got);
        float lo = INFINITY, hi = -INFINITY, flo = INFINITY;
        c->k->activate[c->op](x, y, n);
        for (size_t i = 0; i < n; i++) {
            if (isnan(x[i]))
                continue;
            lo = fminf(lo, x[i]);
            hi = fmaxf(hi, x[i]);
            /* the window's every sample passes the kernels' test */
            if (x[i] >= w.wlo && x[i] <= w.whi)
                assert_true(fabsf(x[i] - w.c) <= w.r);
            if (fabsf(x[i] - w.c) <= w.r)
                flo = fminf(flo, y[i]);
        }
        if (got.lo != lo || got.hi != hi || !(got.flo == flo))
            fail_msg("%s/%s n=%zu: minmax_turn gave lo %a hi %a flo %a, want %a %a %a (seed %llu)",
                     act_name(c->op), c->k->name, n, (double)got.lo, (double)got.hi,
                     (double)got.flo, (double)lo, (double)hi, (double)flo,
                     (unsigned long long)test_seed());
    }
}

/* realistic inputs take one pass: uniform on [-1, 1] and [-4, 4], normal,
 * 4096 and 65536 values; the same range and counts as the unfused path, and
 * the same input scan on 1 and 3 threads */
static void check_one_pass(void **state)
{
    const struct rcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    enum { N = 65536 };
    static float x[N], y[N];
    static uint64_t a[256], b[256];
    uint64_t seed = test_seed() + 77 * (uint64_t)c->op;
    struct actent_edges_buf eb;
    char err[256];
    assert_int_equal(actent_edges_buf_init(&eb, 256), 0);
    int proven = 0, runs = 0;
    for (int kind = 0; kind < 3; kind++)
        for (size_t n = 4096; n <= N; n *= 16) {
            for (size_t i = 0; i < n; i++) {
                float u = (float)(test_rand(&seed) >> 40) / 16777216.0f;
                float v = (float)(test_rand(&seed) >> 40) / 16777216.0f;
                x[i] = kind == 0   ? 2.0f * u - 1.0f
                       : kind == 1 ? 8.0f * u - 4.0f
                                   : sqrtf(-2.0f * logf(1.0f - u)) * cosf(6.2831853f * v);
            }
            struct actent_input in1, in3;
            actent_input_scan(c->k, c->op, x, n, 1, &in1);
            actent_input_scan(c->k, c->op, x, n, 3, &in3);
            assert_true(in1.scanned && in3.scanned);
            assert_memory_equal(&in1.turn, &in3.turn, sizeof in1.turn);
            struct actent_range ra, rb;
            if (actent_hist_unfused(c->k, c->op, x, n, y, &eb, 256, a, &ra, err, sizeof err) ||
                actent_hist_fused_in(c->k, c->op, x, n, &in1, &eb, 256, b, &rb, 1, err, sizeof err))
                fail_msg("%s", err);
            assert_memory_equal(a, b, sizeof a);
            assert_true(ra.lo == rb.lo && ra.hi == rb.hi);
            if (rb.passes != 1)
                fail_msg("%s/%s: input kind %d, n = %zu took %d passes", act_name(c->op),
                         c->k->name, kind, n, rb.passes);
            proven += rb.proven;
            runs++;
        }
    actent_edges_buf_free(&eb);
    /* dense inputs put samples in the window's inner part: most runs prove */
    if (proven < runs / 2)
        fail_msg("%s/%s: only %d of %d runs proved the minimum", act_name(c->op), c->k->name,
                 proven, runs);
}

/* samples only just outside the window, none inside: the minimum is not
 * proven, and the counts are still the unfused path's */
static void check_unproven(void **state)
{
    const struct rcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    struct actent_turn w;
    assert_true(actent_turn_window(c->op, act_max_ulp(c->k, c->op), &w));
    /* the nearest floats either side that the kernels' test leaves out */
    float below = w.wlo, above = w.whi;
    while (fabsf(below - w.c) <= w.r)
        below = nextafterf(below, -INFINITY);
    while (fabsf(above - w.c) <= w.r)
        above = nextafterf(above, INFINITY);
    float x[64];
    size_t n = fill(x, below, above, 3.0f);
    struct actent_input in;
    actent_input_scan(c->k, c->op, x, n, 1, &in);
    assert_true(isinf(in.turn.flo));
    run(c, x, n, "samples either side of the window, none in it");
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
            static const struct {
                const char *what;
                CMUnitTestFunction fn;
            } checks[] = {{"range", check_range},
                          {"premise", check_premise},
                          {"turn_kernel", check_turn_kernel},
                          {"one_pass", check_one_pass},
                          {"unproven", check_unproven}};
            for (size_t j = 0; j < sizeof checks / sizeof checks[0] && nt < 256; j++) {
                cases[nt] = (struct rcase){act_tables[t], (enum act_op)op};
                snprintf(names[nt], sizeof names[nt], "%s/%s/%s", act_name((enum act_op)op),
                         act_tables[t]->name, checks[j].what);
                tests[nt] = (struct CMUnitTest){names[nt], checks[j].fn, NULL, NULL, &cases[nt]};
                nt++;
            }
        }
    return _cmocka_run_group_tests("range", tests, nt, NULL, NULL);
}
