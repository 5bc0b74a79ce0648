/* test_kde.c - the KDE bounds against scripts/gen_estimators.py (numpy's
 * logsumexp in float64), and every table's kde_rows against the scalar
 * reference within the table's declared kde_bound (measured, printed), with
 * the row blocks in order and in reverse. */
#include "test_util.h"

#include <string.h>

#include "dispatch.h"
#include "experiment.h"
#include "kde.h"

static const int sizes[] = {1, 7, 100, 1000, 4096};

/* sum over i of ln(s_i) through k's kernel, row blocks forwards or backwards */
static double lse(const struct act_kernels *k, const float *y, size_t n, double c, bool backwards)
{
    double *s = malloc(n * sizeof *s), t = 0.0;
    float *col = malloc(n * sizeof *col);
    assert_non_null(s);
    assert_non_null(col);
    for (size_t i = 0; i < n; i++)
        s[i] = 1.0, col[i] = NAN; /* scratch: whatever it holds must not matter */
    size_t nb = (n + ACT_KDE_ROWS - 1) / ACT_KDE_ROWS;
    for (size_t b = 0; b < nb; b++) {
        size_t i0 = (backwards ? nb - 1 - b : b) * ACT_KDE_ROWS;
        size_t i1 = n - i0 < ACT_KDE_ROWS ? n : i0 + ACT_KDE_ROWS;
        k->kde_rows(y, n, i0, i1, c, s, col);
    }
    for (size_t i = 0; i < n; i++)
        t += log(s[i]);
    free(s);
    free(col);
    return t;
}

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
        assert_int_equal(actent_kde_bounds(&act_table_scalar, y.data, y.n, w[0], NULL, &b), 0);
        double got[4] = {b.upper, b.lower, b.mi_upper, b.mi_lower};
        for (int i = 0; i < 4; i++)
            if (!(fabs(got[i] - w[1 + i]) <= 1e-10))
                fail_msg("n %zu, bound %d: got %.17g numpy %.17g", y.n, i, got[i], w[1 + i]);
        ref_free(&y);
        ref_free(&h);
    }
}

/* every table this CPU runs: |result - scalar| / n <= kde_bound, on the
 * reference arrays and on spread-out data (many terms underflow) */
static void tables_within_bound(void **state)
{
    (void)state;
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        assert_non_null(k->kde_rows); /* a table without the KDE kernel is incomplete */
        if (!k->cpu_ok())
            continue;
        double worst = 0.0;
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            char name[64];
            struct ref y;
            snprintf(name, sizeof name, "est_kde_n%d_y", sizes[s]);
            ref_load(&y, name, "<f4");
            for (double c = 0.5; c < 1e7; c *= 37.0) {
                double ref = lse(&act_table_scalar, y.data, y.n, c, false);
                for (int back = 0; back < 2; back++) {
                    double got = lse(k, y.data, y.n, c, back);
                    double err = fabs(got - ref) / (double)y.n;
                    /* scalar against itself: blocks in another order sum in another order */
                    double bound = k == &act_table_scalar ? 1e-13 : k->kde_bound;
                    worst = fmax(worst, err);
                    if (!(err <= bound))
                        fail_msg("%s n %zu c %g%s: |%.17g - %.17g| / n = %.3g > bound %.3g",
                                 k->name, y.n, c, back ? " (blocks backwards)" : "", got, ref, err,
                                 bound);
                }
            }
            ref_free(&y);
        }
        printf("%s: kde_rows worst |got - scalar| / n = %.3g nats (bound %.3g)\n", k->name, worst,
               k->kde_bound);
    }
}

static int ticks(void *ctx, uint64_t done, uint64_t total)
{
    int *n = ctx;
    assert_true(done <= total);
    return ++*n == 4; /* the fourth call stops the work */
}

/* long KDE work is announced, shown and can be stopped */
static void progress_and_cancel(void **state)
{
    (void)state;
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.k = &act_table_scalar;
    o.n = 1500; /* 6 row blocks per array */
    o.iterations = 0;
    o.estimator = ACTENT_EST_KDE;
    o.noise_var = 0.01;
    for (int i = 0; i < ACT_COUNT; i++)
        o.use[i] = i == ACT_RELU;
    char *text = NULL;
    size_t len = 0;
    o.notes = open_memstream(&text, &len);
    o.kde_announce_pairs = 1e6; /* 2 x 1500 x 1499 pairs pass it */
    struct actent_experiment r;
    char err[256];
    assert_int_equal(actent_experiment_run(&o, &r, err, sizeof err), 0);
    actent_experiment_free(&r);
    fclose(o.notes);
    if (!strstr(text, "kde is O(N^2): 1500 values and 2 arrays") ||
        !strstr(text, "kde: 4497000 pairs in"))
        fail_msg("the announcement or the end line is missing: '%s'", text);
    free(text);
    /* below the threshold: silent */
    o.kde_announce_pairs = 1e10;
    o.notes = open_memstream(&text, &len);
    assert_int_equal(actent_experiment_run(&o, &r, err, sizeof err), 0);
    actent_experiment_free(&r);
    fclose(o.notes);
    assert_int_equal(len, 0);
    free(text);
    /* a callback that says stop: the run fails, saying so */
    int calls = 0;
    o.notes = NULL;
    o.tick = ticks;
    o.tick_ctx = &calls;
    assert_int_equal(actent_experiment_run(&o, &r, err, sizeof err), -1);
    assert_int_equal(calls, 4);
    if (!strstr(err, "cancelled during the KDE bounds"))
        fail_msg("message: %s", err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(against_numpy),
                                       cmocka_unit_test(tables_within_bound),
                                       cmocka_unit_test(progress_and_cancel)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
