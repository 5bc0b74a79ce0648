/* test_binning.c - the histogram kernels of every table against the scalar reference, where
 * a fast binning is most likely to slip: values on each threshold and one ulp either side,
 * masses of equal values at the outer edges and in one bin (long enough to carry through every
 * counter level), NaN with any payload, values outside the edges, bin counts on either side of
 * the layouts' limits (32, 48/49, 64/65), edges so close that floats are coarser than bins,
 * degenerate edges, and lengths that are no multiple of any unroll. The fused pass of every
 * activation must also equal its table's unfused path on such inputs, NaN count included.
 * Seeds are fixed and overridable with ACTENT_TEST_SEED. */
#include "test_util.h"

#include <string.h>

#include "histogram.h"
#include "kernels.h"

static const struct act_kernels *const ref = &act_table_scalar;

struct tcase {
    const struct act_kernels *k;
    enum act_op op;
};

static const size_t nbins_list[] = {1, 2, 7, 31, 32, 33, 47, 48, 49, 50, 63, 64, 65, 100};
#define NNBINS (sizeof nbins_list / sizeof nbins_list[0])

/* [lo, hi] of the edges: ordinary, at zero, negative, floats coarser than the bins, so narrow
 * that the estimate cannot work, and empty */
static const double ranges[][2] = {{-0.75, 0.9},    {0.0, 1.0},        {-3.0, -2.0},
                                   {1e6, 1e6 + 40}, {0.5, 0.5 + 1e-6}, {0.25, 0.25}};
#define NRANGES (sizeof ranges / sizeof ranges[0])

static float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static double unit(uint64_t *s) { return (double)(test_rand(s) >> 11) / 9007199254740992.0; }

/* n values for edges e: uniform over the edges and 10% beyond, the outer edges repeated,
 * every threshold and its neighbours, NaN of several payloads and the infinities */
static size_t fill_edges(float *y, size_t n, const struct act_edges *e, uint64_t *s, bool outside)
{
    size_t m = 0;
    double lo = e->lo, hi = e->hi, w = hi - lo;
    while (m < n) {
        uint64_t r = test_rand(s) % 16;
        double u = unit(s);
        if (r == 0)
            y[m++] = e->thresh[0];
        else if (r == 1)
            y[m++] = e->thresh_hi;
        else if (r == 2) {
            float t = e->thresh[test_rand(s) % (e->nbins + 1)];
            y[m++] = test_rand(s) & 1 ? t : nextafterf(t, test_rand(s) & 1 ? INFINITY : -INFINITY);
        } else if (r == 3 && outside) {
            static const uint32_t odd[] = {0x7fc00000u, 0x7fc0deadu, 0xffc00000u, 0x7f800001u,
                                           0xffffffffu, 0x7f800000u, 0xff800000u};
            y[m++] = from_bits(odd[test_rand(s) % (sizeof odd / sizeof odd[0])]);
        } else {
            double v = outside ? lo - 0.1 * w + 1.2 * w * u : lo + w * u;
            float f = (float)v;
            y[m++] = outside || (f >= e->thresh[0] && f <= e->thresh_hi) ? f : e->thresh[0];
        }
    }
    return m;
}

static void expect_same(const struct act_kernels *k, const char *what, const float *y, size_t n,
                        const struct act_edges *e, bool uniform)
{
    uint64_t *a = calloc(e->nbins, sizeof *a), *b = calloc(e->nbins, sizeof *b);
    if (uniform) {
        ref->hist_uniform(y, n, e, a);
        k->hist_uniform(y, n, e, b);
    } else {
        ref->hist_edges(y, n, e, a);
        k->hist_edges(y, n, e, b);
    }
    for (size_t i = 0; i < e->nbins; i++)
        if (a[i] != b[i])
            fail_msg(
                "%s %s %s: %zu bins on [%a, %a], n=%zu: bin %zu is %llu, want %llu (seed %llu)",
                k->name, uniform ? "uniform" : "given", what, e->nbins, e->lo, e->hi, n, i,
                (unsigned long long)b[i], (unsigned long long)a[i],
                (unsigned long long)test_seed());
    free(a);
    free(b);
}

/* every bin count and edge set, values inside and outside, short and odd lengths */
static void check_edges(void **state)
{
    const struct tcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    static const size_t lengths[] = {0, 1, 7, 9, 255, 256, 257, 777, 2049};
    float *y = malloc(2049 * sizeof *y);
    uint64_t s = test_seed() + 11;
    for (size_t ri = 0; ri < NRANGES; ri++)
        for (size_t bi = 0; bi < NNBINS; bi++) {
            struct act_edges *e =
                actent_edges_linspace(ranges[ri][0], ranges[ri][1], nbins_list[bi]);
            assert_non_null(e);
            for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++)
                for (int outside = 0; outside < 2; outside++) {
                    size_t n = fill_edges(y, lengths[li], e, &s, outside);
                    expect_same(c->k, outside ? "values outside" : "values inside", y, n, e, false);
                }
            actent_edges_free(e);
        }
    free(y);
}

