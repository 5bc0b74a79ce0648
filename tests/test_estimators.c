/* test_estimators.c - the estimators, equal-mass bins, the t quantile and the
 * population limits against scripts/gen_estimators.py (numpy/scipy). */
#include "test_util.h"

#include <string.h>

#include "estimators.h"
#include "histogram.h"
#include "mass.h"
#include "population.h"
#include "repeats.h"

static const enum actent_estimator order[4] = {ACTENT_EST_PLUGIN, ACTENT_EST_MILLER_MADOW,
                                               ACTENT_EST_GRASSBERGER, ACTENT_EST_JACKKNIFE};

/* Tolerance: 1e-10 bits absolute (the formulas agree to a few ulp; the
 * jackknife's reference is the literal leave-one-out sum in 40-digit mpmath,
 * which float64 could not give for N = 10^7). */
static void against_scipy(void **state)
{
    (void)state;
    static const char *const tags[] = {"k2", "single", "small", "k49", "k1000", "big"};
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        char name[64];
        struct ref c, h;
        snprintf(name, sizeof name, "est_counts_%s", tags[t]);
        ref_load(&c, name, "<i8");
        snprintf(name, sizeof name, "est_h_%s", tags[t]);
        ref_load(&h, name, "<f8");
        for (int e = 0; e < 4; e++) {
            double got = actent_estimate_bits(order[e], c.data, c.n);
            double want = ((double *)h.data)[e];
            if (!(fabs(got - want) <= 1e-10))
                fail_msg("%s %s: got %.17g want %.17g", tags[t], actent_estimator_name(order[e]),
                         got, want);
        }
        ref_free(&c);
        ref_free(&h);
    }
}

/* psi within 4e-15 relative (scipy's cephes psi is itself a few ulp off) */
static void digamma(void **state)
{
    (void)state;
    struct ref x, y;
    ref_load(&x, "est_digamma_x", "<f8");
    ref_load(&y, "est_digamma_y", "<f8");
    for (size_t i = 0; i < x.n; i++) {
        double xi = ((double *)x.data)[i], want = ((double *)y.data)[i];
        double got = actent_digamma(xi);
        if (!(fabs(got - want) <= 4e-15 * fmax(1.0, fabs(want))))
            fail_msg("psi(%.17g): got %.17g want %.17g", xi, got, want);
    }
    assert_true(isnan(actent_digamma(0.0)) && isnan(actent_digamma(-1.0)));
    ref_free(&x);
    ref_free(&y);
}

static void empty_and_names(void **state)
{
    (void)state;
    uint64_t z[3] = {0}, one[2] = {1, 0};
    for (int e = 0; e < 4; e++)
        assert_true(isnan(actent_estimate_bits(order[e], z, 3)));
    assert_true(isnan(actent_estimate_bits(ACTENT_EST_JACKKNIFE, one, 2)));
    for (int e = 0; e < ACTENT_EST_COUNT; e++)
        assert_int_equal(actent_estimator_from_name(actent_estimator_name(e)), e);
    assert_int_equal(actent_estimator_from_name("plug-in"), ACTENT_EST_COUNT);
}

/* equal-mass counts: exactly numpy's (same edges, np.histogram's binning) */
static void mass_bins(void **state)
{
    (void)state;
    static const char *const tags[] = {"uniform_b50", "relu_b50", "rounded_b30", "n7_b10",
                                       "const_b5"};
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        char name[64];
        struct ref x, b, c;
        snprintf(name, sizeof name, "est_mass_%s_x", tags[t]);
        ref_load(&x, name, "<f4");
        snprintf(name, sizeof name, "est_mass_%s_bins", tags[t]);
        ref_load(&b, name, "<i8");
        snprintf(name, sizeof name, "est_mass_%s_counts", tags[t]);
        ref_load(&c, name, "<i8");
        size_t bins = (size_t)((int64_t *)b.data)[0];
        struct act_edges *e = actent_mass_edges(x.data, x.n, bins);
        assert_non_null(e);
        if (e->nbins != c.n)
            fail_msg("%s: %zu bins, numpy has %zu", tags[t], e->nbins, c.n);
        uint64_t got[64] = {0};
        actent_mass_hist(x.data, x.n, e, got);
        for (size_t i = 0; i < c.n; i++)
            if (got[i] != (uint64_t)((int64_t *)c.data)[i])
                fail_msg("%s bin %zu: %llu, numpy %lld", tags[t], i, (unsigned long long)got[i],
                         (long long)((int64_t *)c.data)[i]);
        actent_edges_free(e);
        ref_free(&x);
        ref_free(&b);
        ref_free(&c);
    }
}

