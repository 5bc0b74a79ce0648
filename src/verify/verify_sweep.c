/* verify_sweep.c - ULP statistics over float32 bit patterns, on worker threads,
 * and the special values.
 *
 * The sweep covers the bit patterns k * stride (k = 0, 1, ... up to 2^32 - 1;
 * stride 1 is all of them) in chunks; workers take the next chunk from an
 * atomic counter and keep one result per chunk, which are merged in chunk
 * order afterwards, so the result (the first worst input included) does not
 * depend on the number of threads or on who ran what. Inside a chunk, blocks
 * of BLOCK inputs go through the array kernels: the reference once, then
 * every subject, compared element by element as integers (ulp.c). */
#include "verify.h"

#include <float.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "progress.h"
#include "workers.h"

enum { BLOCK = 4096, MAX_CHUNKS = 1024 };

struct sweep {
    const struct actent_sweep_subject *subj;
    size_t nsubj;
    const bool *use;
    uint64_t stride, count, per_chunk;
    size_t nchunks;
    struct actent_ulp_stats *chunk; /* [nchunks][nsubj][ACT_COUNT] */
    atomic_uint_fast64_t inputs_done;
    atomic_bool no_memory;
    struct actent_progress progress;
};

static void run_chunk(struct sweep *s, size_t c, float *x, float *want, float *got)
{
    uint64_t k0 = (uint64_t)c * s->per_chunk;
    uint64_t k1 = k0 + s->per_chunk < s->count ? k0 + s->per_chunk : s->count;
    struct actent_ulp_stats *st = s->chunk + c * s->nsubj * ACT_COUNT;
    for (uint64_t k = k0; k < k1; k += BLOCK) {
        size_t m = k1 - k < BLOCK ? (size_t)(k1 - k) : BLOCK;
        for (size_t i = 0; i < m; i++) {
            uint32_t bits = (uint32_t)((k + i) * s->stride);
            memcpy(&x[i], &bits, sizeof bits);
        }
        for (int op = 0; op < ACT_COUNT; op++) {
            if (!s->use[op])
                continue;
            act_table_scalar.activate[op](x, want, m);
            for (size_t t = 0; t < s->nsubj; t++) {
                act_unary_fn f = s->subj[t].activate[op];
                if (!f)
                    continue;
                f(x, got, m);
                uint32_t bound = s->subj[t].k ? act_max_ulp(s->subj[t].k, op) : UINT32_MAX;
                actent_ulp_compare(&st[t * ACT_COUNT + (size_t)op], x, got, want, m, bound);
            }
        }
        atomic_fetch_add(&s->inputs_done, m);
    }
}

/* one chunk: a job of the worker pool, with buffers of its own */
static void chunk_job(void *ctx, size_t c)
{
    struct sweep *s = ctx;
    float *buf = malloc(3 * BLOCK * sizeof *buf);
    if (!buf) {
        atomic_store(&s->no_memory, true);
        return;
    }
    run_chunk(s, c, buf, buf + BLOCK, buf + 2 * BLOCK);
    free(buf);
}

static void show_progress(void *ctx)
{
    struct sweep *s = ctx;
    actent_progress_update(&s->progress, atomic_load(&s->inputs_done), s->count);
}

int actent_verify_sweep(const struct actent_sweep_subject *subj, size_t nsubj, const bool *use,
                        uint64_t stride, const struct actent_verify_opts *o,
                        struct actent_ulp_stats (*stats)[ACT_COUNT], char *err, size_t len)
{
    struct sweep s = {.subj = subj, .nsubj = nsubj, .use = use, .stride = stride};
    s.count = 0xffffffffu / stride + 1;
    /* whole blocks per chunk, at most MAX_CHUNKS chunks */
    uint64_t blocks = (s.count + BLOCK - 1) / BLOCK;
    s.per_chunk = (blocks + MAX_CHUNKS - 1) / MAX_CHUNKS * BLOCK;
    s.nchunks = (size_t)((s.count + s.per_chunk - 1) / s.per_chunk);
    s.chunk = calloc(s.nchunks * (nsubj ? nsubj : 1) * ACT_COUNT, sizeof *s.chunk);
    if (!s.chunk) {
        snprintf(err, len, "out of memory for the sweep's statistics");
        return -1;
    }
    atomic_init(&s.inputs_done, 0);
    atomic_init(&s.no_memory, false);

