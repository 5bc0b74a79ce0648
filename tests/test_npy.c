/* test_npy.c - the .npy reader against files numpy wrote, and every
 * rejection path against hand-built malformed files, both from
 * scripts/gen_npy_cases.py (tests/data/npy/). Layers loaded for the analysis
 * (non-finite values, empty arrays, whole analyses) are test_npy_layer.c's. */
#include "test_util.h"

#include <errno.h>
#include <stdalign.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "npy.h"

#define MAX_CASES 256

struct valid_case {
    char name[64], descr[8];
    int fortran, ndim, in_place;
    uint64_t shape[ACTENT_NPY_MAX_DIMS];
    uint64_t n;
};

struct bad_case {
    char name[64], want[256];
};

static struct valid_case valid[MAX_CASES];
static struct bad_case bad[MAX_CASES];
static size_t nvalid, nbad;

static void path_of(char *buf, size_t len, const char *kind, const char *name)
{
    if (snprintf(buf, len, "%s/npy/%s/%s.npy", test_data_dir(), kind, name) >= (int)len)
        fail_msg("path too long: %s/npy/%s/%s.npy", test_data_dir(), kind, name);
}

static FILE *open_index(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/npy/%s", test_data_dir(), name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s (run scripts/gen_npy_cases.py)\n", path);
        exit(1);
    }
    return f;
}

/* valid.txt: name dtype fortran shape(1,2,3 or -) values in_place */
static void read_indexes(void)
{
    char line[1024];
    FILE *f = open_index("valid.txt");
    while (fgets(line, sizeof line, f) && nvalid < MAX_CASES) {
        struct valid_case *c = &valid[nvalid];
        char shape[512];
        unsigned long long n;
        if (line[0] == '#' || sscanf(line, "%63s %7s %d %511s %llu %d", c->name, c->descr,
                                     &c->fortran, shape, &n, &c->in_place) != 6)
            continue;
        c->n = n;
        for (char *p = shape; *p && *p != '-'; p += *p == ',')
            c->shape[c->ndim++] = strtoull(p, &p, 10);
        nvalid++;
    }
    fclose(f);
    f = open_index("bad.txt");
    while (fgets(line, sizeof line, f) && nbad < MAX_CASES) {
        char *tab = strchr(line, '\t'), *end;
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        end = strchr(tab + 1, '\t');
        if (end)
            *end = '\0';
        if (snprintf(bad[nbad].name, sizeof bad[nbad].name, "%s", line) <
                (int)sizeof bad[nbad].name &&
            snprintf(bad[nbad].want, sizeof bad[nbad].want, "%s", tab + 1) <
                (int)sizeof bad[nbad].want)
            nbad++;
    }
    fclose(f);
}

static void *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    /* 8 bytes of slack so an aligned view can start after a shift */
    unsigned char *b = malloc((size_t)n + 8);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n)
        fail_msg("cannot read %s", path);
    fclose(f);
    *size = (size_t)n;
    return b;
}

static bool same_bits(float a, float b) { return memcmp(&a, &b, sizeof a) == 0; }

static void check_values(const struct valid_case *c, const struct actent_npy *a, const char *how)
{
    char want_name[128];
    if (snprintf(want_name, sizeof want_name, "npy/valid/%s.want", c->name) >=
        (int)sizeof want_name)
        fail_msg("name too long: %s", c->name);
    struct ref want;
    ref_load(&want, want_name, "<f4");
    if (a->n != want.n)
        fail_msg("%s (%s): %zu values, numpy has %zu", c->name, how, a->n, want.n);
    const float *w = want.data;
    for (size_t i = 0; i < a->n; i++)
        if (!same_bits(a->data[i], w[i]))
            fail_msg("%s (%s): value %zu is %a (0x%08x), numpy gives %a", c->name, how, i,
                     (double)a->data[i], *(const uint32_t *)(const void *)&a->data[i],
                     (double)w[i]);
    ref_free(&want);
}

