/* test_tables.c - every kernel table against the scalar reference.
 *
 * One cmocka case per (activation, table, check), named like
 * "sigmoid/avx2/tails". Tables this CPU cannot run are skipped (reported by
 * cmocka as SKIPPED, never passed). Exact activations must give the scalar
 * bits; the others must stay within the table's declared max_ulp. Seeds are
 * fixed, printed on failure, and overridable with ACTENT_TEST_SEED; the sweep
 * stride with ACTENT_TEST_STRIDE (emulated runs use a coarser one). The
 * checks of a table's other kernels (binning, min/max, completeness) are
 * test_table_parts.c's. */
#include "test_util.h"

#include <float.h>
#include <string.h>

#include "cpu.h"
#include "histogram.h"
#include "kernels.h"
#include "pipeline.h"

struct kcase {
    const struct act_kernels *k;
    enum act_op op;
};

static const struct act_kernels *const ref = &act_table_scalar;

#define CANARY 0x7fc0dead /* a NaN payload no kernel produces */

static float canary(void)
{
    uint32_t u = CANARY;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static bool is_canary(float f) { return memcmp(&f, &(float){canary()}, sizeof f) == 0; }

static void need(const struct kcase *c)
{
    if (!c->k->cpu_ok())
        skip();
    if (!c->k->activate[c->op] || !c->k->activate_hist[c->op])
        fail_msg("%s/%s: no kernel in the table", act_name(c->op), c->k->name);
}

/* got vs scalar on x[0..n), within the table's bound; names the first disagreement */
static void compare(const struct kcase *c, const float *x, const float *got, const float *want,
                    size_t n, const char *what)
{
    uint32_t bound = act_max_ulp(c->k, c->op);
    for (size_t i = 0; i < n; i++)
        if (!agrees(got[i], want[i], bound))
            fail_msg("%s/%s %s: i=%zu x=%a got=%a want=%a (%u ulp, bound %u, seed %llu)",
                     act_name(c->op), c->k->name, what, i, (double)x[i], (double)got[i],
                     (double)want[i], ulp_distance(got[i], want[i]), bound,
                     (unsigned long long)test_seed());
}

/* lengths 0 to 4 vectors + 1 and a few longer: below, at, between and above widths */
static void check_tails(void **state)
{
    const struct kcase *c = *state;
    need(c);
    float x[1100], y[1100 + 8], want[1100];
    uint64_t s = test_seed();
    static const size_t longer[] = {63, 64, 65, 127, 255, 1000, 1099};
    for (size_t t = 0; t < 34 + sizeof longer / sizeof longer[0]; t++) {
        size_t n = t < 34 ? t : longer[t - 34];
        for (size_t i = 0; i < n; i++)
            x[i] = test_mixed(&s);
        for (size_t i = 0; i < n + 8; i++)
            y[i] = canary();
        ref->activate[c->op](x, want, n);
        c->k->activate[c->op](x, y, n);
        compare(c, x, y, want, n, "tails");
        for (size_t i = n; i < n + 8; i++)
            if (!is_canary(y[i]))
                fail_msg("%s/%s n=%zu: wrote y[%zu] past the end", act_name(c->op), c->k->name, n,
                         i);
    }
}

static void check_misaligned_and_in_place(void **state)
{
    const struct kcase *c = *state;
    need(c);
    float xb[300], yb[300], want[300], inplace[300];
    uint64_t s = test_seed() + 1;
    for (size_t i = 0; i < 300; i++)
        xb[i] = test_mixed(&s);
    for (size_t n = 0; n < 290; n += 37) {
        ref->activate[c->op](xb + 1, want, n);
        c->k->activate[c->op](xb + 1, yb + 3, n); /* both off the vector alignment */
        compare(c, xb + 1, yb + 3, want, n, "misaligned");
        memcpy(inplace, xb + 1, n * sizeof *inplace);
        c->k->activate[c->op](inplace, inplace, n);
        compare(c, xb + 1, inplace, want, n, "in-place");
    }
}

static void check_specials(void **state)
{
    const struct kcase *c = *state;
    need(c);
    static const float sp[] = {0.0f,
                               -0.0f,
                               INFINITY,
                               -INFINITY,
                               NAN,
                               -NAN,
                               FLT_MIN,
                               -FLT_MIN,
                               0x1p-149f,
                               -0x1p-149f,
                               0x1.fffffcp-127f,
                               -0x1.fffffcp-127f,
                               FLT_MAX,
                               -FLT_MAX,
                               1.0f,
                               -1.0f,
                               2.5f,
                               -2.5f,
                               6.0f,
                               -6.0f,
                               0x1.000002p+1f,
                               -0x1.000002p+1f,
                               88.0f,
                               88.7f,
                               89.0f,
                               -88.0f,
                               -87.3f,
                               -89.0f,
                               -103.0f,
                               -104.0f,
                               -150.0f,
                               9.0f,
                               -9.0f,
                               16.0f,
                               -16.0f,
                               20.0f,
                               -20.0f,
                               1e-4f,
                               -1e-4f,
                               1e-8f,
                               -1e-8f,
                               0x1p-24f,
                               -0x1p-24f,
                               0x1p-12f,
                               -0x1p-12f,
                               0.5f,
                               -0.5f,
                               0.625f,
                               -0.625f};
    size_t n = sizeof sp / sizeof sp[0];
    float y[64], want[64];
    ref->activate[c->op](sp, want, n);
    c->k->activate[c->op](sp, y, n);
    compare(c, sp, y, want, n, "specials");
    /* one at a time too, so each special also passes through the tail path */
    for (size_t i = 0; i < n; i++) {
        c->k->activate[c->op](sp + i, y, 1);
        compare(c, sp + i, y, want + i, 1, "special alone");
    }
}

/* one NaN among finite lanes leaves its neighbours alone, in every position */
static void check_lane_isolation(void **state)
{
    const struct kcase *c = *state;
    need(c);
    float x[40], y[40], want[40];
    uint64_t s = test_seed() + 2;
    for (size_t i = 0; i < 40; i++)
        x[i] = test_mixed(&s);
    ref->activate[c->op](x, want, 40);
    for (size_t p = 0; p < 40; p++) {
        float keep = x[p];
        x[p] = NAN;
        c->k->activate[c->op](x, y, 40);
        if (!isnan(y[p]))
            fail_msg("%s/%s: NaN at %zu gave %a", act_name(c->op), c->k->name, p, (double)y[p]);
        y[p] = want[p];
        x[p] = keep;
        compare(c, x, y, want, 40, "lane isolation");
    }
}

static size_t sweep_stride(void)
{
    const char *s = getenv("ACTENT_TEST_STRIDE");
    size_t v = s && *s ? (size_t)strtoull(s, NULL, 0) : 251;
    return v ? v : 251;
}

/* every stride-th float32 bit pattern (251: about 17 million) against the bound */
static void check_sweep(void **state)
{
    const struct kcase *c = *state;
    need(c);
    enum { B = 4096 };
    float x[B], y[B], want[B];
    size_t stride = sweep_stride(), m = 0;
    for (uint64_t u = 0; u <= 0xffffffffu; u += stride) {
        uint32_t bits = (uint32_t)u;
        memcpy(&x[m++], &bits, sizeof bits);
        if (m == B || u + stride > 0xffffffffu) {
            ref->activate[c->op](x, want, m);
            c->k->activate[c->op](x, y, m);
            compare(c, x, y, want, m, "sweep");
            m = 0;
        }
    }
}

/* fused counts and range equal the unfused path's on the same table */
static void check_fused(void **state)
{
    const struct kcase *c = *state;
    need(c);
    static const size_t sizes[] = {1, 7, 8, 9, 100, 4096, 4099};
    static const float scales[] = {1.0f, 10.0f, 100.0f};
    float *x = malloc(4099 * sizeof *x), *y = malloc(4099 * sizeof *y);
    struct actent_edges_buf eb;
    assert_int_equal(actent_edges_buf_init(&eb, 64), 0);
    char err[256];
    for (size_t si = 0; si < 3; si++)
        for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
            size_t n = sizes[t];
            test_fill(x, n, test_seed() + 5 + t, scales[si]);
            float xlo, xhi;
            ref->minmax(x, n, &xlo, &xhi);
            uint64_t a[64], b[64];
            struct actent_range ra, rb;
            assert_int_equal(
                actent_hist_unfused(c->k, c->op, x, n, y, &eb, 49, a, &ra, err, sizeof err), 0);
            if (actent_hist_fused(c->k, c->op, x, n, xlo, xhi, &eb, 49, b, &rb, err, sizeof err))
                fail_msg("%s", err);
            if (memcmp(a, b, 49 * sizeof a[0]) != 0 || ra.lo != rb.lo || ra.hi != rb.hi)
                fail_msg("%s/%s n=%zu scale %g: fused differs from unfused", act_name(c->op),
                         c->k->name, n, (double)scales[si]);
            /* and on edges unrelated to the data: values outside are not counted */
            const struct act_edges *e = actent_edges_buf_linspace(&eb, -0.3, 0.6, 49);
            memset(a, 0, sizeof a);
            memset(b, 0, sizeof b);
            c->k->activate[c->op](x, y, n);
            c->k->hist_edges(y, n, e, a);
            struct act_seen seen = {INFINITY, -INFINITY, 0};
            c->k->activate_hist[c->op](x, n, e, b, &seen);
            assert_memory_equal(a, b, 49 * sizeof a[0]);
            float lo, hi;
            c->k->minmax(y, n, &lo, &hi);
            assert_true(agrees(seen.lo, lo, 0) && agrees(seen.hi, hi, 0));
        }
    actent_edges_buf_free(&eb);
    free(x);
    free(y);
}

