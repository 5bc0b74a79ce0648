/* test_typed.c - actent_activation_histogram_typed and
 * actent_input_entropy_typed (include/actent.h) through the shared library:
 * on float16, bfloat16 and float64 arrays every result equals the float32
 * entry point's on the widened array, bit for bit, on every table this CPU
 * runs, at lengths around the widening block and past the threading
 * threshold, with 1 and 3 threads; a non-finite value gets the float32 call's
 * message; a dtype that is none is refused. The widened arrays come from
 * numpy's widening of all 2^16 float16 values (tests/data/widen_f16.npy),
 * bfloat16's definition (the upper half of a float32) and C's cast. Also
 * actent_activation_histogram_columns against the float32 call per column. */
#include "test_util.h"

#include <string.h>

#include "actent.h"

static struct ref f16_table;

static void widen(actent_dtype dt, const void *x, float *y, size_t n)
{
    const uint16_t *h = x;
    for (size_t i = 0; i < n; i++) {
        if (dt == ACTENT_FLOAT16) {
            y[i] = ((const float *)f16_table.data)[h[i]];
        } else if (dt == ACTENT_BFLOAT16) {
            uint32_t u = (uint32_t)h[i] << 16;
            memcpy(&y[i], &u, 4);
        } else {
            y[i] = (float)((const double *)x)[i];
        }
    }
}

/* n random values of type dt near N(0, 3), widened into y */
static void *draw(actent_dtype dt, size_t n, float *y, uint64_t *seed)
{
    size_t size = dt == ACTENT_FLOAT64 ? 8 : 2;
    unsigned char *x = malloc(n * size + 1);
    assert_non_null(x);
    for (size_t i = 0; i < n; i++) {
        double v = ((double)(test_rand(seed) >> 11) * 0x1p-53 - 0.5) * 6.0 +
                   ((double)(test_rand(seed) >> 11) * 0x1p-53 - 0.5) * 6.0;
        if (dt == ACTENT_FLOAT64) {
            memcpy(x + 8 * i, &v, 8);
        } else {
            float f = (float)v;
            uint32_t u;
            memcpy(&u, &f, 4);
            /* a float16 by its bits: sign, exponent rebiased, 10 fraction bits
             * (values here are inside float16's normal range) */
            uint16_t h =
                dt == ACTENT_BFLOAT16
                    ? (uint16_t)(u >> 16)
                    : (uint16_t)(((u >> 16) & 0x8000u) |
                                 (fabs(v) < 0x1p-14 ? 0 : ((u >> 13) - (112u << 10)) & 0x7fffu));
            memcpy(x + 2 * i, &h, 2);
        }
    }
    widen(dt, x, y, n);
    return x;
}

/* the result both calls gave (0, or -1 with the same message) */
static int agree(const actent_table *t, int act, actent_dtype dt, const void *x, const float *y,
                 size_t n, unsigned threads)
{
    uint64_t c1[37], c2[37];
    double b1, b2;
    float lo1, hi1, lo2, hi2;
    char e1[256], e2[256];
    int r1 = actent_activation_histogram_typed(t, act, x, dt, n, 37, c1, &b1, &lo1, &hi1, threads,
                                               e1, sizeof e1);
    int r2 = actent_activation_histogram_mt(t, act, y, n, 37, c2, &b2, &lo2, &hi2, threads, e2,
                                            sizeof e2);
    assert_int_equal(r1, r2);
    if (r1 != 0) {
        assert_string_equal(e1, e2);
    } else {
        assert_memory_equal(c1, c2, sizeof c1);
        assert_memory_equal(&b1, &b2, sizeof b1);
        assert_memory_equal(&lo1, &lo2, sizeof lo1);
        assert_memory_equal(&hi1, &hi2, sizeof hi1);
    }
    int rc = r1; /* a non-finite input fails both calls */
    r1 = actent_input_entropy_typed(t, x, dt, n, 37, c1, &b1, e1, sizeof e1);
    r2 = actent_input_entropy(t, y, n, 37, c2, &b2, e2, sizeof e2);
    assert_int_equal(r1, r2);
    assert_int_equal(r1, rc);
    if (r1 != 0)
        assert_string_equal(e1, e2);
    else
        assert_memory_equal(c1, c2, sizeof c1), assert_memory_equal(&b1, &b2, sizeof b1);
    return r1;
}

static void typed_equals_widened(void **state)
{
    (void)state;
    ref_load(&f16_table, "widen_f16", "<f4");
    uint64_t seed = test_seed();
    static const actent_dtype types[] = {ACTENT_FLOAT16, ACTENT_BFLOAT16, ACTENT_FLOAT64};
    static const size_t sizes[] = {1, 7, 4095, 4097, 12289, 300001};
    static const char *const acts[] = {"relu", "tanh", "gelu", "mish", "hardswish"};
    for (int ti = 0; ti < actent_table_count(); ti++) {
        const actent_table *t = actent_table_at(ti);
        if (!actent_table_runs_here(t))
            continue;
        for (size_t d = 0; d < 3; d++)
            for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
                size_t n = sizes[s];
                float *y = malloc(n * sizeof *y);
                assert_non_null(y);
                void *x = draw(types[d], n, y, &seed);
                for (size_t a = 0; a < sizeof acts / sizeof *acts; a++) {
                    int act = actent_activation_find(acts[a]);
                    assert_int_equal(agree(t, act, types[d], x, y, n, 1), 0);
                    if (n > 200000)
                        assert_int_equal(agree(t, act, types[d], x, y, n, 3), 0);
                }
                free(x);
                free(y);
            }
    }
    ref_free(&f16_table);
}