    char what[64];
    snprintf(what, sizeof what, "verify: sweep%s", stride == 1 ? " (all 2^32 inputs)" : "");
    actent_progress_start(&s.progress, o->progress, o->progress_bar, what);
    int rc = 0;
    unsigned nthreads = o->threads ? o->threads : 1;
    if (actent_workers_watch(nthreads, s.nchunks, chunk_job, &s, show_progress, &s) == 0) {
        snprintf(err, len, "cannot start a sweep thread");
        rc = -1;
    } else if (atomic_load(&s.no_memory)) {
        snprintf(err, len, "out of memory in a sweep thread");
        rc = -1;
    }
    if (rc == 0) {
        actent_progress_end(&s.progress, s.count);
        for (size_t c = 0; c < s.nchunks; c++)
            for (size_t t = 0; t < nsubj; t++)
                for (int op = 0; op < ACT_COUNT; op++)
                    actent_ulp_merge(&stats[t][op], &s.chunk[(c * nsubj + t) * ACT_COUNT + op]);
    }
    free(s.chunk);
    return rc;
}

/* Switch and saturation points; each is taken with both signs and two
 * neighbours either side, so the point and the floats around it are covered. */
static double switch_point(int i)
{
    /* one group of points per line, with what they are */
    /* clang-format off */
    static const double pts[] = {
        0.0, 1.0, 0.5,
        2.5,                          /* hard_sigmoid's clip points */
        6.0,                          /* relu6's top */
        0.5 * M_LN2, M_LN2,           /* range-reduction boundaries of exp and expm1 */
        0x1p-12, 0x1p-24, 1e-4, 1e-8, /* where tanh, expm1 and friends switch to x */
        88.0, 88.72283935546875,      /* e^x overflows float32 above this */
        87.33654475055310898657,      /* -ln(FLT_MIN): e^-x turns subnormal */
        103.97208404541015625,        /* e^-x rounds to 0 below the subnormals */
        9.01091334727737,             /* 13 ln 2: tanh rounds to +-1 */
        14.55609079175885,            /* 21 ln 2: softplus(x) rounds to x */
        17.32867951399863,            /* 25 ln 2: sigmoid rounds to 1, expm1 to -1 */
        16.0, 20.0, 30.0, 150.0,
        0x1p24, 0x1p25,               /* softsign: 1 + |x| no longer exact */
        3.2386e38,                    /* selu: scale * x overflows */
    };
    /* clang-format on */
    return i < (int)(sizeof pts / sizeof pts[0]) ? pts[i] : -1.0;
}

const float *actent_verify_specials(size_t *n)
{
    static float v[512];
    static size_t nv;
    if (nv) {
        *n = nv;
        return v;
    }
    static const uint32_t bits[] = {
        0x00000000u, 0x80000000u,                                                    /* +-0 */
        0x7fc00000u, 0xffc00000u, 0x7f800001u, 0xff800001u, 0x7fffffffu, 0x7fc0dead, /* NaNs */
        0x7f800000u, 0xff800000u,                                                    /* +-inf */
        0x00000001u, 0x80000001u, 0x00000002u, 0x00400000u, 0x80400000u, 0x007fffffu,
        0x807fffffu,                                        /* subnormals */
        0x00800000u, 0x80800000u, 0x7f7fffffu, 0xff7fffffu, /* +-FLT_MIN, +-FLT_MAX */
    };
    size_t k = 0;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        memcpy(&v[k++], &bits[i], sizeof bits[i]);
    for (int i = 0; switch_point(i) >= 0.0; i++)
        for (int sign = 0; sign < 2; sign++) {
            float p = (float)(sign ? -switch_point(i) : switch_point(i));
            for (int d = -2; d <= 2; d++)
                if (k < sizeof v / sizeof v[0])
                    v[k++] = d ? actent_ulp_step(p, d) : p; /* the step makes -0 +0 */
        }
    nv = k;
    *n = nv;
    return v;
}
