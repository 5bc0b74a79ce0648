/* test_widen.c - every table's widen entries (kernels.h, act_widen_fn)
 * against numpy's widening (tests/data/widen_*.npy, scripts/gen_reference.py):
 * all 2^16 float16 and bfloat16 bit patterns and float64 values that round
 * every way, bit for bit (a NaN may come out quieted: it must stay a NaN);
 * and every length 0 .. 80 at an odd offset, against the scalar table's
 * result, with nothing written past the end. */
#include "test_util.h"

#include <string.h>

#include "kernels.h"

static uint32_t bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

/* got[i] is want[i] bit for bit, or both NaN where NaNs may differ */
static void same(const struct act_kernels *k, const char *what, const float *got, const float *want,
                 size_t n, bool nan_free)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        bool ok = bits(got[i]) == bits(want[i]) || (!nan_free && isnan(got[i]) && isnan(want[i]));
        if (!ok && bad++ < 5)
            print_error("%s %s [%zu]: 0x%08x, numpy 0x%08x\n", k->name, what, i, bits(got[i]),
                        bits(want[i]));
    }
    assert_int_equal(bad, 0);
}

static void against_numpy(void **state)
{
    (void)state;
    struct ref f16, bf16, f64_in, f64;
    ref_load(&f16, "widen_f16", "<f4");
    ref_load(&bf16, "widen_bf16", "<f4");
    ref_load(&f64_in, "widen_f64_in", "<f8");
    ref_load(&f64, "widen_f64", "<f4");
    assert_int_equal(f16.n, 1 << 16);
    assert_int_equal(bf16.n, 1 << 16);
    uint16_t h[1 << 16];
    for (uint32_t i = 0; i < 1u << 16; i++)
        h[i] = (uint16_t)i;
    float *y = malloc(sizeof(float) << 16);
    assert_non_null(y);
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (!k->cpu_ok())
            continue;
        assert_null(k->widen[ACT_F32]);
        /* NaN payloads: the scalar table keeps them; others may quiet them */
        bool exact_nan = k == &act_table_scalar;
        k->widen[ACT_F16](h, y, 1 << 16);
        same(k, "float16", y, f16.data, 1 << 16, exact_nan);
        k->widen[ACT_BF16](h, y, 1 << 16);
        same(k, "bfloat16", y, bf16.data, 1 << 16, true);
        k->widen[ACT_F64](f64_in.data, y, f64_in.n);
        same(k, "float64", y, f64.data, f64_in.n, true);
    }
    free(y);
    ref_free(&f16);
    ref_free(&bf16);
    ref_free(&f64_in);
    ref_free(&f64);
}

/* lengths around every vector width, from an address one element past an
 * aligned one, into a buffer with guards after the end */
static void tails(void **state)
{
    (void)state;
    uint64_t seed = test_seed();
    static const enum act_dtype types[] = {ACT_F16, ACT_BF16, ACT_F64};
    static const size_t size[] = {[ACT_F16] = 2, [ACT_BF16] = 2, [ACT_F64] = 8};
    _Alignas(64) unsigned char in[8 * 100];
    for (size_t i = 0; i < sizeof in; i++)
        in[i] = (unsigned char)test_rand(&seed);
    for (size_t i = 0; i < sizeof in / 8; i++) { /* finite float64s, mostly in range */
        double d = (double)(int64_t)test_rand(&seed) * 0x1p-60;
        memcpy(in + 8 * i, &d, 8);
    }
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (!k->cpu_ok())
            continue;
        for (size_t j = 0; j < 3; j++) {
            enum act_dtype ty = types[j];
            for (size_t n = 0; n <= 80; n++) {
                float got[100], want[100];
                for (size_t i = 0; i < 100; i++)
                    got[i] = want[i] = -1234.5f;
                k->widen[ty](in + size[ty], got + 1, n);
                act_table_scalar.widen[ty](in + size[ty], want + 1, n);
                same(k, "tail", got, want, 100, ty != ACT_F16);
                assert_true(got[0] == -1234.5f && got[n + 1] == -1234.5f);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(against_numpy),
        cmocka_unit_test(tails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
