/* test_entropy.c - scipy.stats.entropy(counts, base=2), to the last bit. */
#include "test_util.h"

#include <math.h>
#include <stdio.h>

#include "entropy.h"

static void check(const char *tag)
{
    char name[64];
    struct ref c, h;
    snprintf(name, sizeof name, "entropy_%s_counts", tag);
    ref_load(&c, name, "<i8");
    snprintf(name, sizeof name, "entropy_%s_h", tag);
    ref_load(&h, name, "<f8");
    double got = actent_entropy_bits(c.data, c.n), want = *(double *)h.data;
    /* same operations in the same order as numpy/scipy: the same double */
    if (got != want)
        fail_msg("%s (k = %zu): got %.17g want %.17g", tag, c.n, got, want);
    ref_free(&c);
    ref_free(&h);
}

static void against_scipy(void **state)
{
    (void)state;
    static const char *const tags[] = {"k1",  "k2",   "k7",   "k8",    "k9",    "k49",
                                       "k50", "k128", "k129", "k1000", "k5003", "big"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        check(tags[i]);
}

static void uniform_counts_give_log2_k(void **state)
{
    (void)state;
    uint64_t c[64];
    for (int i = 0; i < 64; i++)
        c[i] = 7;
    assert_true(fabs(actent_entropy_bits(c, 64) - 6.0) < 1e-14);
    uint64_t one[3] = {0, 5, 0};
    assert_true(actent_entropy_bits(one, 3) == 0.0);
}

static void all_zero_is_nan(void **state)
{
    (void)state;
    uint64_t z[4] = {0};
    assert_true(isnan(actent_entropy_bits(z, 4)));
}

static void pairwise_matches_plain_sum_on_integers(void **state)
{
    (void)state;
    double a[1000];
    double plain = 0.0;
    for (int i = 0; i < 1000; i++) {
        a[i] = i;
        plain += i;
    }
    assert_true(actent_pairwise_sum(a, 1000) == plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(against_scipy),
        cmocka_unit_test(uniform_counts_give_log2_k),
        cmocka_unit_test(all_zero_is_nan),
        cmocka_unit_test(pairwise_matches_plain_sum_on_integers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
