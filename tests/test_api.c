/* test_api.c - include/actent.h as a user calls it: the notebook's numbers
 * against numpy's run of the notebook (scripts/gen_reference.py), numpy's
 * histograms, every refusal with its message (concurrent calls: test_api_threads.c). Only the
 * public header is included: nothing internal is reachable from here. */
#include "test_util.h"

#include <float.h>
#include <string.h>

#include "actent.h"

#define NB_N 4096

static float nb_x[NB_N];

static void draw_notebook_sample(void)
{
    assert_int_equal(actent_sample_uniform(0, -1.0, 1.0, nb_x, NB_N), 0);
}

static void version_and_lists(void **state)
{
    (void)state;
    int major, minor, patch;
    char tail;
    assert_int_equal(sscanf(actent_version(), "%d.%d.%d%c", &major, &minor, &patch, &tail), 3);
    int n = actent_activation_count();
    assert_true(n >= 11);
    /* the notebook's order, which drives the transform's random stream */
    static const char *const notebook[] = {"sigmoid",  "tanh",         "relu",  "softsign",
                                           "softplus", "hard_sigmoid", "selu",  "relu6",
                                           "elu",      "leaky_relu",   "linear"};
    for (int i = 0; i < 11; i++) {
        assert_string_equal(actent_activation_name(i), notebook[i]);
        assert_int_equal(actent_activation_find(notebook[i]), i);
    }
    assert_int_equal(actent_activation_exact(2), 1); /* relu */
    assert_int_equal(actent_activation_exact(0), 0); /* sigmoid */
    assert_int_equal(actent_activation_exact(n), -1);
    assert_null(actent_activation_name(-1));
    assert_null(actent_activation_name(n));
    assert_int_equal(actent_activation_find("swish"), -1);
    assert_int_equal(actent_activation_find(NULL), -1);
    int nt = actent_table_count();
    assert_true(nt >= 1);
    assert_string_equal(actent_table_name(actent_table_at(nt - 1)), "scalar");
    assert_null(actent_table_at(nt));
    for (int i = 0; i < nt; i++)
        assert_int_equal(actent_table_max_ulp(actent_table_at(i), 2), 0); /* relu: exact */
}

static void select_tables(void **state)
{
    (void)state;
    char err[256] = "";
    const actent_table *best = actent_table_select(NULL, err, sizeof err);
    assert_non_null(best);
    assert_true(actent_table_runs_here(best));
    assert_ptr_equal(actent_table_select("auto", err, sizeof err), best);
    const actent_table *s = actent_table_select("scalar", err, sizeof err);
    assert_non_null(s);
    assert_string_equal(actent_table_name(s), "scalar");
    assert_null(actent_table_select("sse9", err, sizeof err));
    assert_non_null(strstr(err, "unknown ISA 'sse9'"));
    assert_non_null(strstr(err, "scalar"));            /* the message lists the names */
    assert_null(actent_table_select("sse9", NULL, 0)); /* no buffer: still refused */
    for (int i = 0; i < actent_table_count(); i++) {   /* a table the CPU lacks is refused */
        const actent_table *t = actent_table_at(i);
        if (actent_table_runs_here(t))
            continue;
        assert_null(actent_table_select(actent_table_name(t), err, sizeof err));
        assert_non_null(strstr(err, "cannot run"));
        float x = 1.0f, y;
        assert_int_equal(actent_activate(t, 0, &x, &y, 1), -1);
    }
}

/* the seed's 5.634427827586692 and every activation's entropy, per table */
static void notebook_numbers(void **state)
{
    (void)state;
    struct ref ref;
    ref_load(&ref, "notebook_notebook", "<f8");
    const double *want = ref.data;
    draw_notebook_sample();
    for (int i = 0; i < actent_table_count(); i++) {
        const actent_table *t = actent_table_at(i);
        if (!actent_table_runs_here(t))
            continue;
        uint64_t counts[50];
        double bits;
        char err[256];
        assert_int_equal(actent_input_entropy(t, nb_x, NB_N, 50, counts, &bits, err, sizeof err),
                         0);
        assert_true(bits == 5.634427827586692);
        assert_true(bits == want[0]);
        for (int a = 0; a < 11; a++) {
            float lo, hi;
            if (actent_activation_histogram(t, a, nb_x, NB_N, 49, counts, &bits, &lo, &hi, err,
                                            sizeof err) != 0)
                fail_msg("%s/%s: %s", actent_table_name(t), actent_activation_name(a), err);
            /* a table may move a value across an edge within its ULP bound */
            double tol = actent_table_max_ulp(t, a) ? 1e-3 : 1e-12;
            if (fabs(bits - want[1 + a]) > tol)
                fail_msg("%s/%s: %.17g bits, numpy %.17g", actent_table_name(t),
                         actent_activation_name(a), bits, want[1 + a]);
            assert_true(lo <= hi);
            uint64_t total = 0;
            for (int b = 0; b < 49; b++)
                total += counts[b];
            assert_int_equal(total, NB_N);
        }
    }
    ref_free(&ref);
}

