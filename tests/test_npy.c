/* test_npy.c - the .npy reader against files numpy wrote, and every
 * rejection path against hand-built malformed files, both from
 * scripts/gen_npy_cases.py (tests/data/npy/). */
#include "test_util.h"

#include <errno.h>
#include <stdalign.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "experiment.h"
#include "layer.h"
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

static const char *data_dir(void)
{
    const char *dir = getenv("ACTENT_TEST_DATA");
    return dir && *dir ? dir : ACTENT_TEST_DATA;
}

static void path_of(char *buf, size_t len, const char *kind, const char *name)
{
    if (snprintf(buf, len, "%s/npy/%s/%s.npy", data_dir(), kind, name) >= (int)len)
        fail_msg("path too long: %s/npy/%s/%s.npy", data_dir(), kind, name);
}

static FILE *open_index(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/npy/%s", data_dir(), name);
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
    assert_int_equal(actent_npy_load(data_dir(), 0, &a, err, sizeof err), -1);
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

static void layer_path(char *buf, size_t len, const char *name)
{
    path_of(buf, len, "valid", name);
}

static void nonfinite_refused_by_default(void **state)
{
    (void)state;
    char path[1024], err[1024], want[1200];
    struct actent_layer l;
    layer_path(path, sizeof path, "nonfinite_f4");
    assert_int_equal(actent_layer_load(path, ACTENT_NONFINITE_ERROR, &l, err, sizeof err), -1);
    snprintf(want, sizeof want,
             "%s: 3 non-finite values (1 NaN, 1 +inf, 1 -inf), the first at index 5 [1, 1]; "
             "--nonfinite drop leaves them out",
             path);
    assert_string_equal(err, want);
    layer_path(path, sizeof path, "overflow_f8");
    assert_int_equal(actent_layer_load(path, ACTENT_NONFINITE_ERROR, &l, err, sizeof err), -1);
    assert_non_null(strstr(err,
                           "1 non-finite value (0 NaN, 1 +inf, 0 -inf; 1 of them finite "
                           "float64 values beyond float32's range), the first at index 1 [1]"));
}

static void nonfinite_dropped_on_request(void **state)
{
    (void)state;
    char path[1024], err[1024];
    struct actent_layer l;
    layer_path(path, sizeof path, "nonfinite_f4");
    assert_int_equal(actent_layer_load(path, ACTENT_NONFINITE_DROP, &l, err, sizeof err), 0);
    assert_int_equal(l.n, 9);
    assert_int_equal(l.info.nonfinite_dropped, 3);
    assert_int_equal(l.info.values, 12);
    assert_int_equal(l.nan, 1);
    assert_int_equal(l.pinf, 1);
    assert_int_equal(l.ninf, 1);
    struct ref want;
    ref_load(&want, "npy/valid/nonfinite_f4.want", "<f4");
    size_t o = 0;
    for (size_t i = 0; i < want.n; i++)
        if (isfinite(((float *)want.data)[i]))
            assert_true(same_bits(l.x[o++], ((float *)want.data)[i]));
    assert_int_equal(o, l.n);
    ref_free(&want);
    actent_layer_free(&l);
    layer_path(path, sizeof path, "all_nan_f4");
    assert_int_equal(actent_layer_load(path, ACTENT_NONFINITE_DROP, &l, err, sizeof err), -1);
    assert_non_null(strstr(err, ": all 4 values are non-finite; nothing is left to analyse"));
}

static void empty_arrays_refused_for_analysis(void **state)
{
    (void)state;
    char path[1024], err[1024];
    struct actent_layer l;
    layer_path(path, sizeof path, "empty_2d_f8");
    assert_int_equal(actent_layer_load(path, ACTENT_NONFINITE_ERROR, &l, err, sizeof err), -1);
    assert_non_null(strstr(err, ": shape (4, 0, 3) holds no values"));
    assert_int_equal(actent_layer_check(path, err, sizeof err), -1);
    assert_non_null(strstr(err, ": shape (4, 0, 3) holds no values"));
    layer_path(path, sizeof path, "v1_be16_F");
    assert_int_equal(actent_layer_check(path, err, sizeof err), 0);
}

/* np.histogram(x, bins=K) fails when max - min overflows float32; consistent
 * mode bins in double and has an answer */
static void notebook_refuses_float32_overflowing_range(void **state)
{
    (void)state;
    char path[1024], err[1024];
    layer_path(path, sizeof path, "wide_range_f4");
    struct actent_layer l;
    assert_int_equal(actent_layer_load(path, ACTENT_NONFINITE_ERROR, &l, err, sizeof err), 0);
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.iterations = 1;
    struct actent_rng rng;
    actent_rng_seed(&rng, 0);
    struct actent_experiment r;
    assert_int_equal(actent_experiment_analyse(&o, l.x, l.n, &rng, &r, err, sizeof err), -1);
    assert_string_equal(err, "the input's range [-3e+38, 3e+38] is wider than float32 can hold, "
                             "so np.histogram(x, bins=50) cannot bin it; --mode consistent can");
    o.mode = ACTENT_CONSISTENT;
    assert_int_equal(actent_experiment_analyse(&o, l.x, l.n, &rng, &r, err, sizeof err), 0);
    uint64_t total = 0;
    for (size_t i = 0; i < r.nbins_in; i++)
        total += r.input_counts[i];
    assert_int_equal(total, 5);
    assert_int_equal(r.input_counts[0], 1);
    assert_int_equal(r.input_counts[49], 1);
    actent_experiment_free(&r);
    actent_layer_free(&l);
}

/* the whole analysis of a file against numpy's run of the notebook's code on
 * np.load(file).astype(float32).ravel() (finite values only), the transform
 * drawing from np.random.seed(seed) */
struct analysis_case {
    const char *layer, *tag;
    uint32_t seed;
    size_t bins, iterations;
    enum actent_mode mode;
    enum actent_nonfinite policy;
};

static const struct analysis_case analyses[] = {
    {"layer_f16_F", "notebook", 3, 30, 20, ACTENT_NOTEBOOK, ACTENT_NONFINITE_ERROR},
    {"layer_f16_F", "consistent", 0, 17, 5, ACTENT_CONSISTENT, ACTENT_NONFINITE_ERROR},
    {"layer_be64_nan", "drop", 11, 40, 10, ACTENT_NOTEBOOK, ACTENT_NONFINITE_DROP},
};

static void analysis_matches_numpy(void **state)
{
    const struct analysis_case *c = *state;
    char path[1024], err[1024], name[128];
    layer_path(path, sizeof path, c->layer);
    struct actent_layer l;
    if (actent_layer_load(path, c->policy, &l, err, sizeof err) != 0)
        fail_msg("%s", err);
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.seed = c->seed;
    o.bins = c->bins;
    o.iterations = c->iterations;
    o.mode = c->mode;
    o.input = &l.info;
    struct actent_rng rng;
    actent_rng_seed(&rng, c->seed);
    struct actent_experiment r;
    if (actent_experiment_analyse(&o, l.x, l.n, &rng, &r, err, sizeof err) != 0)
        fail_msg("%s", err);
    snprintf(name, sizeof name, "npy/analysis_%s_%s", c->layer, c->tag);
    struct ref ref;
    ref_load(&ref, name, "<f8");
    const double *want = ref.data;
    assert_int_equal(ref.n, 1 + 2 * ACT_NOTEBOOK_COUNT);
    if (fabs(r.input_entropy - want[0]) > 1e-12)
        fail_msg("%s input entropy %.17g, numpy %.17g", name, r.input_entropy, want[0]);
    for (int i = 0; i < ACT_NOTEBOOK_COUNT; i++) {
        if (fabs(r.acts[i].entropy - want[1 + i]) > 1e-9)
            fail_msg("%s %s: %.17g, numpy %.17g", name, act_name(r.acts[i].op), r.acts[i].entropy,
                     want[1 + i]);
        if (fabs(r.acts[i].entropy_transformed - want[1 + ACT_NOTEBOOK_COUNT + i]) > 1e-9)
            fail_msg("%s %s transformed: %.17g, numpy %.17g", name, act_name(r.acts[i].op),
                     r.acts[i].entropy_transformed, want[1 + ACT_NOTEBOOK_COUNT + i]);
    }
    ref_free(&ref);
    actent_experiment_free(&r);
    actent_layer_free(&l);
}

int main(void)
{
    read_indexes();
    struct CMUnitTest tests[32];
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
    tests[nt++] = (struct CMUnitTest){"nonfinite_refused_by_default", nonfinite_refused_by_default,
                                      NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"nonfinite_dropped_on_request", nonfinite_dropped_on_request,
                                      NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"notebook_refuses_float32_overflowing_range",
                                      notebook_refuses_float32_overflowing_range, NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"empty_arrays_refused_for_analysis",
                                      empty_arrays_refused_for_analysis, NULL, NULL, NULL};
    for (size_t i = 0; i < sizeof analyses / sizeof analyses[0]; i++) {
        static char names[8][96];
        snprintf(names[i], sizeof names[i], "analysis/%s/%s", analyses[i].layer, analyses[i].tag);
        tests[nt++] =
            (struct CMUnitTest){names[i], analysis_matches_numpy, NULL, NULL, (void *)&analyses[i]};
    }
    return _cmocka_run_group_tests("npy", tests, nt, NULL, NULL);
}