/* uniform mode on the same kinds of data: its own edges, from the finite values' min and max */
static void check_uniform(void **state)
{
    const struct tcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    float *y = malloc(2049 * sizeof *y);
    uint64_t s = test_seed() + 12;
    for (size_t ri = 0; ri < NRANGES; ri++)
        for (size_t bi = 0; bi < NNBINS; bi++) {
            struct act_edges *g =
                actent_edges_linspace(ranges[ri][0], ranges[ri][1], nbins_list[bi]);
            size_t n = fill_edges(y, 2049, g, &s, false);
            actent_edges_free(g);
            float lo, hi;
            ref->minmax(y, n, &lo, &hi);
            struct act_edges *e = actent_edges_uniform(lo, hi, nbins_list[bi]);
            assert_non_null(e);
            /* uniform edges of their own, and their thresholds as values */
            for (size_t i = 0; i <= e->nbins && i < n; i++)
                y[i] = e->edge32[i];
            expect_same(c->k, "values inside", y, n, e, true);
            actent_edges_free(e);
        }
    free(y);
}

/* a run of equal values longer than any counter carries (2^20 values: 4096 blocks of 256),
 * at the bottom edge, the top edge and inside, then two bins alternating */
static void check_long_runs(void **state)
{
    const struct tcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    enum { N = (1 << 20) + 13 };
    float *y = malloc(N * sizeof *y);
    struct act_edges *e = actent_edges_linspace(0.0, 6.0, 49);
    const float at[] = {e->thresh[0], e->thresh_hi, e->thresh[17], nextafterf(e->thresh[17], 0.0f)};
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        for (size_t i = 0; i < N; i++)
            y[i] = at[k];
        expect_same(c->k, "one value repeated", y, N, e, false);
    }
    for (size_t i = 0; i < N; i++)
        y[i] = i & 1 ? e->thresh[40] : e->thresh[3];
    expect_same(c->k, "two values alternating", y, N, e, false);
    actent_edges_free(e);
    free(y);
}

/* the fused pass against the same table's activate + hist_edges + minmax, and its NaN count */
static void check_fused_cases(void **state)
{
    const struct tcase *c = *state;
    if (!c->k->cpu_ok())
        skip();
    if (!c->k->activate[c->op] || !c->k->activate_hist[c->op])
        fail_msg("%s/%s: no kernel in the table", act_name(c->op), c->k->name);
    static const size_t lengths[] = {1, 257, 4096, 65537};
    static const size_t bins[] = {1, 33, 49, 50, 64, 65};
    float *x = malloc(65537 * sizeof *x), *y = malloc(65537 * sizeof *y);
    uint64_t s = test_seed() + 13;
    for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
        size_t n = lengths[li];
        for (size_t i = 0; i < n; i++) {
            uint64_t r = test_rand(&s);
            x[i] = r % 97 == 0 ? from_bits(0x7fc0deadu) : (float)(unit(&s) * 24.0 - 12.0);
        }
        c->k->activate[c->op](x, y, n);
        float lo, hi;
        c->k->minmax(y, n, &lo, &hi);
        uint64_t nan = 0;
        for (size_t i = 0; i < n; i++)
            nan += y[i] != y[i];
        for (size_t bi = 0; bi < sizeof bins / sizeof bins[0]; bi++)
            for (int own = 0; own < 2; own++) {
                /* the output's own range (all inside), or edges it overhangs */
                struct act_edges *e = own && lo < hi ? actent_edges_linspace(lo, hi, bins[bi])
                                                     : actent_edges_linspace(-0.3, 0.6, bins[bi]);
                uint64_t *a = calloc(bins[bi], sizeof *a), *b = calloc(bins[bi], sizeof *b);
                struct act_seen seen = {INFINITY, -INFINITY, 0};
                c->k->hist_edges(y, n, e, a);
                c->k->activate_hist[c->op](x, n, e, b, &seen);
                if (memcmp(a, b, bins[bi] * sizeof *a) != 0 || !agrees(seen.lo, lo, 0) ||
                    !agrees(seen.hi, hi, 0) || seen.nan != nan)
                    fail_msg("%s/%s n=%zu, %zu bins on [%g, %g]: fused differs from unfused "
                             "(range [%a, %a] want [%a, %a], %llu NaN want %llu)",
                             act_name(c->op), c->k->name, n, bins[bi], e->lo, e->hi,
                             (double)seen.lo, (double)seen.hi, (double)lo, (double)hi,
                             (unsigned long long)seen.nan, (unsigned long long)nan);
                free(a);
                free(b);
                actent_edges_free(e);
            }
    }
    free(x);
    free(y);
}

#define MAX_TESTS 256

int main(void)
{
    static struct CMUnitTest tests[MAX_TESTS];
    static char names[MAX_TESTS][64];
    static struct tcase cases[MAX_TESTS];
    static const struct {
        const char *what;
        CMUnitTestFunction fn;
    } table_checks[] = {
        {"edges", check_edges},
        {"uniform", check_uniform},
        {"long_runs", check_long_runs},
    };
    size_t nt = 0, nc = 0;
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (k == ref)
            continue; /* the reference against itself proves nothing */
        cases[nc] = (struct tcase){k, ACT_COUNT};
        for (size_t ch = 0; ch < sizeof table_checks / sizeof table_checks[0]; ch++) {
            snprintf(names[nt], sizeof names[nt], "%s/%s", k->name, table_checks[ch].what);
            tests[nt++] =
                (struct CMUnitTest){names[nt - 1], table_checks[ch].fn, NULL, NULL, &cases[nc]};
        }
        nc++;
        for (int op = 0; op < ACT_COUNT; op++) {
            cases[nc] = (struct tcase){k, (enum act_op)op};
            snprintf(names[nt], sizeof names[nt], "%s/%s/fused_cases", act_name((enum act_op)op),
                     k->name);
            tests[nt++] =
                (struct CMUnitTest){names[nt - 1], check_fused_cases, NULL, NULL, &cases[nc++]};
        }
    }
    return _cmocka_run_group_tests("binning", tests, nt, NULL, NULL);
}
