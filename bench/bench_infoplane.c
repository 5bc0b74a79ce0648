/* bench_infoplane.c - the information plane of one layer (src/core/infoplane.h),
 * N samples of d tanh units (np.tanh of N(0, 1), float32) with 10 labels:
 *   infoplane/width/<table>/d<d>/<N>  fixed-width binning (0.07, ibsgd's):
 *                                     H(T), H(T|Y); items N x d values
 *   infoplane/kde/<table>/d<d>/<N>    both KDE bounds (noise variance 1e-3):
 *                                     items N (N - 1) / 2 pairs
 *   infoplane/sgemm/onednn/d1024/10000  dnnl_sgemm of the layer by its
 *                                     transpose (the Gram matrix, one thread):
 *                                     the KDE's distances as a BLAS would take
 *                                     them, the yardstick for the wide row
 * scripts/bench_infoplane.py times the research codes' numpy forms. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef ACTENT_HAVE_ONEDNN
#include <dnnl.h>
#include <omp.h>
#endif

#include "bench_families.h"
#include "bench_util.h"
#include "infoplane.h"
#include "rng.h"

struct ip_bench {
    const struct act_kernels *k;
    size_t d;
};

/* the layer and labels, or NULL (the benchmark skipped) */
static float *layer(struct bench_state *st, size_t n, size_t d, int32_t **y)
{
    float *t = malloc(n * d * sizeof *t);
    *y = malloc(n * sizeof **y);
    if (!t || !*y) {
        free(t);
        free(*y);
        bench_skip(st, "out of memory for the layer");
        return NULL;
    }
    struct actent_rng rng;
    actent_rng_seed(&rng, 0);
    for (size_t i = 0; i < n * d; i++)
        t[i] = (float)tanh(actent_rng_gauss(&rng));
    for (size_t i = 0; i < n; i++)
        (*y)[i] = (int32_t)actent_rng_interval(&rng, 9);
    return t;
}

static void run_ip(struct bench_state *st, void *ctx, bool kde)
{
    const struct ip_bench *b = ctx;
    size_t n = (size_t)bench_n(st);
    if (!b->k->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    int32_t *y;
    float *t = layer(st, n, b->d, &y);
    if (!t)
        return;
    struct actent_ip_layer L = {.t = t, .n = n, .d = b->d, .y = y, .ny = 10};
    struct actent_ip_params p = {.method = ACTENT_IP_WIDTH, .width = 0.07};
    double h = 0.0, var = 1e-3;
    char err[256];
    while (bench_running(st)) {
        struct actent_ip_result r, lo;
        int rc = kde ? actent_ip_kde(b->k, &L, &var, 1, 0, 0, &r, &lo, err, sizeof err)
                     : actent_ip_compute(b->k, &L, &p, &r, err, sizeof err);
        if (rc != 0) {
            bench_skip(st, err);
            break;
        }
        h += r.ity;
        bench_keep(&h);
    }
    free(t);
    free(y);
    bench_finish(st, kde ? (int64_t)(n * (n - 1) / 2) : (int64_t)(n * b->d), 0);
    bench_label(st, kde ? "items: pairs; both bounds, H(T) and H(T|Y)"
                        : "items: values; H(T) and H(T|Y) from the row patterns");
}

static void run_width(struct bench_state *st, void *ctx) { run_ip(st, ctx, false); }
static void run_kde(struct bench_state *st, void *ctx) { run_ip(st, ctx, true); }

#ifdef ACTENT_HAVE_ONEDNN
static void run_sgemm(struct bench_state *st, void *ctx)
{
    size_t n = (size_t)bench_n(st), d = (size_t)ctx;
    int32_t *y;
    float *t = layer(st, n, d, &y);
    float *g = t ? malloc(n * n * sizeof *g) : NULL; /* the N x N the KDE never makes */
    if (t && !g)
        bench_skip(st, "out of memory for the Gram matrix");
    omp_set_num_threads(1);
    while (g && bench_running(st)) {
        if (dnnl_sgemm('N', 'T', (dnnl_dim_t)n, (dnnl_dim_t)n, (dnnl_dim_t)d, 1.0f, t,
                       (dnnl_dim_t)d, t, (dnnl_dim_t)d, 0.0f, g, (dnnl_dim_t)n) != dnnl_success) {
            bench_skip(st, "dnnl_sgemm failed");
            break;
        }
        bench_keep(g);
    }
    free(t);
    free(y);
    free(g);
    bench_finish(st, (int64_t)(n * (n - 1) / 2), 0);
    bench_label(st, "items: pairs (of the N x N it computes); one thread");
}
#endif

void bench_infoplane_register(void)
{
    static const int64_t n4096[] = {4096}, n10000[] = {10000};
    static const size_t widths[] = {10, 100, 1024};
    static struct ip_bench b[64][4];
    size_t nt = act_ntables < 64 ? act_ntables : 64;
    for (size_t i = 0; i < nt; i++) {
        for (size_t w = 0; w < 3; w++) {
            b[i][w] = (struct ip_bench){act_tables[i], widths[w]};
            bench_add(bench_strdup("infoplane/width/%s/d%zu", act_tables[i]->name, widths[w]),
                      run_width, &b[i][w], n4096, 1);
        }
        bench_add(bench_strdup("infoplane/kde/%s/d10", act_tables[i]->name), run_kde, &b[i][0],
                  n4096, 1);
    }
    /* the wide layer takes about a second a call: the best table only, not in a smoke run */
    if (bench_smoke())
        return;
    static struct ip_bench wide;
    for (size_t i = 0; i < nt && !wide.k; i++)
        if (act_tables[i]->cpu_ok())
            wide = (struct ip_bench){act_tables[i], 1024};
    bench_add(bench_strdup("infoplane/kde/%s/d1024", wide.k->name), run_kde, &wide, n10000, 1);
#ifdef ACTENT_HAVE_ONEDNN
    bench_add("infoplane/sgemm/onednn/d1024", run_sgemm, (void *)(size_t)1024, n10000, 1);
#endif
}