#define MAX_TESTS 2048

static struct CMUnitTest tests[MAX_TESTS];
static char names[MAX_TESTS][64];
static size_t nt;

/* registers one case, its name formatted like "sigmoid/avx2/tails" */
__attribute__((format(printf, 3, 4))) static void add(CMUnitTestFunction fn, void *state,
                                                      const char *fmt, ...)
{
    if (nt == MAX_TESTS) {
        fprintf(stderr, "test_tables: more than %d cases: raise MAX_TESTS\n", MAX_TESTS);
        exit(1);
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(names[nt], sizeof names[nt], fmt, ap);
    va_end(ap);
    tests[nt] = (struct CMUnitTest){names[nt], fn, NULL, NULL, state};
    nt++;
}

int main(void)
{
    static struct kcase cases[MAX_TESTS];
    static const struct {
        const char *what;
        CMUnitTestFunction fn;
    } checks[] = {
        {"tails", check_tails},       {"misaligned_in_place", check_misaligned_and_in_place},
        {"specials", check_specials}, {"lane_isolation", check_lane_isolation},
        {"sweep", check_sweep},       {"fused", check_fused},
    };
    size_t nc = 0;
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (k == ref) {
            /* against itself the reference proves nothing, except that its
             * fused pass counts what its unfused path counts */
            for (int op = 0; op < ACT_COUNT; op++) {
                cases[nc] = (struct kcase){k, (enum act_op)op};
                add(check_fused, &cases[nc++], "%s/%s/fused", act_name((enum act_op)op), k->name);
            }
            continue;
        }
        for (int op = 0; op < ACT_COUNT; op++) {
            cases[nc] = (struct kcase){k, (enum act_op)op};
            for (size_t ch = 0; ch < sizeof checks / sizeof checks[0]; ch++)
                add(checks[ch].fn, &cases[nc], "%s/%s/%s", act_name((enum act_op)op), k->name,
                    checks[ch].what);
            nc++;
        }
    }
    return _cmocka_run_group_tests("tables", tests, nt, NULL, NULL);
}
