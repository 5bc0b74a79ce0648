/* verify.c - runs every check of `actent verify` and lists the violations. */
#include "verify.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "experiment.h"
#include "fnv.h"
#include "progress.h"
#include "rng.h"
#include "sample.h"
#include "workers.h"

/* the sweep's stride per mode: 65521 (65,551 inputs) for ctest, 127 (about
 * 34 million, every exponent and many mantissas) by default, 1 for all */
static const uint64_t mode_stride[] = {65521, 127, 1};
/* the uniform and normal samples of the histogram checks */
static const size_t mode_sample[] = {100000, 1000000, 1000000};

enum { NOTEBOOK_ITERATIONS = 200, OUTPUT_BINS = 49 };

void actent_verify_defaults(struct actent_verify_opts *o)
{
    memset(o, 0, sizeof *o);
    o->mode = ACTENT_VERIFY_SWEEP;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o->threads = cpus > 0 ? (unsigned)(cpus < 64 ? cpus : 64) : 1;
    for (int i = 0; i < ACT_COUNT; i++)
        o->use[i] = true;
}

const char *actent_verify_mode_name(enum actent_verify_mode m)
{
    return m == ACTENT_VERIFY_QUICK        ? "quick"
           : m == ACTENT_VERIFY_EXHAUSTIVE ? "exhaustive"
                                           : "sweep";
}

static void violation(struct actent_verify *r, struct actent_verify_table *t,
                      struct actent_verify_op *o, const char *fmt, ...)
{
    char line[512];
    int used = snprintf(line, sizeof line, "%s/%s: ", t->name, o ? act_name(o->op) : "table");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line + used, sizeof line - (size_t)used, fmt, ap);
    va_end(ap);
    r->violations++;
    t->violations++;
    if (o)
        o->violations++;
    char **m = realloc(r->msgs, (r->nmsgs + 1) * sizeof *m);
    if (!m)
        return;
    r->msgs = m;
    r->msgs[r->nmsgs] = strdup(line);
    if (r->msgs[r->nmsgs])
        r->nmsgs++;
}

static const char *section_name(int s)
{
    static const char *const names[] = {"notebook sample", "sweep", "special values"};
    return names[s];
}

static void ulp_violations(struct actent_verify *r, struct actent_verify_table *t,
                           struct actent_verify_op *o)
{
    for (int s = 0; s < ACTENT_NSECTIONS; s++) {
        const struct actent_ulp_stats *u = &o->ulp[s];
        if (!u->over)
            continue;
        uint32_t d = actent_ulp_distance(u->bad_got, u->bad_want);
        char what[64];
        if (d == UINT32_MAX)
            snprintf(what, sizeof what, "NaN against a number");
        else if (d == 0)
            snprintf(what, sizeof what, "the other sign of zero");
        else
            snprintf(what, sizeof what, "%u ulp", d);
        violation(r, t, o,
                  "%s: %llu of %llu values beyond the bound of %u ulp (NaN mismatches: %llu); "
                  "first at x = %a (%.9g): got %a, scalar %a (%s)",
                  section_name(s), (unsigned long long)u->over, (unsigned long long)u->inputs,
                  o->bound, (unsigned long long)u->bucket[ACTENT_ULP_NAN], (double)u->bad_x,
                  (double)u->bad_x, (double)u->bad_got, (double)u->bad_want, what);
    }
}

