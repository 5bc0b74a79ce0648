/* test_npy_layer.c - layers from .npy files (scripts/gen_npy_cases.py,
 * tests/data/npy/valid) as the analysis loads them: non-finite values refused
 * or dropped, empty arrays refused, a float32 range that overflows refused,
 * and whole analyses of files against numpy's run of the notebook's code. */
#include "test_util.h"

#include <string.h>

#include "experiment.h"
#include "layer.h"
#include "npy.h"

static void layer_path(char *buf, size_t len, const char *name)
{
    if (snprintf(buf, len, "%s/npy/valid/%s.npy", test_data_dir(), name) >= (int)len)
        fail_msg("path too long: %s/npy/valid/%s.npy", test_data_dir(), name);
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
            assert_true(agrees(l.x[o++], ((float *)want.data)[i], 0));
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
    struct CMUnitTest tests[16];
    size_t nt = 0;
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
    return _cmocka_run_group_tests("npy_layer", tests, nt, NULL, NULL);
}