/* the API's uniform and given-edges histograms against np.histogram */
static void numpy_histograms(void **state)
{
    (void)state;
    static const char *const tags[] = {"normal_b50", "on_edges_b49", "negzero_b7",
                                       "huge_b50",   "one_b1",       "equal_b7"};
    char name[128], err[256];
    for (size_t c = 0; c < sizeof tags / sizeof tags[0]; c++) {
        struct ref x, cu, edges, cg;
        snprintf(name, sizeof name, "hist_%s_x", tags[c]);
        ref_load(&x, name, "<f4");
        snprintf(name, sizeof name, "hist_%s_uniform", tags[c]);
        ref_load(&cu, name, "<i8");
        snprintf(name, sizeof name, "hist_%s_edges", tags[c]);
        ref_load(&edges, name, "<f8");
        snprintf(name, sizeof name, "hist_%s_given", tags[c]);
        ref_load(&cg, name, "<i8");
        uint64_t *got = calloc(cu.n, sizeof *got);
        assert_int_equal(actent_input_entropy(NULL, x.data, x.n, cu.n, got, NULL, err, sizeof err),
                         0);
        for (size_t b = 0; b < cu.n; b++)
            if (got[b] != (uint64_t)((const int64_t *)cu.data)[b])
                fail_msg("%s uniform bin %zu: %llu, numpy %lld", tags[c], b,
                         (unsigned long long)got[b], (long long)((const int64_t *)cu.data)[b]);
        assert_int_equal(
            actent_histogram_edges(x.data, x.n, edges.data, cg.n, got, err, sizeof err), 0);
        for (size_t b = 0; b < cg.n; b++)
            assert_int_equal(got[b], ((const int64_t *)cg.data)[b]);
        free(got);
        ref_free(&x);
        ref_free(&cu);
        ref_free(&edges);
        ref_free(&cg);
    }
    struct ref x, edges, counts;
    ref_load(&x, "histedges_irregular_x", "<f4");
    ref_load(&edges, "histedges_irregular_edges", "<f8");
    ref_load(&counts, "histedges_irregular_counts", "<i8");
    uint64_t got[16];
    assert_int_equal(
        actent_histogram_edges(x.data, x.n, edges.data, counts.n, got, err, sizeof err), 0);
    for (size_t b = 0; b < counts.n; b++)
        if (got[b] != (uint64_t)((const int64_t *)counts.data)[b])
            fail_msg("irregular edges bin %zu: %llu, numpy %lld", b, (unsigned long long)got[b],
                     (long long)((const int64_t *)counts.data)[b]);
    ref_free(&x);
    ref_free(&edges);
    ref_free(&counts);
}

