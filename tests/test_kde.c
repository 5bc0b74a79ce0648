/* test_kde.c - the KDE bounds against scripts/gen_estimators.py (numpy's
 * logsumexp in float64), and every table's kde_lse against the scalar
 * reference within the table's declared kde_bound (measured, printed). */
#include "test_util.h"

#include "dispatch.h"
#include "kde.h"

static const int sizes[] = {1, 7, 100, 1000, 4096};

/* scalar (double) against numpy: 1e-10 bits (both sum N^2 doubles) */
static void against_numpy(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        char name[64];
        struct ref y, h;
        snprintf(name, sizeof name, "est_kde_n%d_y", sizes[s]);
        ref_load(&y, name, "<f4");
        snprintf(name, sizeof name, "est_kde_n%d_h", sizes[s]);
        ref_load(&h, name, "<f8");
        const double *w = h.data;
        struct actent_kde b;
        actent_kde_bounds(&act_table_scalar, y.data, y.n, w[0], &b);
        double got[4] = {b.upper, b.lower, b.mi_upper, b.mi_lower};
        for (int i = 0; i < 4; i++)
            if (!(fabs(got[i] - w[1 + i]) <= 1e-10))
                fail_msg("n %zu, bound %d: got %.17g numpy %.17g", y.n, i, got[i], w[1 + i]);
        ref_free(&y);
        ref_free(&h);
    }
}

/* every table this CPU runs: |kde_lse - scalar| / n <= kde_bound, on the
 * reference arrays and on spread-out data (many terms underflow) */
static void tables_within_bound(void **state)
{
    (void)state;
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        assert_non_null(k->kde_lse); /* a table without the KDE kernel is incomplete */
        if (!k->cpu_ok())
            continue;
        double worst = 0.0;
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            char name[64];
            struct ref y;
            snprintf(name, sizeof name, "est_kde_n%d_y", sizes[s]);
            ref_load(&y, name, "<f4");
            for (double c = 0.5; c < 1e7; c *= 37.0) {
                double ref = act_table_scalar.kde_lse(y.data, y.n, c);
                double got = k->kde_lse(y.data, y.n, c);
                double err = fabs(got - ref) / (double)y.n;
                worst = fmax(worst, err);
                if (!(err <= k->kde_bound))
                    fail_msg("%s n %zu c %g: |%.17g - %.17g| / n = %.3g > bound %.3g", k->name, y.n,
                             c, got, ref, err, k->kde_bound);
            }
            ref_free(&y);
        }
        printf("%s: kde_lse worst |got - scalar| / n = %.3g nats (bound %.3g)\n", k->name, worst,
               k->kde_bound);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(against_numpy),
                                       cmocka_unit_test(tables_within_bound)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
