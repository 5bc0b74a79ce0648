/* test_histogram.c - both numpy modes against np.histogram on adversarial
 * arrays: values on edges and one ulp either side, min == max, one element,
 * one bin, -0.0, subnormals, huge magnitudes. Every table this CPU runs must
 * give numpy's counts. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "histogram.h"

static char cases[256][64];
static size_t ncases;

static void read_cases(void)
{
    char path[1024];
    const char *dir = getenv("ACTENT_TEST_DATA");
    snprintf(path, sizeof path, "%s/hist_cases.txt", dir && *dir ? dir : ACTENT_TEST_DATA);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    while (ncases < 256 && fscanf(f, "%63s", cases[ncases]) == 1)
        ncases++;
    fclose(f);
}

static void minmax_f32(const float *x, size_t n, float *lo, float *hi)
{
    *lo = x[0];
    *hi = x[0];
    for (size_t i = 1; i < n; i++) {
        *lo = x[i] < *lo ? x[i] : *lo;
        *hi = x[i] > *hi ? x[i] : *hi;
    }
}

static void check_case(const struct act_kernels *k, const char *tag)
{
    char name[128];
    struct ref x, cu, edges, cg;
    snprintf(name, sizeof name, "hist_%.63s_x", tag);
    ref_load(&x, name, "<f4");
    snprintf(name, sizeof name, "hist_%.63s_uniform", tag);
    ref_load(&cu, name, "<i8");
    snprintf(name, sizeof name, "hist_%.63s_edges", tag);
    ref_load(&edges, name, "<f8");
    snprintf(name, sizeof name, "hist_%.63s_given", tag);
    ref_load(&cg, name, "<i8");
    size_t nbins = cu.n;
    float lo, hi;
    minmax_f32(x.data, x.n, &lo, &hi);
    uint64_t *got = calloc(nbins, sizeof *got);

    /* uniform mode: np.histogram(x, bins=K) */
    struct act_edges *e = actent_edges_uniform(lo, hi, nbins);
    assert_non_null(e);
    k->hist_uniform(x.data, x.n, e, got);
    for (size_t b = 0; b < nbins; b++)
        if (got[b] != (uint64_t)((int64_t *)cu.data)[b])
            fail_msg("%s uniform %s bin %zu: got %llu want %lld", k->name, tag, b,
                     (unsigned long long)got[b], (long long)((int64_t *)cu.data)[b]);
    actent_edges_free(e);

    /* given edges: np.histogram(x, bins=np.linspace(min, max, K + 1)) */
    e = actent_edges_linspace(lo, hi, nbins);
    assert_non_null(e);
    for (size_t i = 0; i <= nbins; i++)
        if (e->edge[i] != ((double *)edges.data)[i])
            fail_msg("%s edge %zu: got %a want %a (np.linspace)", tag, i, e->edge[i],
                     ((double *)edges.data)[i]);
    memset(got, 0, nbins * sizeof *got);
    k->hist_edges(x.data, x.n, e, got);
    for (size_t b = 0; b < nbins; b++)
        if (got[b] != (uint64_t)((int64_t *)cg.data)[b])
            fail_msg("%s given-edges %s bin %zu: got %llu want %lld", k->name, tag, b,
                     (unsigned long long)got[b], (long long)((int64_t *)cg.data)[b]);
    actent_edges_free(e);
    free(got);
    ref_free(&x);
    ref_free(&cu);
    ref_free(&edges);
    ref_free(&cg);
}

static void against_numpy(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    for (size_t i = 0; i < ncases; i++)
        check_case(k, cases[i]);
}

/* counts accumulate: two halves give the whole */
static void counts_accumulate(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    float x[1000];
    uint64_t s = test_seed();
    for (int i = 0; i < 1000; i++)
        x[i] = (float)(test_rand(&s) >> 40) / (float)(1 << 24) * 2.0f - 1.0f;
    struct act_edges *e = actent_edges_linspace(-1.0, 1.0, 49);
    uint64_t whole[49] = {0}, parts[49] = {0}, total = 0;
    k->hist_edges(x, 1000, e, whole);
    k->hist_edges(x, 333, e, parts);
    k->hist_edges(x + 333, 667, e, parts);
    assert_memory_equal(whole, parts, sizeof whole);
    for (int b = 0; b < 49; b++)
        total += whole[b];
    assert_int_equal(total, 1000);
    actent_edges_free(e);
}

/* values outside the edges, NaN and infinities are not counted in given-edges mode */
static void outside_not_counted(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    const float x[] = {-2.0f, -1.0f, 0.0f, 1.0f, 2.0f, NAN, INFINITY, -INFINITY, 1.0000001f};
    struct act_edges *e = actent_edges_linspace(-1.0, 1.0, 4);
    uint64_t c[4] = {0};
    k->hist_edges(x, sizeof x / sizeof x[0], e, c);
    assert_int_equal(c[0], 1); /* -1 */
    assert_int_equal(c[1], 0);
    assert_int_equal(c[2], 1); /* 0 */
    assert_int_equal(c[3], 1); /* 1, the top edge */
    actent_edges_free(e);
}

/* min == max: every edge equal, every value in the last bin (numpy's cumulative counts) */
static void degenerate_range(void **state)
{
    const struct act_kernels *k = *state;
    if (!k->cpu_ok())
        skip();
    const float x[] = {0.5f, 0.5f, 0.5f};
    struct act_edges *e = actent_edges_linspace(0.5, 0.5, 49);
    uint64_t c[49] = {0};
    k->hist_edges(x, 3, e, c);
    assert_int_equal(c[48], 3);
    for (int b = 0; b < 48; b++)
        assert_int_equal(c[b], 0);
    actent_edges_free(e);
}

static void bad_edges_refused(void **state)
{
    (void)state;
    assert_null(actent_edges_linspace(1.0, 0.0, 10));
    assert_null(actent_edges_linspace(0.0, INFINITY, 10));
    assert_null(actent_edges_linspace(NAN, 1.0, 10));
    assert_null(actent_edges_linspace(0.0, 1.0, 0));
    assert_null(actent_edges_uniform(0.0f, NAN, 10));
}

int main(void)
{
    read_cases();
    struct CMUnitTest tests[64];
    char names[64][96];
    size_t nt = 0;
    static const struct {
        const char *what;
        CMUnitTestFunction fn;
    } checks[] = {
        {"against_numpy", against_numpy},
        {"counts_accumulate", counts_accumulate},
        {"outside_not_counted", outside_not_counted},
        {"degenerate_range", degenerate_range},
    };
    for (size_t t = 0; t < act_ntables; t++)
        for (size_t c = 0; c < sizeof checks / sizeof checks[0] && nt < 63; c++) {
            snprintf(names[nt], sizeof names[nt], "%s/%s", checks[c].what, act_tables[t]->name);
            tests[nt] =
                (struct CMUnitTest){names[nt], checks[c].fn, NULL, NULL, (void *)act_tables[t]};
            nt++;
        }
    tests[nt++] = (struct CMUnitTest){"bad_edges_refused", bad_edges_refused, NULL, NULL, NULL};
    return _cmocka_run_group_tests("histogram", tests, nt, NULL, NULL);
}