#define REFUSED(call, text)                                                                        \
    do {                                                                                           \
        err[0] = '\0';                                                                             \
        assert_int_equal((call), -1);                                                              \
        if (!strstr(err, text))                                                                    \
            fail_msg("%s: message '%s' lacks '%s'", #call, err, text);                             \
    } while (0)

static void refusals(void **state)
{
    (void)state;
    char err[256];
    uint64_t c[8];
    double bits = 7.0;
    float x[4] = {0.5f, -1.0f, NAN, 2.0f}, y[4];
    REFUSED(actent_input_entropy(NULL, x, 0, 8, c, &bits, err, sizeof err), "n is 0");
    REFUSED(actent_input_entropy(NULL, x, 2, 0, c, &bits, err, sizeof err), "nbins is 0");
    REFUSED(actent_input_entropy(NULL, x, 4, 8, c, &bits, err, sizeof err), "x[2] is NaN");
    REFUSED(actent_input_entropy(NULL, NULL, 4, 8, c, &bits, err, sizeof err), "x is NULL");
    REFUSED(actent_input_entropy(NULL, x, 2, 8, NULL, &bits, err, sizeof err), "counts is NULL");
    float wide[2] = {-3e38f, 3e38f};
    REFUSED(actent_input_entropy(NULL, wide, 2, 8, c, &bits, err, sizeof err), "wider than");
    REFUSED(actent_activation_entropy(NULL, 99, x, 2, 8, c, &bits, err, sizeof err),
            "activation 99 is out of range");
    REFUSED(actent_activation_entropy(NULL, -1, x, 2, 8, c, &bits, err, sizeof err),
            "out of range");
    float inf[2] = {1.0f, INFINITY};
    REFUSED(actent_activation_entropy(NULL, 2, inf, 2, 8, c, &bits, err, sizeof err),
            "x[1] is inf");
    assert_true(bits == 7.0); /* nothing written on failure */
    /* the activation path finds NaN and inf inside its passes (no scan of
     * its own): every activation, every table here, NaN among 300 values
     * (past the vector widths) and an input of NaN alone */
    static float big[300];
    for (size_t i = 0; i < 300; i++)
        big[i] = (float)i / 150.0f - 1.0f;
    big[257] = NAN;
    for (int t = 0; t < actent_table_count(); t++) {
        const actent_table *tb = actent_table_at(t);
        if (!actent_table_runs_here(tb))
            continue;
        for (int a = 0; a < actent_activation_count(); a++) {
            REFUSED(actent_activation_entropy(tb, a, big, 300, 8, c, &bits, err, sizeof err),
                    "x[257] is NaN");
            REFUSED(actent_activation_entropy(tb, a, x + 2, 1, 8, c, &bits, err, sizeof err),
                    "x[0] is NaN");
            REFUSED(actent_activation_entropy(tb, a, (float[]){-INFINITY, 0.0f}, 2, 8, c, &bits,
                                              err, sizeof err),
                    "x[0] is -inf");
        }
    }
    assert_true(bits == 7.0);
    double edges[3] = {0.0, 1.0, 0.5};
    REFUSED(actent_histogram_edges(x, 2, edges, 2, c, err, sizeof err), "increase monotonically");
    double nanedge[2] = {0.0, NAN};
    REFUSED(actent_histogram_edges(x, 2, nanedge, 1, c, err, sizeof err), "edges[1] is nan");
    REFUSED(actent_histogram_edges(x, 4, (double[]){-5.0, 5.0}, 1, c, err, sizeof err),
            "x[2] is NaN");
    assert_int_equal(actent_activate(NULL, 99, x, y, 4), -1);
    assert_int_equal(actent_activate(NULL, 0, NULL, y, 4), -1);
    assert_int_equal(actent_activate(NULL, 0, NULL, NULL, 0), 0); /* n = 0: nothing to do */
    assert_int_equal(actent_sample_uniform(0, 1.0, -1.0, x, 4), -1);
    assert_int_equal(actent_sample_uniform(0, 0.0, INFINITY, x, 4), -1);
    assert_int_equal(actent_sample_uniform(0, 0.0, 1.0, NULL, 4), -1);
    /* a message longer than the buffer is cut, still terminated */
    char tiny[8];
    assert_int_equal(actent_input_entropy(NULL, x, 0, 8, c, NULL, tiny, sizeof tiny), -1);
    assert_int_equal(strlen(tiny), sizeof tiny - 1);
    assert_int_equal(actent_input_entropy(NULL, x, 0, 8, c, NULL, NULL, 0), -1);
}

static void entropy_and_activate(void **state)
{
    (void)state;
    uint64_t c[4] = {1, 1, 1, 1};
    assert_true(actent_entropy_bits(c, 4) == 2.0);
    uint64_t z[2] = {0, 0};
    assert_true(isnan(actent_entropy_bits(z, 2))); /* scipy: 0/0 */
    float x[5] = {-2.0f, -0.0f, 0.0f, 3.5f, NAN}, y[5];
    int relu = actent_activation_find("relu");
    assert_int_equal(actent_activate(NULL, relu, x, y, 5), 0);
    assert_true(y[0] == 0.0f && y[3] == 3.5f && isnan(y[4]));
    assert_int_equal(actent_activate(NULL, relu, x, x, 5), 0); /* in place */
    assert_memory_equal(x, y, 4 * sizeof *x);
}

static void analyse_json(void **state)
{
    (void)state;
    draw_notebook_sample();
    char err[256], *json = NULL;
    struct actent_options o = {.mode = "consistent", .bins = 50, .activations = "linear,relu"};
    assert_int_equal(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err), 0);
    assert_non_null(strstr(json, "\"mode\": \"consistent\""));
    assert_non_null(strstr(json, "\"name\": \"linear\""));
    assert_null(strstr(json, "\"name\": \"tanh\""));
    /* the caller's values, not a sample the library drew */
    assert_non_null(strstr(json, "\"source\": \"array\""));
    assert_null(strstr(json, "\"dist\""));
    actent_free(json);
    o.activations = "relu,swish";
    json = NULL;
    REFUSED(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err),
            "unknown activation 'swish'");
    assert_null(json);
    o.activations = NULL;
    o.mode = "exact";
    REFUSED(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err),
            "mode 'exact' is unknown");
}

/* Hostile calls that crashed or answered wrongly once: each is refused or
 * answered right, never read through a bad pointer. */
static int cancel_after(void *ctx, uint64_t done, uint64_t total)
{
    int *calls = ctx;
    assert_true(done <= total);
    return ++*calls >= 3; /* stop at the third call */
}