/* t(0.975, df): the table is scipy's; above 30 the expansion within 1e-7 */
static void t_quantile(void **state)
{
    (void)state;
    struct ref t;
    ref_load(&t, "est_t975", "<f8");
    for (size_t df = 1; df <= t.n; df++) {
        double want = ((double *)t.data)[df - 1], got = actent_t975(df);
        if (!(fabs(got - want) <= 1e-7))
            fail_msg("t975(%zu): got %.17g want %.17g", df, got, want);
    }
    ref_free(&t);
    double v[4] = {1, 2, 3, 4};
    struct actent_stat s;
    actent_stat_of(v, 4, &s);
    assert_true(s.mean == 2.5 && fabs(s.sd - sqrt(5.0 / 3.0)) < 1e-15);
    assert_true(fabs(s.hi - s.mean - actent_t975(3) * s.sd / 2.0) < 1e-15);
}

/* relu on U(-1, 1): the closed form of population.h */
static void relu_exact(void **state)
{
    (void)state;
    for (size_t b = 1; b <= 4096; b = b * 3 + 1) {
        double q = 1.0 / (2.0 * (double)b), p0 = 0.5 + q;
        double want = -p0 * log2(p0) - ((double)b - 1) * q * log2(q);
        double got = actent_population_entropy(ACT_RELU, ACTENT_UNIFORM, 1.0, -1.0, 1.0, b);
        if (!(fabs(got - want) <= 1e-12))
            fail_msg("relu, %zu bins: got %.17g want %.17g", b, got, want);
    }
    assert_true(isinf(actent_population_limit(ACT_RELU, ACTENT_UNIFORM, 1.0, -1.0, 1.0)));
}

/* against scipy.integrate.quad: 1e-9 bits (quad's own tolerance is 1e-13
 * relative; bisection and the 8-point rule are far finer than that) */
static void population_quad(void **state)
{
    (void)state;
    struct ref rows;
    ref_load(&rows, "est_pop_rows", "<f8");
    char path[1024], names[ACT_COUNT + 1][32];
    snprintf(path, sizeof path, "%s/est_pop_names.txt", ACTENT_TEST_DATA);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    int nn = 0;
    while (nn <= ACT_COUNT && fscanf(f, "%31s", names[nn]) == 1)
        nn++;
    fclose(f);
    /* scripts/gen_estimators.py covers every activation of the list, by name */
    for (int op = 0; op < ACT_COUNT; op++) {
        bool found = false;
        for (int i = 0; i < nn; i++)
            found |= strcmp(names[i], act_name((enum act_op)op)) == 0;
        if (!found)
            fail_msg("%s has no population reference: run scripts/gen_estimators.py",
                     act_name((enum act_op)op));
    }
    const double *r = rows.data;
    for (size_t i = 0; i < rows.n / 8; i++, r += 8) {
        enum act_op op = act_from_name(names[(int)r[5]]);
        enum actent_dist d = r[0] == 0 ? ACTENT_UNIFORM : ACTENT_NORMAL;
        double h = actent_population_entropy(op, d, r[1], r[2], r[3], (size_t)r[4]);
        double lim = actent_population_limit(op, d, r[1], r[2], r[3]);
        /* A turn inside [a, b] folds two preimages onto one output: within
         * about 1e-8 of the turn f(x) - f(x*) is below double's resolution, so
         * the second preimage is only known to that width. This quadrature,
         * scipy's quad and mpmath's at 30 digits agree to 2e-8 bits there
         * (gelu on U(-1, 1): 1.0031213299, 1.0031213360, 1.0031213397); every
         * other limit to 1e-9. */
        float xs;
        bool fold = act_interior_min(op, &xs) && xs > r[2] && xs < r[3];
        double tol = fold ? 1e-7 : 1e-9;
        bool lim_ok = isinf(r[7]) ? lim == r[7] : fabs(lim - r[7]) <= tol;
        if (!(fabs(h - r[6]) <= 1e-9) || !lim_ok)
            fail_msg("%s %s sigma %g on [%g, %g], %g bins: H %.15g (scipy %.15g), limit %.15g "
                     "(scipy %.15g)",
                     names[(int)r[5]], d ? "normal" : "uniform", r[1], r[2], r[3], r[4], h, r[6],
                     lim, r[7]);
    }
    ref_free(&rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(against_scipy),   cmocka_unit_test(digamma),
        cmocka_unit_test(empty_and_names), cmocka_unit_test(mass_bins),
        cmocka_unit_test(t_quantile),      cmocka_unit_test(relu_exact),
        cmocka_unit_test(population_quad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