static void check_header(const struct valid_case *c, const struct actent_npy *a)
{
    assert_string_equal(a->h.descr, c->descr);
    assert_int_equal(a->h.fortran, c->fortran);
    assert_int_equal(a->h.ndim, c->ndim);
    for (int i = 0; i < c->ndim; i++)
        assert_int_equal(a->h.shape[i], c->shape[i]);
    assert_int_equal(a->n, c->n);
}

/* every valid file: by mapping, from memory copied, from memory borrowed */
static void reads_valid(void **state)
{
    (void)state;
    assert_true(nvalid >= 60);
    for (size_t k = 0; k < nvalid; k++) {
        const struct valid_case *c = &valid[k];
        char path[1024], err[1024];
        path_of(path, sizeof path, "valid", c->name);
        struct actent_npy a;
        if (actent_npy_load(path, 0, &a, err, sizeof err) != 0)
            fail_msg("%s: %s", c->name, err);
        check_header(c, &a);
        check_values(c, &a, "mapped");
        if (a.in_place != (c->in_place != 0))
            fail_msg("%s: in place %d, expected %d", c->name, a.in_place, c->in_place);
        actent_npy_free(&a);

        size_t size;
        unsigned char *buf = slurp(path, &size);
        if (actent_npy_parse("mem", buf, size, 0, &a, err, sizeof err) != 0)
            fail_msg("%s from memory: %s", c->name, err);
        assert_false(a.in_place);
        check_values(c, &a, "copied");
        actent_npy_free(&a);
        /* borrowed at every alignment: in place only where the data is aligned */
        for (size_t shift = 0; shift < 4; shift++) {
            memmove(buf + shift, buf + (shift ? shift - 1 : 0), size);
            if (actent_npy_parse("mem", buf + shift, size, ACTENT_NPY_BORROW, &a, err,
                                 sizeof err) != 0)
                fail_msg("%s borrowed: %s", c->name, err);
            check_values(c, &a, "borrowed");
            if (shift == 0 && c->in_place)
                assert_true(a.in_place);
            if (a.in_place)
                assert_true((uintptr_t)a.data % alignof(float) == 0 &&
                            strcmp(c->descr, "<f4") == 0);
            actent_npy_free(&a);
        }
        free(buf);
    }
}

/* every malformed file is refused with its message, mapped and from memory */
static void refuses_bad(void **state)
{
    (void)state;
    assert_true(nbad >= 70);
    for (size_t k = 0; k < nbad; k++) {
        char path[1024], err[1024] = "", prefix[1100];
        path_of(path, sizeof path, "bad", bad[k].name);
        struct actent_npy a;
        if (actent_npy_load(path, 0, &a, err, sizeof err) == 0)
            fail_msg("%s was read: %zu values", bad[k].name, a.n);
        snprintf(prefix, sizeof prefix, "%s: ", path);
        if (strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, bad[k].want))
            fail_msg("%s: message '%s' lacks '%s'", bad[k].name, err, bad[k].want);
        size_t size;
        void *buf = slurp(path, &size);
        if (actent_npy_parse("mem", buf, size, ACTENT_NPY_BORROW, &a, err, sizeof err) == 0)
            fail_msg("%s was read from memory", bad[k].name);
        if (strncmp(err, "mem: ", 5) != 0 || !strstr(err, bad[k].want))
            fail_msg("%s from memory: message '%s' lacks '%s'", bad[k].name, err, bad[k].want);
        free(buf);
    }
}

