/* test_verify.c - `actent verify` as a library: every built-in table passes the
 * quick mode, and planted faults (a kernel beyond its bound, a lost NaN, the
 * wrong sign of zero, a fused pass that drops a count, a histogram kernel
 * that bins one value wrong, a missing kernel) are each caught and named.
 * The planted tables are built from the scalar reference plus one wrong
 * entry, in plain C. */
#include "test_util.h"

#include <float.h>
#include <string.h>

#include "histogram.h"
#include "kernels.h"
#include "verify.h"

static const struct act_kernels *const ref = &act_table_scalar;

static struct actent_verify_opts quick(unsigned threads)
{
    struct actent_verify_opts o;
    actent_verify_defaults(&o);
    o.mode = ACTENT_VERIFY_QUICK;
    o.threads = threads;
    return o;
}

/* runs verify on one table; fails the test if verify itself cannot run */
static void run_one(const struct act_kernels *k, const struct actent_verify_opts *o,
                    struct actent_verify *r)
{
    char err[256];
    if (actent_verify_run(&k, 1, NULL, 0, o, r, err, sizeof err) != 0)
        fail_msg("verify could not run: %s", err);
}

static bool has_msg(const struct actent_verify *r, const char *a, const char *b)
{
    for (size_t i = 0; i < r->nmsgs; i++)
        if (strstr(r->msgs[i], a) && (!b || strstr(r->msgs[i], b)))
            return true;
    return false;
}

static void expect_msg(const struct actent_verify *r, const char *a, const char *b)
{
    if (has_msg(r, a, b))
        return;
    for (size_t i = 0; i < r->nmsgs; i++)
        print_message("  %s\n", r->msgs[i]);
    fail_msg("no violation mentions '%s'%s%s", a, b ? " and " : "", b ? b : "");
}

/* every built-in table passes the quick mode */
static void table_passes(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(k, &o, &r);
    for (size_t i = 0; i < r.nmsgs; i++)
        print_message("  %s\n", r.msgs[i]);
    unsigned v = r.violations;
    actent_verify_free(&r);
    assert_int_equal(v, 0);
}

/* ---- planted faults */

static void sigmoid_plus3(const float *x, float *y, size_t n)
{
    ref->activate[ACT_SIGMOID](x, y, n);
    for (size_t i = 0; i < n; i++)
        if (y[i] > 0.3f && y[i] < 0.4f)
            y[i] = nextafterf(nextafterf(nextafterf(y[i], 1.0f), 1.0f), 1.0f);
}

/* 16 ulps up for every other input (by its last bit): within a bound of 16,
 * so values near edges may move (moving all alike would move the edges too) */
static void sigmoid_plus16(const float *x, float *y, size_t n)
{
    ref->activate[ACT_SIGMOID](x, y, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t u;
        memcpy(&u, &x[i], sizeof u);
        if (y[i] < 0.5f && (u & 1)) {
            memcpy(&u, &y[i], sizeof u);
            u += 16;
            memcpy(&y[i], &u, sizeof u);
        }
    }
}

static void sigmoid_plus16_hist(const float *x, size_t n, const struct act_edges *e,
                                uint64_t *counts, struct act_seen *seen)
{
    float y[256];
    for (size_t i = 0; i < n; i += 256) {
        size_t m = n - i < 256 ? n - i : 256;
        sigmoid_plus16(x + i, y, m);
        for (size_t j = 0; j < m; j++) {
            seen->lo = y[j] < seen->lo ? y[j] : seen->lo;
            seen->hi = y[j] > seen->hi ? y[j] : seen->hi;
        }
        ref->hist_edges(y, m, e, counts);
    }
}

static void tanh_nan_to_zero(const float *x, float *y, size_t n)
{
    ref->activate[ACT_TANH](x, y, n);
    for (size_t i = 0; i < n; i++)
        if (isnan(y[i]))
            y[i] = 0.0f;
}

static void relu_keeps_minus_zero(const float *x, float *y, size_t n)
{
    ref->activate[ACT_RELU](x, y, n);
    for (size_t i = 0; i < n; i++)
        if (x[i] == 0.0f && signbit(x[i]))
            y[i] = -0.0f;
}

/* the fused pass forgets the last value */
static void elu_hist_short(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                           struct act_seen *seen)
{
    ref->activate_hist[ACT_ELU](x, n ? n - 1 : 0, e, counts, seen);
    if (n) { /* its range still sees it */
        float y;
        ref->activate[ACT_ELU](x + n - 1, &y, 1);
        seen->lo = y < seen->lo ? y : seen->lo;
        seen->hi = y > seen->hi ? y : seen->hi;
    }
}