static void hist_violations(struct actent_verify *r, struct actent_verify_table *t,
                            struct actent_verify_op *o)
{
    for (size_t i = 0; i < o->nhist; i++) {
        const struct actent_hist_check *h = &o->hist[i];
        const char *s = h->sample;
        if (!h->ok) {
            violation(r, t, o, "%s sample: %s", s, h->err);
            continue;
        }
        if (h->beyond)
            violation(r, t, o, "%s sample: %llu values beyond the bound of %u ulp", s,
                      (unsigned long long)h->beyond, o->bound);
        if (h->unexcused)
            violation(r, t, o,
                      "%s sample: %llu values moved to another bin without excuse (not within "
                      "%u ulp of an edge); first at x = %a",
                      s, (unsigned long long)h->unexcused, o->bound, (double)h->first_unexcused_x);
        if (!h->kernel_agrees)
            violation(r, t, o,
                      "%s sample: the table's histogram kernel bins differently "
                      "from the definition",
                      s);
        if (!h->input_counts_equal)
            violation(r, t, o, "%s sample: the input histogram differs from scalar's", s);
        if (fabs(h->entropy - h->entropy_ref) > h->tolerance + h->rounding)
            violation(r, t, o,
                      "%s sample: entropy %.17g, scalar %.17g: beyond the derived "
                      "tolerance %.3g",
                      s, h->entropy, h->entropy_ref, h->tolerance);
        if (!h->fused_equal)
            violation(r, t, o, "%s sample: the fused pass differs from the unfused one", s);
        if (!h->has_transform)
            continue;
        if (!h->transform_ok)
            violation(r, t, o,
                      "%s sample: copy-neighbour: the table's zeros differ from "
                      "scalar's, so no tolerance follows",
                      s);
        else if (h->t_unexcused)
            violation(r, t, o, "%s sample: copy-neighbour: %llu values moved without excuse", s,
                      (unsigned long long)h->t_unexcused);
        else if (fabs(h->t_entropy - h->t_entropy_ref) > h->t_tolerance + h->t_rounding)
            violation(r, t, o,
                      "%s sample: copy-neighbour entropy %.17g, scalar %.17g: beyond "
                      "the derived tolerance %.3g",
                      s, h->t_entropy, h->t_entropy_ref, h->t_tolerance);
    }
}

/* ULP statistics of f against scalar on x[0..n) */
static void ulp_on(struct actent_ulp_stats *s, act_unary_fn f, enum act_op op, const float *x,
                   size_t n, uint32_t bound, float *want, float *got)
{
    act_table_scalar.activate[op](x, want, n);
    f(x, got, n);
    actent_ulp_compare(s, x, got, want, n, bound);
}

struct samples {
    float *notebook, *uniform, *normal;
    struct actent_rng after_notebook; /* the stream where the notebook's transform starts */
    size_t n;
};

static int draw_samples(struct samples *s, size_t n)
{
    s->n = n;
    s->notebook = malloc(ACTENT_NOTEBOOK_N * sizeof(float));
    s->uniform = malloc(n * sizeof(float));
    s->normal = malloc(n * sizeof(float));
    if (!s->notebook || !s->uniform || !s->normal)
        return -1;
    struct actent_rng g;
    actent_rng_seed(&s->after_notebook, 0);
    actent_sample(&s->after_notebook, ACTENT_UNIFORM, -1.0, 1.0, s->notebook, ACTENT_NOTEBOOK_N);
    actent_rng_seed(&g, 0);
    actent_sample(&g, ACTENT_UNIFORM, -1.0, 1.0, s->uniform, n);
    actent_rng_seed(&g, 0);
    actent_sample(&g, ACTENT_NORMAL, 0.0, 1.0, s->normal, n);
    return 0;
}

static void free_samples(struct samples *s)
{
    free(s->notebook);
    free(s->uniform);
    free(s->normal);
}

static const char *const sample_names[] = {"notebook", "uniform", "normal"};

/* one histogram check; running out of memory is recorded as its failure */
static void hist_check(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                       struct actent_rng *rng, struct actent_hist_check *h)
{
    char err[sizeof h->err];
    if (actent_verify_hist(k, op, x, n, OUTPUT_BINS, rng, NOTEBOOK_ITERATIONS, h, err,
                           sizeof err) != 0) {
        h->ok = false;
        snprintf(h->err, sizeof h->err, "%s", err);
    }
}

static bool tables_ok(const struct act_kernels *k)
{
    return k && k->minmax && k->hist_edges && k->hist_uniform;
}