/* an inf or a NaN: the float32 call's message, naming the same x[i] */
static void nonfinite_named(void **state)
{
    (void)state;
    ref_load(&f16_table, "widen_f16", "<f4");
    uint16_t h[9000];
    float y[9000];
    for (size_t i = 0; i < 9000; i++)
        h[i] = (uint16_t)(0x3c00 + i % 512);          /* 1.0 and up */
    const uint16_t bad[] = {0x7c00, 0xfc00, 0x7e00};  /* float16 inf, -inf, NaN */
    const uint16_t bbad[] = {0x7f80, 0xff80, 0x7fc0}; /* bfloat16's */
    for (int k = 0; k < 3; k++)
        for (size_t at = 0; at < 9000; at += 4321) {
            uint16_t keep = h[at];
            h[at] = bad[k];
            widen(ACTENT_FLOAT16, h, y, 9000);
            assert_int_equal(
                agree(NULL, actent_activation_find("relu"), ACTENT_FLOAT16, h, y, 9000, 1), -1);
            h[at] = bbad[k];
            widen(ACTENT_BFLOAT16, h, y, 9000);
            assert_int_equal(
                agree(NULL, actent_activation_find("tanh"), ACTENT_BFLOAT16, h, y, 9000, 1), -1);
            h[at] = keep;
        }
    ref_free(&f16_table);
}

static void bad_dtype(void **state)
{
    (void)state;
    float x[4] = {1, 2, 3, 4};
    uint64_t c[3];
    char err[256];
    assert_int_equal(actent_activation_histogram_typed(NULL, 0, x, (actent_dtype)7, 4, 3, c, NULL,
                                                       NULL, NULL, 1, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "dtype 7 is not an actent_dtype"));
    assert_int_equal(
        actent_input_entropy_typed(NULL, x, (actent_dtype)-1, 4, 3, c, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "dtype -1 is not an actent_dtype"));
    assert_int_equal(
        actent_input_entropy_typed(NULL, NULL, ACTENT_FLOAT16, 4, 3, c, NULL, err, sizeof err), -1);
    assert_string_equal(err, "x is NULL");
}

/* one call per column: the same as the float32 call on each column copied
 * out, in C order, Fortran order, reversed and with a NaN named by column */
static void columns(void **state)
{
    (void)state;
    enum { R = 513, C = 37, B = 19 };
    static float x[R * C], col[R];
    uint64_t seed = test_seed();
    for (size_t i = 0; i < R * C; i++)
        x[i] = (float)((double)(test_rand(&seed) >> 11) * 0x1p-53 * 8.0 - 4.0);
    static uint64_t got[C * B], want[B];
    double bits[C], b;
    char err[256];
    int act = actent_activation_find("gelu");
    /* the same values as (R, C) C-ordered, and as (C, R) read transposed (Fortran) */
    const struct {
        ptrdiff_t rs, cs, first;
        size_t rows, cols;
    } ways[] = {{C, 1, 0, R, C}, {1, R, 0, R, C}, {-C, -1, R * C - 1, R, C}};
    for (size_t w = 0; w < 3; w++) {
        size_t rows = ways[w].rows, cols = ways[w].cols;
        assert_int_equal(actent_activation_histogram_columns(NULL, act, x + ways[w].first, rows,
                                                             cols, ways[w].rs, ways[w].cs, B, got,
                                                             bits, err, sizeof err),
                         0);
        for (size_t c = 0; c < cols; c++) {
            for (size_t r = 0; r < rows; r++)
                col[r] = x[ways[w].first + (ptrdiff_t)r * ways[w].rs + (ptrdiff_t)c * ways[w].cs];
            assert_int_equal(actent_activation_histogram(NULL, act, col, rows, B, want, &b, NULL,
                                                         NULL, err, sizeof err),
                             0);
            assert_memory_equal(got + c * B, want, sizeof want);
            assert_memory_equal(&bits[c], &b, sizeof b);
        }
    }
    x[17 * C + 3] = NAN;
    assert_int_equal(actent_activation_histogram_columns(NULL, act, x, R, C, C, 1, B, got, NULL,
                                                         err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "column 3: x[17] is NaN"));
    assert_int_equal(actent_activation_histogram_columns(NULL, act, x, R, 0, C, 1, B, got, NULL,
                                                         err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "cols is 0"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(typed_equals_widened),
        cmocka_unit_test(nonfinite_named),
        cmocka_unit_test(bad_dtype),
        cmocka_unit_test(columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
