/* experiment_acts.c - the activations with the copy-neighbour transform.
 *
 * The notebook bins the transformed values with the untransformed output's
 * edges, so each value's bin travels with it through the rounds: the rounds
 * move bin indices (one byte each at the notebook's 49 bins) instead of
 * floats, and the transformed histogram is a tally of them. Three steps:
 * the activations' histograms and bin indices (in parallel), the rounds
 * (transform_par.c), the tallies. */
#include "experiment_acts.h"

#include <stdlib.h>
#include <string.h>

#include "entropy.h"
#include "errmsg.h"
#include "pipeline.h"
#include "transform_par.h"
#include "workers.h"

struct act_work {
    enum act_op op;
    struct actent_act_result *a;
    struct actent_cn_job job;
    uint64_t zeros;
    size_t zbin; /* the bin of +0.0, where the zeros go */
    int rc;
    char err[512];
};

struct acts {
    const struct actent_experiment_opts *o;
    const float *x;
    size_t n;
    struct actent_experiment *r;
    struct act_work w[ACT_COUNT];
};

/* The largest i < nbins with v >= thresh[i]: hist_edges' bin for a value in
 * range. The edges are evenly spaced, so an estimate is at most a step or
 * two off; the loops then settle it on the exact float32 thresholds. */
static inline size_t bin_of(const struct act_edges *e, double scale, float v)
{
    double est = ((double)v - e->lo) * scale;
    size_t last = e->nbins - 1, i = est <= 0.0 ? 0 : est >= (double)last ? last : (size_t)est;
    while (i > 0 && v < e->thresh[i])
        i--;
    while (i < last && v >= e->thresh[i + 1])
        i++;
    return i;
}

/* Compacts y's non-zero values into bin indices; 0, or -1 when they do not
 * tally to the histogram (a value hist_edges would not count). */
static int to_bins(struct act_work *w, const float *y, size_t n, const struct act_edges *e,
                   size_t nbins)
{
    struct actent_cn_job *j = &w->job;
    j->width = nbins <= 256 ? 1 : nbins <= 65536 ? 2 : 4;
    j->x = malloc(n ? n * j->width : 1);
    uint64_t *tally = calloc(nbins, sizeof *tally);
    if (!j->x || !tally) {
        free(tally);
        return actent_fail(w->err, sizeof w->err, "out of memory for %zu bin indices", n);
    }
    size_t m = 0;
    double scale = e->hi > e->lo ? (double)nbins / (e->hi - e->lo) : 0.0;
    for (size_t i = 0; i < n; i++) {
        if (y[i] == 0.0f)
            continue;
        size_t b = bin_of(e, scale, y[i]);
        tally[b]++;
        if (j->width == 1)
            ((uint8_t *)j->x)[m++] = (uint8_t)b;
        else if (j->width == 2)
            ((uint16_t *)j->x)[m++] = (uint16_t)b;
        else
            ((uint32_t *)j->x)[m++] = (uint32_t)b;
    }
    j->m = m;
    w->zeros = n - m;
    w->zbin = bin_of(e, scale, 0.0f);
    tally[w->zbin] += w->zeros;
    int same = memcmp(tally, w->a->counts, nbins * sizeof *tally) == 0;
    free(tally);
    if (!same)
        return actent_fail(w->err, sizeof w->err,
                           "%s: the bin indices do not tally to the histogram", act_name(w->op));
    return 0;
}

static void prepare_job(void *ctx, size_t i)
{
    struct acts *s = ctx;
    struct act_work *w = &s->w[i];
    const struct act_kernels *k = s->o->k;
    size_t nb = s->r->nbins_out;
    struct actent_edges_buf eb;
    float *y = malloc(s->n * sizeof *y);
    if (!y || actent_edges_buf_init(&eb, nb) != 0) {
        free(y);
        w->rc = actent_fail(w->err, sizeof w->err, "out of memory for %zu activations", s->n);
        return;
    }
    struct actent_range range;
    w->rc = actent_hist_unfused(k, w->op, s->x, s->n, y, &eb, nb, w->a->counts, &range, w->err,
                                sizeof w->err);
    if (w->rc == 0) {
        w->a->lo = range.lo;
        w->a->hi = range.hi;
        w->rc = to_bins(w, y, s->n, &eb.e, nb);
    }
    actent_edges_buf_free(&eb);
    free(y);
}

static void tally(struct act_work *w, size_t nbins)
{
    const struct actent_cn_job *j = &w->job;
    uint64_t *c = w->a->counts_transformed;
    memset(c, 0, nbins * sizeof *c);
    for (size_t i = 0; i < j->m; i++)
        c[j->width == 1   ? ((const uint8_t *)j->x)[i]
          : j->width == 2 ? ((const uint16_t *)j->x)[i]
                          : ((const uint32_t *)j->x)[i]]++;
    c[w->zbin] += w->zeros;
}

int actent_acts_transform(const struct actent_experiment_opts *o, const float *x, size_t n,
                          struct actent_rng *rng, struct actent_experiment *r, unsigned threads,
                          struct actent_progress *p, char *err, size_t len)
{
    struct acts s = {.o = o, .x = x, .n = n, .r = r};
    size_t na = r->nacts;
    for (size_t i = 0; i < na; i++)
        s.w[i] = (struct act_work){.op = r->acts[i].op, .a = &r->acts[i]};
    actent_workers_run(threads < na ? threads : (unsigned)na, na, prepare_job, &s);
    int rc = 0;
    struct actent_cn_job jobs[ACT_COUNT];
    for (size_t i = 0; i < na && rc == 0; i++) {
        if (s.w[i].rc != 0)
            rc = actent_fail(err, len, "%s", s.w[i].err);
        jobs[i] = s.w[i].job;
    }
    int moved = rc == 0 ? actent_copy_neighbour_jobs(jobs, na, o->iterations, rng, threads, p) : 0;
    if (moved < 0)
        rc = actent_fail(err, len, "out of memory for the transform's random states");
    else if (moved > 0)
        rc = actent_fail(err, len, "cancelled during the copy-neighbour rounds");
    for (size_t i = 0; i < na; i++) {
        struct actent_act_result *a = &r->acts[i];
        if (rc == 0) {
            tally(&s.w[i], r->nbins_out);
            a->entropy = actent_entropy_bits(a->counts, r->nbins_out);
            a->reduction = r->input_entropy - a->entropy;
            a->entropy_transformed = actent_entropy_bits(a->counts_transformed, r->nbins_out);
            a->further_reduction = a->entropy - a->entropy_transformed;
        }
        free(s.w[i].job.x);
    }
    return rc;
}