static void hostile_calls(void **state)
{
    (void)state;
    char err[256];
    uint64_t c[8];
    float x[4] = {0.5f, -1.0f, 0.25f, 2.0f}, y[4];
    double bits = 7.0;
    /* a forged table handle: refused by every call that takes one, not read */
    static const char junk[64] = "not a table";
    const actent_table *forged = (const actent_table *)(const void *)junk;
    assert_int_equal(actent_activate(forged, 0, x, y, 4), -1);
    REFUSED(actent_input_entropy(forged, x, 4, 8, c, &bits, err, sizeof err),
            "is not one of actent_table_at()'s");
    REFUSED(actent_activation_entropy(forged, 2, x, 4, 8, c, &bits, err, sizeof err),
            "is not one of actent_table_at()'s");
    assert_null(actent_table_name(forged));
    assert_int_equal(actent_table_runs_here(forged), 0);
    assert_int_equal(actent_table_max_ulp(forged, 0), -1);
    char *json = NULL;
    REFUSED(actent_analyse_json(forged, x, 4, NULL, &json, err, sizeof err),
            "is not one of actent_table_at()'s");
    assert_true(bits == 7.0);
    /* NULL counts: NaN, as for no counts at all */
    assert_true(isnan(actent_entropy_bits(NULL, 5)));
    /* counts whose sum passes 2^64: the true entropy (1, 1, log2 5) */
    uint64_t half[2] = {(uint64_t)1 << 63, (uint64_t)1 << 63};
    uint64_t most[2] = {UINT64_MAX, UINT64_MAX};
    uint64_t five[5] = {(uint64_t)1 << 62, (uint64_t)1 << 62, (uint64_t)1 << 62, (uint64_t)1 << 62,
                        (uint64_t)1 << 62};
    assert_true(actent_entropy_bits(half, 2) == 1.0);
    assert_true(actent_entropy_bits(most, 2) == 1.0);
    assert_true(fabs(actent_entropy_bits(five, 5) - log2(5.0)) < 1e-15);
    /* a range whose width overflows a double: numpy raises OverflowError */
    assert_int_equal(actent_sample_uniform(0, -DBL_MAX, DBL_MAX, x, 4), -1);
    assert_int_equal(actent_sample_normal(0, 0.0, -1.0, x, 4), -1);
    /* too many bins: the limit named, before any memory is asked for */
    size_t too_many = ACTENT_MAX_BINS + 1;
    REFUSED(actent_input_entropy(NULL, x, 4, too_many, c, &bits, err, sizeof err),
            "at most ACTENT_MAX_BINS (2^24 = 16777216) bins");
    REFUSED(actent_activation_entropy(NULL, 2, x, 4, too_many, c, &bits, err, sizeof err),
            "at most ACTENT_MAX_BINS (2^24 = 16777216) bins");
    REFUSED(actent_histogram_edges(x, 4, (double[]){0.0, 1.0}, too_many, c, err, sizeof err),
            "at most ACTENT_MAX_BINS");
    REFUSED(actent_histogram_edges(x, 4, NULL, 1, c, err, sizeof err), "edges is NULL");
    REFUSED(actent_histogram_edges(x, 4, (double[]){0.0, 1.0}, 1, NULL, err, sizeof err),
            "counts is NULL");
    /* the analysis: the iterations capped as in the CLI, the bins too */
    draw_notebook_sample();
    struct actent_options o = {.iterations = ACTENT_MAX_ITERATIONS + 1};
    REFUSED(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err),
            "at most ACTENT_MAX_ITERATIONS (2^20 = 1048576)");
    o = (struct actent_options){.bins = too_many};
    REFUSED(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err),
            "at most ACTENT_MAX_BINS");
    /* a progress callback that says stop: cancelled, nothing returned */
    int calls = 0;
    o = (struct actent_options){
        .iterations = 1000, .progress = cancel_after, .progress_ctx = &calls};
    REFUSED(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err), "cancelled");
    assert_int_equal(calls, 3);
    assert_null(json);
    /* and one that lets it run is called, and changes nothing */
    calls = -1000000;
    o.iterations = 20;
    o.activations = "relu";
    assert_int_equal(actent_analyse_json(NULL, nb_x, NB_N, &o, &json, err, sizeof err), 0);
    assert_true(calls > -1000000);
    char *plain = NULL;
    o.progress = NULL;
    assert_int_equal(actent_analyse_json(NULL, nb_x, NB_N, &o, &plain, err, sizeof err), 0);
    assert_string_equal(json, plain);
    actent_free(json);
    actent_free(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_and_lists), cmocka_unit_test(select_tables),
        cmocka_unit_test(notebook_numbers),  cmocka_unit_test(numpy_histograms),
        cmocka_unit_test(refusals),          cmocka_unit_test(entropy_and_activate),
        cmocka_unit_test(analyse_json),      cmocka_unit_test(hostile_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
