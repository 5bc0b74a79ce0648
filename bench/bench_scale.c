/* bench_scale.c - the rows that scale with threads, and the transform alone.
 *
 * fused_mt/<op>/<table>/<input>/<n>/<threads>: the fused pass of bench_fused.c
 * split into chunks on `threads` threads (src/core/pipeline.h:
 * actent_hist_fused_mt), timed in wall-clock time; threads 1 is the same
 * work through the threaded entry, so the crossover reads off the rows.
 *
 * transform/<kind>/<impl>/unit/<n>: one copy-neighbour round (every odd
 * position takes its left neighbour, then numpy's legacy shuffle) on n
 * values: kind u8 is what the analysis moves (bin indices), f32 the floats
 * the notebook moves; impl "block" draws the random words a block at a
 * time (src/core/shuffle.h), "word" one call per word (rng.c, the reference).
 * Items: values shuffled. */
#include <stdint.h>
#include <stdlib.h>

#include "bench_impl.h"
#include "bench_pipeline.h"
#include "entropy.h"
#include "pipeline.h"
#include "rng.h"
#include "shuffle.h"

static void run_fused_mt(struct bench_state *st, void *ctx)
{
    const struct pipe_case *c = ctx;
    if (!c->k->cpu_ok()) {
        bench_skip(st, "this CPU cannot run it");
        return;
    }
    struct bench_pipe p;
    if (bench_pipe_open(&p, st, c->d) != 0)
        return;
    char err[256] = "";
    struct actent_range r = {0, 0, 0, false};
    size_t n = p.n, w = 0;
    unsigned threads = (unsigned)bench_threads(st);
    bench_unpin(); /* the workers this starts inherit the mask: give them every CPU */
    while (bench_running(st)) {
        /* the whole call, input scan included, as bench_fused.c times it */
        struct actent_input in;
        actent_input_scan(c->k, c->op, p.x + w * n, n, threads, &in);
        if (actent_hist_fused_in(c->k, c->op, p.x + w * n, n, &in, &p.eb, BENCH_BINS, p.counts, &r,
                                 threads, err, sizeof err) != 0)
            break;
        p.entropy = actent_entropy_bits(p.counts, BENCH_BINS);
        bench_keep(&p.entropy);
        w = w + 1 == p.nwin ? 0 : w + 1;
    }
    bench_repin();
    bench_pipe_close(&p);
    if (err[0]) {
        bench_skip(st, bench_strdup("%s", err));
        return;
    }
    bench_items(st, (int64_t)n);
    bench_bytes(st, (int64_t)(2 * n * sizeof(float)));
}

enum transform_kind { T_U8_BLOCK, T_F32_BLOCK, T_F32_WORD };

static void run_transform(struct bench_state *st, void *ctx)
{
    enum transform_kind kind = (enum transform_kind)(intptr_t)ctx;
    size_t n = (size_t)bench_n(st);
    uint8_t *b = malloc(n ? n : 1);
    float *f = malloc((n ? n : 1) * sizeof *f);
    if (!b || !f) {
        free(b);
        free(f);
        bench_skip(st, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        b[i] = (uint8_t)(i % 49);
        f[i] = (float)i;
    }
    struct actent_rng r;
    actent_rng_seed(&r, 0);
    while (bench_running(st)) {
        for (size_t j = 1; j < n; j += 2) {
            b[j] = b[j - 1];
            f[j] = f[j - 1];
        }
        if (kind == T_U8_BLOCK)
            actent_shuffle_u8(&r, b, n);
        else if (kind == T_F32_BLOCK)
            actent_shuffle_f32(&r, f, n);
        else
            actent_rng_shuffle_f32(&r, f, n);
        bench_keep(b);
        bench_keep(f);
    }
    free(b);
    free(f);
    bench_items(st, (int64_t)n);
}

void bench_scale_register(void)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    static const int64_t threads[] = {1, 2, 4, 8, 16};
    for (int op = 0; op < ACT_COUNT; op++)
        for (size_t i = 0; i < act_ntables; i++) {
            struct pipe_case *c = bench_calloc(1, sizeof *c);
            if (!c)
                return;
            *c = (struct pipe_case){act_tables[i], (enum act_op)op, &bench_dists[0]};
            bench_add_threads(
                bench_strdup("fused_mt/%s/%s/%s", act_name(c->op), c->k->name, c->d->name),
                run_fused_mt, c, sizes, nsizes, threads, sizeof threads / sizeof threads[0]);
        }
    static const char *const names[] = {"u8/block", "f32/block", "f32/word"};
    for (int k = 0; k < 3; k++)
        bench_add(bench_strdup("transform/%s/unit", names[k]), run_transform, (void *)(intptr_t)k,
                  sizes, nsizes);
}