/* every proper prefix of every valid file is refused, without reading past it */
static void refuses_every_truncation(void **state)
{
    (void)state;
    for (size_t k = 0; k < nvalid; k++) {
        char path[1024], err[1024];
        path_of(path, sizeof path, "valid", valid[k].name);
        size_t size;
        unsigned char *buf = slurp(path, &size);
        /* every cut through the preamble, header and first values; a few further in */
        for (size_t cut = 0; cut < size; cut = cut < 1024 ? cut + 1 : cut + (size - cut + 1) / 2) {
            /* a copy of exactly `cut` bytes, so a sanitizer sees any read past it */
            unsigned char *p = malloc(cut ? cut : 1);
            memcpy(p, buf, cut);
            struct actent_npy a;
            if (actent_npy_parse("cut", p, cut, ACTENT_NPY_BORROW, &a, err, sizeof err) == 0)
                fail_msg("%s cut to %zu of %zu bytes was read", valid[k].name, cut, size);
            if (!strstr(err, "truncated") && !strstr(err, "empty") && !strstr(err, "expected") &&
                !strstr(err, "unterminated"))
                fail_msg("%s cut to %zu bytes: unexpected message '%s'", valid[k].name, cut, err);
            free(p);
        }
        free(buf);
    }
}

static void header_only_converts_nothing(void **state)
{
    (void)state;
    char path[1024], err[1024];
    path_of(path, sizeof path, "valid", "v2_be64_F");
    struct actent_npy a;
    assert_int_equal(actent_npy_load(path, ACTENT_NPY_HEADER_ONLY, &a, err, sizeof err), 0);
    assert_null(a.data);
    assert_int_equal(a.n, 60);
    assert_int_equal(a.version, 2);
    actent_npy_free(&a);
}

static void refuses_what_is_not_a_file(void **state)
{
    (void)state;
    char err[1024];
    struct actent_npy a;
    assert_int_equal(actent_npy_load("/nonexistent/x.npy", 0, &a, err, sizeof err), -1);
    assert_string_equal(err, "/nonexistent/x.npy: cannot open: No such file or directory");
    assert_int_equal(actent_npy_load(test_data_dir(), 0, &a, err, sizeof err), -1);
    assert_non_null(strstr(err, ": is a directory, not an .npy file"));
    assert_int_equal(actent_npy_load("/dev/null", 0, &a, err, sizeof err), -1);
    assert_string_equal(err, "/dev/null: not a regular file (pipes and devices are not read)");
    char fifo[] = "/tmp/actent-test-fifo-XXXXXX";
    int fd = mkstemp(fifo);
    assert_true(fd >= 0);
    close(fd);
    unlink(fifo);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* opening a FIFO must not wait for a writer */
    assert_int_equal(actent_npy_load(fifo, 0, &a, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a regular file"));
    unlink(fifo);
}

static void formats_shapes_and_indices(void **state)
{
    (void)state;
    struct actent_npy_header h = {.ndim = 3, .shape = {3, 4, 5}};
    char buf[128];
    actent_npy_shape_str(h.ndim, h.shape, buf, sizeof buf);
    assert_string_equal(buf, "(3, 4, 5)");
    actent_npy_index_str(&h, 4 * 5 + 2 * 5 + 3, buf, sizeof buf);
    assert_string_equal(buf, "[1, 2, 3]");
    h.ndim = 1;
    actent_npy_shape_str(h.ndim, h.shape, buf, sizeof buf);
    assert_string_equal(buf, "(3,)");
    h.ndim = 0;
    actent_npy_shape_str(h.ndim, h.shape, buf, sizeof buf);
    assert_string_equal(buf, "()");
    actent_npy_index_str(&h, 0, buf, sizeof buf);
    assert_string_equal(buf, "[]");
}

int main(void)
{
    read_indexes();
    struct CMUnitTest tests[8];
    size_t nt = 0;
    tests[nt++] = (struct CMUnitTest){"reads_valid", reads_valid, NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"refuses_bad", refuses_bad, NULL, NULL, NULL};
    tests[nt++] =
        (struct CMUnitTest){"refuses_every_truncation", refuses_every_truncation, NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"header_only_converts_nothing", header_only_converts_nothing,
                                      NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"refuses_what_is_not_a_file", refuses_what_is_not_a_file,
                                      NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"formats_shapes_and_indices", formats_shapes_and_indices,
                                      NULL, NULL, NULL};
    return _cmocka_run_group_tests("npy", tests, nt, NULL, NULL);
}
