/* test_notebook.c - the whole analysis against a numpy run of the notebook's
 * own code (scripts/gen_reference.py): the input entropy, the entropies after
 * each activation and after the copy-neighbour transform; by default the
 * notebook's 11, in the *_all cases all of the list (the 11 keep their numbers). */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "experiment.h"

struct nb_case {
    const char *name;
    uint32_t seed;
    size_t n;
    enum actent_dist dist;
    size_t bins, iterations;
    enum actent_mode mode;
    double sigma;
    bool all; /* every activation, not only the notebook's */
};

static const struct nb_case cases[] = {
    {"notebook", 0, 4096, ACTENT_UNIFORM, 50, 200, ACTENT_NOTEBOOK, 1.0, false},
    {"consistent", 0, 4096, ACTENT_UNIFORM, 50, 200, ACTENT_CONSISTENT, 1.0, false},
    {"normal_s1", 1, 10000, ACTENT_NORMAL, 30, 20, ACTENT_NOTEBOOK, 1.0, false},
    {"normal_s5_consistent", 5, 3001, ACTENT_NORMAL, 64, 7, ACTENT_CONSISTENT, 4.0, false},
    {"all", 0, 4096, ACTENT_UNIFORM, 50, 200, ACTENT_NOTEBOOK, 1.0, true},
    {"consistent_all", 0, 4096, ACTENT_UNIFORM, 50, 200, ACTENT_CONSISTENT, 1.0, true},
};

static void run_case(const struct nb_case *c, struct actent_experiment *r)
{
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.seed = c->seed;
    o.n = c->n;
    o.dist = c->dist;
    o.bins = c->bins;
    o.iterations = c->iterations;
    o.mode = c->mode;
    o.sigma = c->sigma;
    for (int i = 0; i < ACT_COUNT; i++)
        o.use[i] = c->all || i < ACT_NOTEBOOK_COUNT;
    char err[512];
    if (actent_experiment_run(&o, r, err, sizeof err) != 0)
        fail_msg("%s: %s", c->name, err);
}

static void matches_numpy(void **state)
{
    const struct nb_case *c = *state;
    char name[64];
    snprintf(name, sizeof name, "notebook_%s", c->name);
    struct ref ref;
    ref_load(&ref, name, "<f8");
    const int nacts = c->all ? ACT_COUNT : ACT_NOTEBOOK_COUNT;
    assert_int_equal(ref.n, 1 + 2 * nacts);
    const double *want = ref.data;
    struct actent_experiment r;
    run_case(c, &r);
    assert_int_equal(r.nacts, nacts);
    /* the input entropy within 1e-12 bits, the others within 1e-9 (in fact all are equal) */
    if (fabs(r.input_entropy - want[0]) > 1e-12)
        fail_msg("%s input entropy %.17g, numpy %.17g", c->name, r.input_entropy, want[0]);
    for (int i = 0; i < nacts; i++) {
        const struct actent_act_result *a = &r.acts[i];
        assert_int_equal(a->op, i); /* run in the notebook's order */
        if (fabs(a->entropy - want[1 + i]) > 1e-9)
            fail_msg("%s %s entropy %.17g, numpy %.17g", c->name, act_name(a->op), a->entropy,
                     want[1 + i]);
        if (fabs(a->entropy_transformed - want[1 + nacts + i]) > 1e-9)
            fail_msg("%s %s transformed %.17g, numpy %.17g", c->name, act_name(a->op),
                     a->entropy_transformed, want[1 + nacts + i]);
    }
    actent_experiment_free(&r);
    ref_free(&ref);
}

/* the seed's printed number, from the notebook itself */
static void seed_number(void **state)
{
    (void)state;
    struct actent_experiment r;
    run_case(&cases[0], &r);
    assert_true(r.input_entropy == 5.634427827586692);
    actent_experiment_free(&r);
}

/* consistent mode bins input and outputs alike: the identity removes nothing */
static void consistent_linear_removes_nothing(void **state)
{
    (void)state;
    struct actent_experiment r;
    run_case(&cases[1], &r);
    for (size_t i = 0; i < r.nacts; i++)
        if (r.acts[i].op == ACT_LINEAR) {
            assert_true(r.acts[i].reduction == 0.0);
            assert_memory_equal(r.acts[i].counts, r.input_counts, r.nbins_in * sizeof(uint64_t));
        }
    actent_experiment_free(&r);
}

/* a subset runs in the notebook's order and draws the transform's stream in that order */
static void subset_runs_in_notebook_order(void **state)
{
    (void)state;
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    memset(o.use, 0, sizeof o.use);
    o.use[ACT_LINEAR] = o.use[ACT_SIGMOID] = true;
    struct actent_experiment r;
    char err[256];
    assert_int_equal(actent_experiment_run(&o, &r, err, sizeof err), 0);
    assert_int_equal(r.nacts, 2);
    assert_int_equal(r.acts[0].op, ACT_SIGMOID);
    assert_int_equal(r.acts[1].op, ACT_LINEAR);
    actent_experiment_free(&r);
}

/* without the transform every table takes the fused pass: same counts, and the
 * transformed entropy is the entropy itself */
static void no_transform_is_fused_and_equal(void **state)
{
    (void)state;
    for (size_t t = 0; t < act_ntables; t++) {
        if (!act_tables[t]->cpu_ok())
            continue;
        struct actent_experiment_opts o;
        actent_experiment_defaults(&o);
        o.k = act_tables[t];
        struct actent_experiment with, without;
        char err[256];
        assert_int_equal(actent_experiment_run(&o, &with, err, sizeof err), 0);
        o.iterations = 0;
        assert_int_equal(actent_experiment_run(&o, &without, err, sizeof err), 0);
        for (size_t i = 0; i < with.nacts; i++) {
            assert_memory_equal(with.acts[i].counts, without.acts[i].counts,
                                with.nbins_out * sizeof(uint64_t));
            assert_true(with.acts[i].entropy == without.acts[i].entropy);
            assert_true(without.acts[i].entropy_transformed == without.acts[i].entropy);
        }
        actent_experiment_free(&with);
        actent_experiment_free(&without);
    }
}

static void non_finite_input_refused(void **state)
{
    (void)state;
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    const float x[] = {0.0f, 1.0f, NAN, 2.0f};
    struct actent_rng g;
    actent_rng_seed(&g, 0);
    struct actent_experiment r;
    char err[256];
    assert_int_equal(actent_experiment_analyse(&o, x, 4, &g, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "element 2"));
}

int main(void)
{
    struct CMUnitTest tests[16];
    size_t nt = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        tests[nt++] =
            (struct CMUnitTest){cases[i].name, matches_numpy, NULL, NULL, (void *)&cases[i]};
    tests[nt++] = (struct CMUnitTest){"seed_number", seed_number, NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"consistent_linear_removes_nothing",
                                      consistent_linear_removes_nothing, NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"subset_runs_in_notebook_order",
                                      subset_runs_in_notebook_order, NULL, NULL, NULL};
    tests[nt++] = (struct CMUnitTest){"no_transform_is_fused_and_equal",
                                      no_transform_is_fused_and_equal, NULL, NULL, NULL};
    tests[nt++] =
        (struct CMUnitTest){"non_finite_input_refused", non_finite_input_refused, NULL, NULL, NULL};
    return _cmocka_run_group_tests("notebook", tests, nt, NULL, NULL);
}
