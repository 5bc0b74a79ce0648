/* test_rng.c - the MT19937 stream against numpy's RandomState. */
#include "test_util.h"

#include <string.h>

#include "rng.h"
#include "shuffle.h"

static void raw_outputs(void **state)
{
    (void)state;
    static const uint32_t seeds[] = {0, 1, 12345, 4294967295u};
    for (size_t s = 0; s < 4; s++) {
        char name[64];
        snprintf(name, sizeof name, "rng_raw_seed%u", seeds[s]);
        struct ref r;
        ref_load(&r, name, "<u4");
        struct actent_rng g;
        actent_rng_seed(&g, seeds[s]);
        const uint32_t *want = r.data;
        for (size_t i = 0; i < r.n; i++) {
            uint32_t got = actent_rng_next32(&g);
            if (got != want[i])
                fail_msg("seed %u draw %zu: got %u want %u", seeds[s], i, got, want[i]);
        }
        ref_free(&r);
    }
}

static void doubles_first_and_after_1e6(void **state)
{
    (void)state;
    struct ref first, later;
    ref_load(&first, "rng_double_first", "<f8");
    ref_load(&later, "rng_double_after1e6", "<f8");
    struct actent_rng g;
    actent_rng_seed(&g, 0);
    for (size_t i = 0; i < first.n; i++)
        assert_true(actent_rng_double(&g) == ((double *)first.data)[i]);
    for (size_t i = first.n; i < 1000000; i++)
        (void)actent_rng_double(&g);
    for (size_t i = 0; i < later.n; i++) {
        double got = actent_rng_double(&g), want = ((double *)later.data)[i];
        if (got != want)
            fail_msg("draw 1e6+%zu: got %a want %a", i, got, want);
    }
    ref_free(&first);
    ref_free(&later);
}

static void uniform_seed7(void **state)
{
    (void)state;
    struct ref r;
    ref_load(&r, "rng_uniform_seed7", "<f8");
    struct actent_rng g;
    actent_rng_seed(&g, 7);
    for (size_t i = 0; i < r.n; i++)
        assert_true(actent_rng_uniform(&g, -3.5, 2.25) == ((double *)r.data)[i]);
    ref_free(&r);
}

/* normal(0,1) x1, normal(0,1) x1001, normal(2.5,0.5) x3: odd sizes pass the
 * cached second value from one call to the next, as numpy does */
static void normal_polar_with_cache(void **state)
{
    (void)state;
    struct ref r;
    ref_load(&r, "rng_normal_seed3", "<f8");
    assert_int_equal(r.n, 1 + 1001 + 3);
    struct actent_rng g;
    actent_rng_seed(&g, 3);
    const double *want = r.data;
    for (size_t i = 0; i < r.n; i++) {
        double got = i < 1002 ? actent_rng_normal(&g, 0.0, 1.0) : actent_rng_normal(&g, 2.5, 0.5);
        if (got != want[i])
            fail_msg("normal %zu: got %a want %a", i, got, want[i]);
    }
    ref_free(&r);
}

static void shuffles(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 2, 3, 7, 100, 4097};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        char name[64];
        snprintf(name, sizeof name, "rng_shuffle_n%zu", n);
        struct ref r;
        ref_load(&r, name, "<f4");
        assert_int_equal(r.n, n);
        float *a = malloc((n + 1) * sizeof *a);
        for (size_t i = 0; i < n; i++)
            a[i] = (float)i;
        struct actent_rng g;
        actent_rng_seed(&g, (uint32_t)(n + 11));
        actent_rng_shuffle_f32(&g, a, n);
        actent_rng_shuffle_f32(&g, a, n);
        assert_memory_equal(a, r.data, n * sizeof *a);
        free(a);
        ref_free(&r);
    }
}

/* The block shuffles against the one-word-at-a-time shuffle checked above, on
 * sizes across power-of-two bands and 624-word blocks, from a stream already
 * part-way through a block; the skip leaves the stream where they do. */
static void block_shuffles(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 2, 3, 7, 100, 623, 625, 4097, 65536, 65537, 300001};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        float *want = malloc((n + 1) * sizeof *want), *f = malloc((n + 1) * sizeof *f);
        uint32_t *u32 = malloc((n + 1) * sizeof *u32);
        uint16_t *u16 = malloc((n + 1) * sizeof *u16);
        uint8_t *u8 = malloc(n + 1);
        for (size_t i = 0; i < n; i++) {
            want[i] = f[i] = (float)i;
            u32[i] = (uint32_t)i;
            u16[i] = (uint16_t)i;
            u8[i] = (uint8_t)i;
        }
        struct actent_rng ref, g[5];
        actent_rng_seed(&ref, (uint32_t)n);
        for (int k = 0; k < 300; k++) /* part-way into a block */
            actent_rng_next32(&ref);
        for (int k = 0; k < 5; k++)
            g[k] = ref;
        for (int round = 0; round < 2; round++) {
            actent_rng_shuffle_f32(&ref, want, n);
            actent_shuffle_f32(&g[0], f, n);
            actent_shuffle_u32(&g[1], u32, n);
            actent_shuffle_u16(&g[2], u16, n);
            actent_shuffle_u8(&g[3], u8, n);
            actent_shuffle_skip(&g[4], n);
        }
        for (size_t i = 0; i < n; i++) {
            uint32_t w = (uint32_t)want[i];
            if (f[i] != want[i] || u32[i] != w || u16[i] != (uint16_t)w || u8[i] != (uint8_t)w)
                fail_msg("n=%zu i=%zu: want %u, got f32 %g u32 %u u16 %u u8 %u", n, i, w,
                         (double)f[i], u32[i], u16[i], u8[i]);
        }
        uint32_t next = actent_rng_next32(&ref);
        for (int k = 0; k < 5; k++)
            assert_int_equal(actent_rng_next32(&g[k]), next);
        free(want);
        free(f);
        free(u32);
        free(u16);
        free(u8);
    }
}

/* bounds above 2^32 draw 64-bit values; numpy's legacy randint masks the same way */
static void interval_64bit(void **state)
{
    (void)state;
    struct ref r;
    ref_load(&r, "rng_interval64_seed5", "<u8");
    struct actent_rng g;
    actent_rng_seed(&g, 5);
    const uint64_t *want = r.data;
    for (size_t i = 0; i < r.n; i++)
        assert_true(actent_rng_interval(&g, (uint64_t)1 << 40) == want[i]);
    ref_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(raw_outputs),    cmocka_unit_test(doubles_first_and_after_1e6),
        cmocka_unit_test(uniform_seed7),  cmocka_unit_test(normal_polar_with_cache),
        cmocka_unit_test(shuffles),       cmocka_unit_test(interval_64bit),
        cmocka_unit_test(block_shuffles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
