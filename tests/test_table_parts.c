/* test_table_parts.c - every kernel table's kernels besides the activations
 * against the scalar reference: binning in both modes, min/max, and that the
 * table is complete (its activations per table are test_tables.c's). One
 * cmocka case per (table, check), named like "avx2/binning". */
#include "test_util.h"

#include <string.h>

#include "cpu.h"
#include "histogram.h"
#include "kernels.h"

static const struct act_kernels *const ref = &act_table_scalar;

/* the table bins the same values as scalar does, edges and their neighbours included */
static void check_binning(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    enum { N = 3000 };
    float y[N + 200];
    test_fill(y, N, test_seed() + 3, 1.0f);
    struct act_edges *e = actent_edges_linspace(-0.75, 0.9, 49);
    size_t n = N;
    for (size_t i = 0; i <= 49; i++) {
        y[n++] = e->thresh[i];
        y[n++] = nextafterf(e->thresh[i], -INFINITY);
        y[n++] = nextafterf(e->thresh[i], INFINITY);
    }
    y[n++] = NAN;
    y[n++] = INFINITY;
    uint64_t a[64] = {0}, b[64] = {0};
    ref->hist_edges(y, n, e, a);
    k->hist_edges(y, n, e, b);
    assert_memory_equal(a, b, 49 * sizeof a[0]);
    actent_edges_free(e);
    /* uniform mode, including a degenerate range */
    for (int t = 0; t < 2; t++) {
        float lo = t ? 0.25f : -0.75f, hi = t ? 0.25f : 0.9f;
        size_t m = t ? 5 : n;
        float z[5] = {0.25f, 0.25f, 0.25f, 0.25f, 0.25f};
        e = actent_edges_uniform(lo, hi, 50);
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        ref->hist_uniform(t ? z : y, m, e, a);
        k->hist_uniform(t ? z : y, m, e, b);
        assert_memory_equal(a, b, 50 * sizeof a[0]);
        actent_edges_free(e);
    }
}

static void check_minmax(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    float x[200];
    uint64_t s = test_seed() + 4;
    for (size_t n = 0; n < 200; n += 7) {
        for (size_t i = 0; i < n; i++)
            x[i] = test_mixed(&s);
        if (n > 3) {
            x[n / 2] = NAN;
            x[n / 3] = -0.0f;
        }
        float l1, h1, l2, h2;
        ref->minmax(x, n, &l1, &h1);
        k->minmax(x, n, &l2, &h2);
        assert_true(agrees(l2, l1, 0) && agrees(h2, h1, 0));
    }
}

static void check_complete(void **state)
{
    const struct act_kernels *k = *state;
    assert_non_null(k->name);
    assert_non_null(k->cpu_ok);
    assert_non_null(k->minmax);
    assert_non_null(k->hist_edges);
    assert_non_null(k->hist_uniform);
    /* `actent isa` names what a refused table misses: nothing exactly when it runs here */
    char missing[512];
    act_cpu_missing(k->cpu_ok, missing, sizeof missing);
    if ((missing[0] == '\0') != k->cpu_ok())
        fail_msg("table %s: cpu_ok() is %d but the probe reports missing '%s'", k->name,
                 (int)k->cpu_ok(), missing);
    for (int op = 0; op < ACT_COUNT; op++) {
        if (!k->activate[op] || !k->activate_hist[op])
            fail_msg("table %s has no %s kernel", k->name, act_name((enum act_op)op));
        if (act_exact((enum act_op)op) && act_max_ulp(k, (enum act_op)op) != 0)
            fail_msg("table %s declares %u ulp for %s, which must be exact", k->name,
                     act_max_ulp(k, (enum act_op)op), act_name((enum act_op)op));
    }
}

int main(void)
{
    static struct CMUnitTest tests[3 * 64];
    static char names[3 * 64][64];
    size_t nt = 0;
    for (size_t t = 0; t < act_ntables && t < 64; t++) {
        const struct act_kernels *k = act_tables[t];
        static const struct {
            const char *what;
            CMUnitTestFunction fn;
        } checks[] = {
            {"complete", check_complete}, {"binning", check_binning}, {"minmax", check_minmax}};
        /* against itself the reference proves nothing but its completeness */
        for (size_t ch = 0; ch < (k == ref ? 1u : 3u); ch++) {
            snprintf(names[nt], sizeof names[nt], "%s/%s", k->name, checks[ch].what);
            tests[nt] = (struct CMUnitTest){names[nt], checks[ch].fn, NULL, NULL, (void *)k};
            nt++;
        }
    }
    return _cmocka_run_group_tests("table_parts", tests, nt, NULL, NULL);
}