/* notebook-sample and special-value ULP statistics, the digest, and the
 * notebook sample's histogram check: in the notebook's order, since the
 * copy-neighbour transform of each activation continues the random stream */
static void check_table(struct actent_verify *r, struct actent_verify_table *t,
                        const struct samples *sm, float *want, float *got)
{
    const struct act_kernels *k = t->k;
    struct actent_rng rng = sm->after_notebook;
    size_t nsp;
    const float *sp = actent_verify_specials(&nsp);
    if (k && !tables_ok(k))
        violation(r, t, NULL, "no kernel for min/max or the histograms");
    uint64_t h = ACTENT_FNV_BASIS;
    for (int op = 0; op < ACT_COUNT; op++) {
        struct actent_verify_op *o = &t->ops[op];
        act_unary_fn f = k ? k->activate[op] : t->peer->activate[op];
        if (!r->opts.use[op] || !f)
            continue;
        ulp_on(&o->ulp[ACTENT_SEC_NOTEBOOK], f, (enum act_op)op, sm->notebook, ACTENT_NOTEBOOK_N,
               o->bound, want, got);
        ulp_on(&o->ulp[ACTENT_SEC_SPECIALS], f, (enum act_op)op, sp, nsp, o->bound, want, got);
        o->digest = actent_verify_digest(f, &r->digest_inputs);
        /* the table's digest: FNV-1a over the activations' digests, in order */
        h = actent_fnv1a(h, o->digest, 8);
        if (!k || o->missing || !tables_ok(k))
            continue;
        o->hist[0].sample = sample_names[0];
        hist_check(k, (enum act_op)op, sm->notebook, ACTENT_NOTEBOOK_N, &rng, &o->hist[0]);
        o->nhist = 3;
    }
    t->digest = h;
}

/* the large samples' checks, (table, activation, sample) jobs on the workers */
struct hist_jobs {
    struct actent_verify *r;
    const struct samples *sm;
    size_t n, (*job)[3]; /* table, op, sample */
};

static void hist_job(void *ctx, size_t i)
{
    struct hist_jobs *hj = ctx;
    struct actent_verify_table *t = &hj->r->tables[hj->job[i][0]];
    enum act_op op = (enum act_op)hj->job[i][1];
    size_t s = hj->job[i][2];
    struct actent_hist_check *h = &t->ops[op].hist[s];
    h->sample = sample_names[s];
    hist_check(t->k, op, s == 1 ? hj->sm->uniform : hj->sm->normal, hj->sm->n, NULL, h);
}

