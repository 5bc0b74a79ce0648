/* test_peers.c - the peers registered in act_peers[] do what their names say.
 *
 * Peers are measured, never dispatched, but a benchmark comparison is only
 * as good as the things compared: a peer histogram or min/max must give the
 * scalar table's results exactly (same contract), and a peer activation must
 * keep NaN as NaN, not depend on its position in the array (the tail path),
 * and stay near the reference. The bound is a sanity bound, not a claim: the
 * vector libraries document up to 4 ULP per function, and composing one into
 * an activation adds a rounding or two; a wrong constant or a wrong branch is
 * thousands of ULP off. The benchmark reports each peer's measured error. */
#include "test_util.h"

#include <string.h>

#include "histogram.h"
#include "kernels.h"

#define PEER_SANITY_ULP 16

/* gelu's and gelu_tanh's float32 compositions round the argument of erfc or
 * exp (z = -x / sqrt 2, or 2u) and the negative tail magnifies that rounding
 * by 2 z^2 (up to 100 at x = -10) or |2u| (up to 87): a correct composition is
 * tens of ULP off there; a wrong constant or branch is still far beyond this. */
static uint32_t sanity_ulp(enum act_op op)
{
    return op == ACT_GELU || op == ACT_GELU_TANH ? 256 : PEER_SANITY_ULP;
}

static const struct act_kernels *const ref = &act_table_scalar;

struct pcase {
    const struct act_peer *p;
    enum act_op op;
};

static float uniform(uint64_t *s, float lo, float hi)
{
    double u = (double)(test_rand(s) >> 11) / 9007199254740992.0;
    return (float)(lo + (hi - lo) * u);
}

static void check_activation(void **state)
{
    const struct pcase *c = *state;
    if (!c->p->cpu_ok())
        skip();
    act_unary_fn f = c->p->activate[c->op];
    enum { N = 20000 };
    static float x[N], got[N], want[N];
    uint64_t s = test_seed() + 11;
    for (size_t i = 0; i < N; i++)
        x[i] = uniform(&s, -10.0f, 10.0f);
    x[17] = NAN;
    ref->activate[c->op](x, want, N);
    f(x, got, N);
    for (size_t i = 0; i < N; i++)
        if (!agrees(got[i], want[i], sanity_ulp(c->op)))
            fail_msg("%s/%s seed=%llu i=%zu x=%a got=%a want=%a (%u ulp)", act_name(c->op),
                     c->p->name, (unsigned long long)test_seed(), i, (double)x[i], (double)got[i],
                     (double)want[i], ulp_distance(got[i], want[i]));
    /* every length up to a few vectors: each value as if computed alone */
    for (size_t n = 0; n <= 33; n++) {
        float y[40], one;
        f(x, y, n);
        for (size_t i = 0; i < n; i++) {
            f(x + i, &one, 1);
            if (!agrees(y[i], one, 0))
                fail_msg("%s/%s n=%zu i=%zu: %a in an array, %a alone", act_name(c->op), c->p->name,
                         n, i, (double)y[i], (double)one);
        }
    }
}

/* the scalar table's counts for random values, every threshold and its
 * neighbours, NaN, infinities and values outside the edges, at every tail length */