/* bins the values on an inner edge and up to 63 ulps above it into the bin below */
static void hist_edges_off(const float *y, size_t n, const struct act_edges *e, uint64_t *counts)
{
    ref->hist_edges(y, n, e, counts);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 1; j < e->nbins; j++)
            if (y[i] >= e->thresh[j] && ulp_distance(y[i], e->thresh[j]) < 64) {
                counts[j]--;
                counts[j - 1]++;
            }
}

static struct act_kernels planted(const char *name)
{
    struct act_kernels k = act_table_scalar;
    k.name = name;
    return k;
}

static void catches_beyond_bound(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-ulp");
    k.activate[ACT_SIGMOID] = sigmoid_plus3;
    k.bound[ACT_SIGMOID] = &(const struct act_bound){.ulp = 2};
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(&k, &o, &r);
    const struct actent_ulp_stats *s = &r.tables[0].ops[ACT_SIGMOID].ulp[ACTENT_SEC_SWEEP];
    assert_int_equal(s->max_ulp, 3);
    assert_true(s->over > 0 && s->bucket[ACTENT_ULP_3_4] == s->over);
    assert_true(s->has_worst && s->worst_want > 0.3f && s->worst_want < 0.4f);
    expect_msg(&r, "plant-ulp/sigmoid: sweep", "beyond the bound of 2 ulp");
    expect_msg(&r, "plant-ulp/sigmoid: notebook sample", "beyond the bound");
    assert_int_equal(r.tables[0].ops[ACT_TANH].violations, 0);
    actent_verify_free(&r);
}

static void catches_nan_mismatch(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-nan");
    k.activate[ACT_TANH] = tanh_nan_to_zero;
    k.bound[ACT_TANH] = &(const struct act_bound){.ulp = 4};
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(&k, &o, &r);
    const struct actent_verify_op *op = &r.tables[0].ops[ACT_TANH];
    assert_true(op->ulp[ACTENT_SEC_SPECIALS].bucket[ACTENT_ULP_NAN] >= 5);
    assert_true(op->ulp[ACTENT_SEC_SWEEP].bucket[ACTENT_ULP_NAN] > 0);
    expect_msg(&r, "plant-nan/tanh: special values", "NaN against a number");
    actent_verify_free(&r);
}

static void catches_zero_sign(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-zero");
    k.activate[ACT_RELU] = relu_keeps_minus_zero;
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(&k, &o, &r);
    assert_true(r.tables[0].ops[ACT_RELU].ulp[ACTENT_SEC_SPECIALS].zero_sign > 0);
    expect_msg(&r, "plant-zero/relu: special values", "the other sign of zero");
    actent_verify_free(&r);
}

static void catches_fused_mismatch(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-fused");
    k.activate_hist[ACT_ELU] = elu_hist_short;
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(&k, &o, &r);
    expect_msg(&r, "plant-fused/elu: notebook sample", "fused pass differs");
    expect_msg(&r, "plant-fused/elu: normal sample", "fused pass differs");
    assert_int_equal(r.tables[0].ops[ACT_SELU].violations, 0);
    actent_verify_free(&r);
}

static void catches_misbinning(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-bins");
    k.hist_edges = hist_edges_off;
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(&k, &o, &r);
    expect_msg(&r, "plant-bins/linear: uniform sample", "bins differently from the definition");
    expect_msg(&r, "plant-bins/linear: uniform sample", "beyond the derived tolerance");
    actent_verify_free(&r);
}

static void catches_missing_kernel(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-missing");
    k.activate[ACT_SOFTPLUS] = NULL;
    k.activate_hist[ACT_SELU] = NULL;
    struct actent_verify_opts o = quick(2);
    struct actent_verify r;
    run_one(&k, &o, &r);
    expect_msg(&r, "plant-missing/softplus: no kernel", NULL);
    expect_msg(&r, "plant-missing/selu: no kernel", "fused");
    assert_int_equal(r.violations, 2);
    actent_verify_free(&r);
}

/* 16 ulps off here and there: allowed with a bound of 16 (values near edges
 * move, each excused, the entropy within the derived tolerance), refused with 0 */
static void tolerance_is_derived(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-plus16");
    k.activate[ACT_SIGMOID] = sigmoid_plus16;
    k.activate_hist[ACT_SIGMOID] = sigmoid_plus16_hist;
    k.bound[ACT_SIGMOID] = &(const struct act_bound){.ulp = 16};
    struct actent_verify_opts o = quick(2);
    memset(o.use, 0, sizeof o.use);
    o.use[ACT_SIGMOID] = true;
    struct actent_verify r;
    run_one(&k, &o, &r);
    for (size_t i = 0; i < r.nmsgs; i++)
        print_message("  %s\n", r.msgs[i]);
    assert_int_equal(r.violations, 0);
    uint64_t moved = 0;
    for (size_t s = 0; s < 3; s++) {
        const struct actent_hist_check *h = &r.tables[0].ops[ACT_SIGMOID].hist[s];
        assert_true(h->ok);
        assert_true(h->at_risk >= h->moved);
        assert_true(fabs(h->entropy - h->entropy_ref) <= h->tolerance + h->rounding);
        if (h->at_risk)
            assert_true(h->tolerance > 0.0);
        moved += h->moved;
    }
    assert_true(moved > 0); /* the check saw moves, and excused them */
    actent_verify_free(&r);

    k.bound[ACT_SIGMOID] = &(const struct act_bound){.ulp = 0};
    run_one(&k, &o, &r);
    expect_msg(&r, "plant-plus16/sigmoid: ", "without excuse");
    expect_msg(&r, "plant-plus16/sigmoid: sweep", "beyond the bound of 0 ulp");
    actent_verify_free(&r);
}

