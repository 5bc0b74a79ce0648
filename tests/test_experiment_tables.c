/* test_experiment_tables.c - the notebook's experiment on every table this CPU
 * runs, against the numpy reference (tests/data/notebook_*.npy). Scalar must
 * match exactly (test_notebook.c); another table may differ only by what its
 * declared ULP bound allows: for each activation, the entropy tolerance that
 * `actent verify` derives on this very sample (values at risk near an edge,
 * see src/verify/verify_hist.c), for the histogram after the activation and after
 * the copy-neighbour transform. Tables this CPU cannot run are skipped. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "experiment.h"
#include "verify.h"

struct nb_case {
    const char *name;
    uint32_t seed;
    size_t n;
    enum actent_dist dist;
    size_t bins, iterations;
    enum actent_mode mode;
    double sigma;
};

/* the cases of scripts/gen_reference.py (as in test_notebook.c) */
static const struct nb_case cases[] = {
    {"notebook", 0, 4096, ACTENT_UNIFORM, 50, 200, ACTENT_NOTEBOOK, 1.0},
    {"consistent", 0, 4096, ACTENT_UNIFORM, 50, 200, ACTENT_CONSISTENT, 1.0},
    {"normal_s1", 1, 10000, ACTENT_NORMAL, 30, 20, ACTENT_NOTEBOOK, 1.0},
    {"normal_s5_consistent", 5, 3001, ACTENT_NORMAL, 64, 7, ACTENT_CONSISTENT, 4.0},
};
#define NCASES (sizeof cases / sizeof cases[0])

struct tcase {
    const struct act_kernels *k;
    const struct nb_case *c;
};

static void check(const char *what, const struct tcase *t, enum act_op op, double got, double want,
                  double scalar, double tol, double rounding)
{
    /* the table within its tolerance of scalar, and scalar's own (zero)
     * distance from numpy, which test_notebook.c holds to 1e-9 */
    double allowed = tol + rounding + fabs(scalar - want);
    if (!(fabs(got - want) <= allowed))
        fail_msg("%s/%s %s %s: %.17g, numpy %.17g, derived tolerance %.3g", t->c->name, t->k->name,
                 act_name(op), what, got, want, allowed);
}

static void matches_numpy(void **state)
{
    const struct tcase *t = *state;
    if (!t->k->cpu_ok())
        skip();
    const struct nb_case *c = t->c;
    for (int op = 0; op < ACT_COUNT; op++)
        if (!t->k->activate[op] || !t->k->activate_hist[op])
            fail_msg("table %s has no %s kernel", t->k->name, act_name((enum act_op)op));
    char name[64];
    snprintf(name, sizeof name, "notebook_%s", c->name);
    struct ref ref;
    ref_load(&ref, name, "<f8");
    const double *want = ref.data;

    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.seed = c->seed;
    o.n = c->n;
    o.dist = c->dist;
    o.bins = c->bins;
    o.iterations = c->iterations;
    o.mode = c->mode;
    o.sigma = c->sigma;
    o.k = t->k;
    struct actent_experiment r;
    char err[512];
    if (actent_experiment_run(&o, &r, err, sizeof err) != 0)
        fail_msg("%s/%s: %s", c->name, t->k->name, err);
    assert_int_equal(r.nacts, ACT_NOTEBOOK_COUNT);
    /* the input is binned alike on every table: exact */
    if (r.input_entropy != want[0])
        fail_msg("%s/%s input entropy %.17g, numpy %.17g", c->name, t->k->name, r.input_entropy,
                 want[0]);

    /* the same sample and random stream, checked activation by activation */
    float *x = malloc(c->n * sizeof *x);
    struct actent_rng rng;
    actent_rng_seed(&rng, c->seed);
    if (c->dist == ACTENT_NORMAL)
        actent_sample(&rng, ACTENT_NORMAL, 0.0, c->sigma, x, c->n);
    else
        actent_sample(&rng, ACTENT_UNIFORM, -1.0, 1.0, x, c->n);
    for (int op = 0; op < ACT_NOTEBOOK_COUNT; op++) {
        const struct actent_act_result *a = &r.acts[op];
        struct actent_hist_check h = {.sample = c->name};
        if (actent_verify_hist(t->k, (enum act_op)op, x, c->n, r.nbins_out, &rng, c->iterations, &h,
                               err, sizeof err) != 0)
            fail_msg("%s", err);
        if (!h.ok || !h.transform_ok)
            fail_msg("%s/%s %s: no tolerance derived (%s)", c->name, t->k->name,
                     act_name((enum act_op)op), h.ok ? "zeros differ" : h.err);
        /* verify saw the experiment's own numbers */
        assert_true(h.entropy == a->entropy && h.t_entropy == a->entropy_transformed);
        check("entropy", t, (enum act_op)op, a->entropy, want[1 + op], h.entropy_ref, h.tolerance,
              h.rounding);
        check("after copy-neighbour", t, (enum act_op)op, a->entropy_transformed,
              want[1 + ACT_NOTEBOOK_COUNT + op], h.t_entropy_ref, h.t_tolerance, h.t_rounding);
    }
    free(x);
    actent_experiment_free(&r);
    ref_free(&ref);
}

int main(void)
{
    static struct CMUnitTest tests[64];
    static struct tcase tc[64];
    static char names[64][96];
    size_t nt = 0;
    for (size_t i = 0; i < act_ntables; i++)
        for (size_t j = 0; j < NCASES && nt < 64; j++) {
            tc[nt] = (struct tcase){act_tables[i], &cases[j]};
            snprintf(names[nt], sizeof names[nt], "%s/%s", cases[j].name, act_tables[i]->name);
            tests[nt] = (struct CMUnitTest){names[nt], matches_numpy, NULL, NULL, &tc[nt]};
            nt++;
        }
    return _cmocka_run_group_tests("experiment_tables", tests, nt, NULL, NULL);
}
