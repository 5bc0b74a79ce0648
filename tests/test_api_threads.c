/* test_api_threads.c - include/actent.h called from several threads at once,
 * through the shared library: every thread gets the single thread's results,
 * and the threaded pass the one-thread bits. Only the public header. */
#include "test_util.h"

#include <pthread.h>

#include "actent.h"

#define NB_N 4096

static float nb_x[NB_N];

/* the same calls from several threads at once give the single thread's results */
struct job {
    const actent_table *t;
    uint64_t counts[11][49];
    double bits[11];
    int rc;
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    for (int rep = 0; rep < 20; rep++)
        for (int a = 0; a < 11; a++)
            j->rc |= actent_activation_entropy(j->t, a, nb_x, NB_N, 49, j->counts[a], &j->bits[a],
                                               NULL, 0);
    return NULL;
}

static void concurrent_calls(void **state)
{
    (void)state;
    assert_int_equal(actent_sample_uniform(0, -1.0, 1.0, nb_x, NB_N), 0);
    static struct job one, many[4];
    one.t = actent_table_select(NULL, NULL, 0);
    run_job(&one);
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        many[i].t = one.t;
        assert_int_equal(pthread_create(&th[i], NULL, run_job, &many[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(many[i].rc, 0);
        assert_memory_equal(many[i].counts, one.counts, sizeof one.counts);
        assert_memory_equal(many[i].bits, one.bits, sizeof one.bits);
    }
}

/* The threaded pass gives the one-thread bits, on a size above the threshold
 * that no chunking divides; called from two threads at once. */
struct mt_job {
    const float *x;
    size_t n;
    unsigned threads;
    uint64_t counts[11][49];
    double bits[11];
    float lo[11], hi[11];
    int rc;
};

static void *run_mt(void *arg)
{
    struct mt_job *j = arg;
    for (int a = 0; a < 11; a++)
        j->rc |= actent_activation_histogram_mt(NULL, a, j->x, j->n, 49, j->counts[a], &j->bits[a],
                                                &j->lo[a], &j->hi[a], j->threads, NULL, 0);
    return NULL;
}

static void threaded_histograms(void **state)
{
    (void)state;
    enum { N = 1000003 };
    float *x = malloc(N * sizeof *x);
    assert_int_equal(actent_sample_normal(3, 0.0, 2.0, x, N), 0);
    static struct mt_job one, t2, t7;
    one = (struct mt_job){.x = x, .n = N, .threads = 1};
    t2 = (struct mt_job){.x = x, .n = N, .threads = 2};
    t7 = (struct mt_job){.x = x, .n = N, .threads = 7};
    run_mt(&one);
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, run_mt, &t7), 0);
    run_mt(&t2);
    assert_int_equal(pthread_join(th, NULL), 0);
    const struct mt_job *m[2] = {&t2, &t7};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(one.rc | m[i]->rc, 0);
        assert_memory_equal(m[i]->counts, one.counts, sizeof one.counts);
        assert_memory_equal(m[i]->bits, one.bits, sizeof one.bits);
        assert_memory_equal(m[i]->lo, one.lo, sizeof one.lo);
        assert_memory_equal(m[i]->hi, one.hi, sizeof one.hi);
    }
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(concurrent_calls),
        cmocka_unit_test(threaded_histograms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