/* the result does not depend on the number of threads */
static void deterministic(void **state)
{
    (void)state;
    struct act_kernels k = planted("plant-ulp");
    k.activate[ACT_SIGMOID] = sigmoid_plus3;
    k.bound[ACT_SIGMOID] = &(const struct act_bound){.ulp = 2};
    struct actent_verify_opts o1 = quick(1), o3 = quick(3);
    struct actent_verify a, b;
    run_one(&k, &o1, &a);
    run_one(&k, &o3, &b);
    assert_int_equal(a.nmsgs, b.nmsgs);
    for (size_t i = 0; i < a.nmsgs; i++)
        assert_string_equal(a.msgs[i], b.msgs[i]);
    for (int op = 0; op < ACT_COUNT; op++) {
        const struct actent_verify_op *x = &a.tables[0].ops[op], *y = &b.tables[0].ops[op];
        assert_memory_equal(x->ulp, y->ulp, sizeof x->ulp);
        assert_true(x->digest == y->digest);
        for (size_t s = 0; s < x->nhist; s++)
            assert_true(x->hist[s].entropy == y->hist[s].entropy &&
                        x->hist[s].moved == y->hist[s].moved);
    }
    actent_verify_free(&a);
    actent_verify_free(&b);
}

/* ULP distances on the integer line */
static void ulp_basics(void **state)
{
    (void)state;
    assert_int_equal(actent_ulp_distance(1.0f, nextafterf(1.0f, 2.0f)), 1);
    assert_int_equal(actent_ulp_distance(-0.0f, 0.0f), 0);
    assert_int_equal(actent_ulp_distance(0x1p-149f, -0x1p-149f), 2);
    assert_int_equal(actent_ulp_distance(FLT_MAX, INFINITY), 1);
    assert_int_equal(actent_ulp_distance(NAN, 1.0f), UINT32_MAX);
    assert_int_equal(actent_ulp_distance(NAN, -NAN), 0);
    assert_true(actent_ulp_step(FLT_MAX, 5) == INFINITY);
    assert_true(actent_ulp_step(0x1p-149f, -2) == -0x1p-149f);
    float x[4] = {1, 2, 3, 4}, got[4] = {0.0f, -0.0f, NAN, 1.0f},
          want[4] = {0.0f, 0.0f, 1.0f, nextafterf(1.0f, 0)};
    struct actent_ulp_stats s = {0};
    actent_ulp_compare(&s, x, got, want, 4, 0);
    assert_int_equal(s.bucket[ACTENT_ULP_0], 2);
    assert_int_equal(s.bucket[ACTENT_ULP_NAN], 1);
    assert_int_equal(s.bucket[ACTENT_ULP_1], 1);
    assert_int_equal(s.zero_sign, 1);
    assert_int_equal(s.over, 3);
    assert_true(s.has_bad && s.bad_x == 2.0f && s.max_ulp == 1 && s.worst_x == 4.0f);
}

int main(void)
{
    static struct CMUnitTest tests[64];
    static char names[64][64];
    size_t nt = 0;
    for (size_t t = 0; t < act_ntables && nt < 48; t++) {
        snprintf(names[nt], sizeof names[nt], "quick/%s", act_tables[t]->name);
        tests[nt] = (struct CMUnitTest){names[nt], table_passes, NULL, NULL, (void *)act_tables[t]};
        nt++;
    }
    static const struct {
        const char *name;
        CMUnitTestFunction fn;
    } fixed[] = {
        {"ulp_basics", ulp_basics},
        {"catches/beyond_bound", catches_beyond_bound},
        {"catches/nan_mismatch", catches_nan_mismatch},
        {"catches/zero_sign", catches_zero_sign},
        {"catches/fused_mismatch", catches_fused_mismatch},
        {"catches/misbinning", catches_misbinning},
        {"catches/missing_kernel", catches_missing_kernel},
        {"tolerance_is_derived", tolerance_is_derived},
        {"deterministic", deterministic},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        tests[nt++] = (struct CMUnitTest){fixed[i].name, fixed[i].fn, NULL, NULL, NULL};
    return _cmocka_run_group_tests("verify", tests, nt, NULL, NULL);
}