static void check_histogram(void **state)
{
    const struct pcase *c = *state;
    if (!c->p->cpu_ok())
        skip();
    enum { N = 3000 };
    float y[N + 400];
    uint64_t s = test_seed() + 12;
    struct act_edges *e = actent_edges_linspace(-0.75, 0.9, 49);
    size_t n = 0;
    for (size_t i = 0; i <= 49; i++) {
        y[n++] = e->thresh[i];
        y[n++] = nextafterf(e->thresh[i], -INFINITY);
        y[n++] = nextafterf(e->thresh[i], INFINITY);
    }
    y[n++] = NAN;
    y[n++] = INFINITY;
    y[n++] = -INFINITY;
    while (n < N)
        y[n++] = uniform(&s, -1.0f, 1.0f);
    for (size_t m = 0; m <= n; m += m < 40 ? 1 : 997) {
        uint64_t a[49] = {0}, b[49] = {0};
        ref->hist_edges(y, m, e, a);
        c->p->hist_edges(y, m, e, b);
        for (size_t k = 0; k < 49; k++)
            if (a[k] != b[k])
                fail_msg("%s: n=%zu bin %zu holds %llu, the scalar table's %llu", c->p->name, m, k,
                         (unsigned long long)b[k], (unsigned long long)a[k]);
    }
    actent_edges_free(e);
    /* one bin; and many bins, past what a peer may keep in sub-histograms */
    for (size_t k = 1; k <= 2000; k += 1999) {
        e = actent_edges_linspace(-0.5, 0.5, k);
        uint64_t *a = calloc(k, sizeof *a), *b = calloc(k, sizeof *b);
        assert_non_null(a);
        assert_non_null(b);
        ref->hist_edges(y, n, e, a);
        c->p->hist_edges(y, n, e, b);
        assert_memory_equal(a, b, k * sizeof *a);
        free(a);
        free(b);
        actent_edges_free(e);
    }
}

static void check_minmax(void **state)
{
    const struct pcase *c = *state;
    if (!c->p->cpu_ok())
        skip();
    float x[200];
    uint64_t s = test_seed() + 13;
    for (size_t n = 0; n < 200; n++) {
        for (size_t i = 0; i < n; i++)
            x[i] = uniform(&s, -3.0f, 3.0f);
        if (n > 3) {
            x[n / 2] = NAN;
            x[n / 3] = -0.0f;
        }
        float l1, h1, l2, h2;
        ref->minmax(x, n, &l1, &h1);
        c->p->minmax(x, n, &l2, &h2);
        if (!agrees(l2, l1, 0) || !agrees(h2, h1, 0))
            fail_msg("%s: n=%zu [%a, %a], the scalar table's [%a, %a]", c->p->name, n, (double)l2,
                     (double)h2, (double)l1, (double)h1);
    }
}

#define MAX_TESTS 256

int main(void)
{
    static struct CMUnitTest tests[MAX_TESTS];
    static char names[MAX_TESTS][64];
    static struct pcase cases[MAX_TESTS];
    size_t nt = 0;
    for (size_t i = 0; i < act_npeers && nt + ACT_COUNT + 2 < MAX_TESTS; i++) {
        const struct act_peer *p = act_peers[i];
        for (int op = 0; op < ACT_COUNT; op++) {
            if (!p->activate[op])
                continue;
            cases[nt] = (struct pcase){p, (enum act_op)op};
            snprintf(names[nt], sizeof names[nt], "%s/%s", act_name((enum act_op)op), p->name);
            tests[nt] = (struct CMUnitTest){names[nt], check_activation, NULL, NULL, &cases[nt]};
            nt++;
        }
        if (p->hist_edges) {
            cases[nt] = (struct pcase){p, ACT_COUNT};
            snprintf(names[nt], sizeof names[nt], "%s/histogram", p->name);
            tests[nt] = (struct CMUnitTest){names[nt], check_histogram, NULL, NULL, &cases[nt]};
            nt++;
        }
        if (p->minmax) {
            cases[nt] = (struct pcase){p, ACT_COUNT};
            snprintf(names[nt], sizeof names[nt], "%s/minmax", p->name);
            tests[nt] = (struct CMUnitTest){names[nt], check_minmax, NULL, NULL, &cases[nt]};
            nt++;
        }
    }
    if (nt == 0) {
        printf("no peers in this build: skipped\n");
        return 77; /* ctest's SKIP_RETURN_CODE: reported as skipped, not passed */
    }
    return _cmocka_run_group_tests("peers", tests, nt, NULL, NULL);
}