static int check_samples(struct actent_verify *r, const struct samples *sm, char *err, size_t len)
{
    struct hist_jobs hj = {.r = r, .sm = sm};
    hj.job = calloc(r->ntables * ACT_COUNT * 2, sizeof *hj.job);
    if (!hj.job) {
        snprintf(err, len, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < r->ntables; i++)
        for (int op = 0; op < ACT_COUNT; op++)
            if (r->tables[i].runs && r->tables[i].ops[op].nhist)
                for (size_t s = 1; s <= 2; s++) {
                    hj.job[hj.n][0] = i;
                    hj.job[hj.n][1] = (size_t)op;
                    hj.job[hj.n++][2] = s;
                }
    actent_workers_run(r->opts.threads, hj.n, hist_job, &hj);
    free(hj.job);
    return 0;
}

static int run_sweep(struct actent_verify *r, char *err, size_t len)
{
    struct actent_sweep_subject *subj = calloc(r->ntables, sizeof *subj);
    size_t *which = calloc(r->ntables, sizeof *which);
    struct actent_ulp_stats(*st)[ACT_COUNT] = calloc(r->ntables, sizeof *st);
    int rc = -1;
    if (!subj || !which || !st) {
        snprintf(err, len, "out of memory for the sweep");
        goto out;
    }
    size_t n = 0;
    for (size_t i = 0; i < r->ntables; i++) {
        struct actent_verify_table *t = &r->tables[i];
        if (!t->runs || t->reference)
            continue;
        subj[n].activate = t->k ? t->k->activate : t->peer->activate;
        subj[n].k = t->k;
        which[n++] = i;
    }
    double t0 = actent_now();
    rc = n ? actent_verify_sweep(subj, n, r->opts.use, r->stride, &r->opts, st, err, len) : 0;
    r->sweep_seconds = actent_now() - t0;
    for (size_t j = 0; rc == 0 && j < n; j++)
        for (int op = 0; op < ACT_COUNT; op++)
            r->tables[which[j]].ops[op].ulp[ACTENT_SEC_SWEEP] = st[j][op];
out:
    free(subj);
    free(which);
    free(st);
    return rc;
}

static void setup_table(struct actent_verify *r, struct actent_verify_table *t)
{
    for (int op = 0; op < ACT_COUNT; op++) {
        struct actent_verify_op *o = &t->ops[op];
        o->op = (enum act_op)op;
        if (!t->k)
            continue;
        o->bound = act_max_ulp(t->k, op);
        o->missing = !t->k->activate[op] || !t->k->activate_hist[op];
        if (t->runs && r->opts.use[op] && o->missing)
            violation(r, t, o, "no kernel (%s is NULL)",
                      t->k->activate[op] ? "the fused entry" : "the array entry");
    }
}

int actent_verify_run(const struct act_kernels *const *tables, size_t ntables,
                      const struct act_peer *const *peers, size_t npeers,
                      const struct actent_verify_opts *o, struct actent_verify *r, char *err,
                      size_t len)
{
    double t0 = actent_now();
    memset(r, 0, sizeof *r);
    r->opts = *o;
    r->stride = mode_stride[o->mode];
    r->sweep_inputs = 0xffffffffu / r->stride + 1;
    r->sample_n = mode_sample[o->mode];
    r->tables = calloc(ntables + npeers + 1, sizeof *r->tables);
    if (!r->tables) {
        snprintf(err, len, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < ntables; i++) {
        struct actent_verify_table *t = &r->tables[r->ntables++];
        t->k = tables[i];
        t->name = t->k->name;
        t->detail = t->k->detail;
        t->runs = t->k->cpu_ok();
        t->reference = t->k == &act_table_scalar;
        setup_table(r, t);
    }
    for (size_t i = 0; i < npeers; i++) {
        struct actent_verify_table *t = &r->tables[r->ntables++];
        t->peer = peers[i];
        t->name = t->peer->name;
        t->detail = t->peer->isa;
        t->runs = t->peer->cpu_ok();
        setup_table(r, t);
    }
    struct samples sm = {0};
    float *want = malloc(2 * 4096 * sizeof *want);
    int rc = -1;
    if (!want || draw_samples(&sm, r->sample_n) != 0) {
        snprintf(err, len, "out of memory for the samples");
        goto out;
    }
    if (run_sweep(r, err, len) != 0)
        goto out;
    for (size_t i = 0; i < r->ntables; i++)
        if (r->tables[i].runs)
            check_table(r, &r->tables[i], &sm, want, want + 4096);
    if (check_samples(r, &sm, err, len) != 0)
        goto out;
    for (size_t i = 0; i < r->ntables; i++) {
        struct actent_verify_table *t = &r->tables[i];
        if (!t->runs || !t->k)
            continue; /* peers are measured, not judged */
        for (int op = 0; op < ACT_COUNT; op++)
            if (o->use[op] && !t->ops[op].missing) {
                ulp_violations(r, t, &t->ops[op]);
                hist_violations(r, t, &t->ops[op]);
            }
    }
    rc = 0;
out:
    free_samples(&sm);
    free(want);
    r->total_seconds = actent_now() - t0;
    return rc;
}

void actent_verify_free(struct actent_verify *r)
{
    for (size_t i = 0; i < r->nmsgs; i++)
        free(r->msgs[i]);
    free(r->msgs);
    free(r->tables);
    memset(r, 0, sizeof *r);
}
