/* test_threads.c - the analysis gives the same bits on any number of threads:
 * counts, ranges and entropies for 1, 2, 3 and 7 threads, on sizes below and
 * above the parallel threshold and not divisible by any chunking; and the
 * rounds on bin indices give the histogram of the rounds on floats. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "experiment.h"
#include "histogram.h"
#include "par.h"
#include "transform.h"

static void opts_for(struct actent_experiment_opts *o, size_t n, size_t iterations,
                     enum actent_mode mode, unsigned threads)
{
    actent_experiment_defaults(o);
    o->n = n;
    o->iterations = iterations;
    o->mode = mode;
    o->threads = threads;
    o->dist = ACTENT_NORMAL;
    o->seed = (uint32_t)n;
    o->transform_par_min = 0; /* the parallel transform even on small inputs */
}

static void same(const struct actent_experiment *a, const struct actent_experiment *b, size_t n,
                 unsigned t)
{
    assert_int_equal(a->nacts, b->nacts);
    assert_memory_equal(a->input_counts, b->input_counts, a->nbins_in * sizeof(uint64_t));
    assert_memory_equal(&a->input_entropy, &b->input_entropy, sizeof(double));
    assert_memory_equal(&a->in_lo, &b->in_lo, sizeof(float));
    assert_memory_equal(&a->in_hi, &b->in_hi, sizeof(float));
    for (size_t i = 0; i < a->nacts; i++) {
        const struct actent_act_result *x = &a->acts[i], *y = &b->acts[i];
        size_t nb = a->nbins_out * sizeof(uint64_t);
        if (memcmp(x->counts, y->counts, nb) ||
            memcmp(x->counts_transformed, y->counts_transformed, nb) ||
            memcmp(&x->entropy, &y->entropy, sizeof(double)) ||
            memcmp(&x->entropy_transformed, &y->entropy_transformed, sizeof(double)) ||
            memcmp(&x->lo, &y->lo, sizeof(float)) || memcmp(&x->hi, &y->hi, sizeof(float)))
            fail_msg("n=%zu threads=%u: %s differs from one thread", n, t, act_name(x->op));
    }
}

static void threads_agree(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 1000, 131071, 300001, (1u << 18) + 3};
    static const unsigned threads[] = {2, 3, 7};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int mode = 0; mode < 2; mode++) {
            size_t iterations = mode == 0 ? 0 : (sizes[s] > 1000 ? 2 : 20);
            enum actent_mode m = mode == 0 ? ACTENT_NOTEBOOK : ACTENT_CONSISTENT;
            struct actent_experiment_opts o;
            struct actent_experiment one, many;
            char err[256];
            opts_for(&o, sizes[s], iterations, m, 1);
            assert_int_equal(actent_experiment_run(&o, &one, err, sizeof err), 0);
            assert_int_equal(one.threads, 1);
            for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
                opts_for(&o, sizes[s], iterations, m, threads[t]);
                if (actent_experiment_run(&o, &many, err, sizeof err) != 0)
                    fail_msg("%s", err);
                same(&one, &many, sizes[s], threads[t]);
                /* one thread below the threshold, unless the activations ran side by side */
                if (iterations == 0 && sizes[s] < ACTENT_PAR_MIN)
                    assert_int_equal(many.threads, 1);
                if (sizes[s] >= 2 * ACTENT_PAR_MIN ||
                    (iterations > 0 && threads[t] >= ACTENT_TRANSFORM_PAR_THREADS))
                    assert_true(many.threads > 1);
                actent_experiment_free(&many);
            }
            actent_experiment_free(&one);
        }
    }
}

/* The notebook's way, on floats, then binned: what the bin-index rounds must give. */
static void bins_match_floats(void **state)
{
    (void)state;
    struct actent_experiment_opts o;
    struct actent_experiment r;
    char err[256];
    opts_for(&o, 5001, 9, ACTENT_NOTEBOOK, 2);
    o.dist = ACTENT_UNIFORM;
    assert_int_equal(actent_experiment_run(&o, &r, err, sizeof err), 0);
    struct actent_rng rng;
    float *x = malloc(o.n * sizeof *x), *y = malloc(o.n * sizeof *y);
    actent_rng_seed(&rng, o.seed);
    actent_sample(&rng, ACTENT_UNIFORM, -1.0, 1.0, x, o.n);
    uint64_t counts[64];
    for (size_t i = 0; i < r.nacts; i++) {
        const struct actent_act_result *a = &r.acts[i];
        act_table_scalar.activate[a->op](x, y, o.n);
        actent_copy_neighbour(y, o.n, o.iterations, &rng, y);
        struct act_edges *e = actent_edges_linspace(a->lo, a->hi, r.nbins_out);
        memset(counts, 0, sizeof counts);
        act_table_scalar.hist_edges(y, o.n, e, counts);
        actent_edges_free(e);
        assert_memory_equal(counts, a->counts_transformed, r.nbins_out * sizeof *counts);
    }
    free(x);
    free(y);
    actent_experiment_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_agree),
        cmocka_unit_test(bins_match_floats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
