/* test_big.c - past 2^31 elements: a sparse .npy file of 2^31 + 1000 float32
 * (8 GiB that take no disk) read in place through the mapping, then the
 * non-finite scan, then the min/max, the input histogram and the fused
 * activation histogram of every table this CPU runs (scalar and SIMD
 * alike) over all of it. Every count and index checked here exceeds
 * what 32 bits hold.
 *
 * Labelled "big" in ctest; ACTENT_SKIP_BIG=1 skips it (exit 77, reported as
 * skipped), for machines where 8 GiB of page cache is too much. */
#include "test_util.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "histogram.h"
#include "layer.h"
#include "npy.h"

#define SKIP 77
#define N (((uint64_t)1 << 31) + 1000)
#define AT_MAX (((uint64_t)1 << 31) + 500) /* 2.0, the maximum, past 2^31 */
#define AT_NAN (((uint64_t)1 << 31) + 700) /* the only NaN */
#define AT_MIN (N - 1)                     /* -1.0, the minimum, the last element */
#define AT_ONE (((uint64_t)1 << 31) - 1)   /* 1.0, just below 2^31 */
#define AT_HALF 0                          /* 0.5 */

static char path[1024];

static int put(int fd, off_t data, uint64_t i, float v)
{
    return pwrite(fd, &v, sizeof v, data + (off_t)(i * sizeof v)) == (ssize_t)sizeof v ? 0 : -1;
}

/* the header as numpy pads it, then a hole with five values written into it */
static int make_file(void)
{
    char h[128];
    int n = snprintf(h, sizeof h, "{'descr': '<f4', 'fortran_order': False, 'shape': (%llu,), }",
                     (unsigned long long)N);
    memset(h + n, ' ', sizeof h - 10 - (size_t)n);
    h[sizeof h - 10 - 1] = '\n';
    unsigned char pre[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0};
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
    if (fd < 0)
        return -1;
    off_t data = (off_t)sizeof h;
    int rc = write(fd, pre, sizeof pre) == (ssize_t)sizeof pre &&
                     write(fd, h, sizeof h - 10) == (ssize_t)(sizeof h - 10) &&
                     ftruncate(fd, data + (off_t)(N * sizeof(float))) == 0
                 ? 0
                 : -1;
    rc |= put(fd, data, AT_HALF, 0.5f) | put(fd, data, AT_ONE, 1.0f) | put(fd, data, AT_MAX, 2.0f) |
          put(fd, data, AT_NAN, NAN) | put(fd, data, AT_MIN, -1.0f);
    close(fd);
    return rc;
}

static void past_2_31(void **state)
{
    (void)state;
    char err[1024];
    struct actent_npy a;
    if (actent_npy_load(path, 0, &a, err, sizeof err) != 0)
        fail_msg("%s", err);
    assert_true(a.in_place); /* mapped, not copied */
    assert_true(a.n == N);
    uint64_t nan, pinf, ninf;
    assert_true(actent_count_nonfinite(a.data, a.n, &nan, &pinf, &ninf) == AT_NAN);
    assert_true(nan == 1 && pinf == 0 && ninf == 0);

    /* every table this CPU runs: the scalar one, and the SIMD ones, whose
     * loops and counters must be as wide */
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (!k->cpu_ok())
            continue;
        float lo, hi;
        k->minmax(a.data, a.n, &lo, &hi);
        if (!(lo == -1.0f && hi == 2.0f))
            fail_msg("%s: min %g, max %g", k->name, (double)lo, (double)hi);

        /* np.histogram(x, bins=3) on [-1, 2]: [-1, 0) [0, 1) [1, 2]; the NaN is not counted */
        struct act_edges *e = actent_edges_uniform(lo, hi, 3);
        assert_non_null(e);
        uint64_t counts[3] = {0, 0, 0};
        k->hist_uniform(a.data, a.n, e, counts);
        actent_edges_free(e);
        if (!(counts[0] == 1 && counts[1] == N - 4 && counts[2] == 2))
            fail_msg("%s: input counts %llu %llu %llu", k->name, (unsigned long long)counts[0],
                     (unsigned long long)counts[1], (unsigned long long)counts[2]);

        /* fused relu on [0, 2] edges: zeros, -1 and 0.5 | 1.0 | 2.0; the NaN is seen, not binned */
        struct actent_edges_buf eb;
        assert_int_equal(actent_edges_buf_init(&eb, 3), 0);
        const struct act_edges *re = actent_edges_buf_linspace(&eb, 0.0, 2.0, 3);
        uint64_t rc[3] = {0, 0, 0};
        struct act_seen seen = {INFINITY, -INFINITY, 0};
        k->activate_hist[ACT_RELU](a.data, a.n, re, rc, &seen);
        actent_edges_buf_free(&eb);
        if (!(rc[0] == N - 3 && rc[1] == 1 && rc[2] == 1))
            fail_msg("%s: relu counts %llu %llu %llu", k->name, (unsigned long long)rc[0],
                     (unsigned long long)rc[1], (unsigned long long)rc[2]);
        assert_true(seen.nan == 1 && seen.lo == 0.0f && seen.hi == 2.0f);
        printf("%s: min/max, input histogram and fused relu over %llu values agree\n", k->name,
               (unsigned long long)N);
    }

    /* an index past 2^31 is named in full */
    char idx[64];
    actent_npy_index_str(&a.h, AT_NAN, idx, sizeof idx);
    assert_string_equal(idx, "[2147484348]");
    actent_npy_free(&a);
}

int main(int argc, char **argv)
{
    const char *skip = getenv("ACTENT_SKIP_BIG");
    if (skip && *skip && strcmp(skip, "0") != 0) {
        printf("skipped: ACTENT_SKIP_BIG is set\n");
        return SKIP;
    }
    snprintf(path, sizeof path, "%s/actent-big-%d.npy", argc > 1 ? argv[1] : ".", (int)getpid());
    if (make_file() != 0) {
        printf("skipped: cannot make a sparse 8 GiB file at %s\n", path);
        unlink(path);
        return SKIP;
    }
    const struct CMUnitTest tests[] = {cmocka_unit_test(past_2_31)};
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    unlink(path);
    return rc;
}
