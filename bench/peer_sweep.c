/* peer_sweep.c - actent-bench --sweep[=STRIDE]: every implementation the
 * benchmarks measure (tables, peers, libm, XNNPACK, oneDNN), activation by
 * activation, over every STRIDE-th float32 bit pattern (1: all 2^32), against
 * the scalar reference: the largest ULP distance, the first input reaching
 * it, and how many inputs lie beyond 2 ULP. `actent verify` measures the
 * tables and the kernel-side peers the same way; this adds the operator
 * libraries, which only the bench links. One JSON object per line on
 * standard output (actent.peer-sweep/1), progress on standard error. */
#include "peer_sweep.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_impl.h"
#include "ulp.h"

#define CHUNK 65536

struct sweep_stats {
    int64_t max_ulp;
    float worst_x, worst_got, worst_want;
    uint64_t inputs, beyond2, nan_mismatch;
    /* the same where input and reference are normal and finite (libraries
     * that flush subnormals or overflow in another order differ there) */
    int64_t max_ulp_normal;
    float worst_x_normal;
};

static bool normal(float v) { return isnormal(v) || v == 0.0f; }

static void sweep_one(const struct bench_impl *im, enum act_op op, uint64_t stride, float *x,
                      float *y, float *want, struct sweep_stats *s)
{
    struct bench_act a;
    char why[256];
    memset(s, 0, sizeof *s);
    if (bench_act_bind(&a, im, op, x, y, CHUNK, 1, 0, why, sizeof why) != 0) {
        s->max_ulp = -1;
        return;
    }
    for (uint64_t b = 0; b < (UINT64_C(1) << 32);) {
        size_t m = 0;
        for (; m < CHUNK && b < (UINT64_C(1) << 32); m++, b += stride) {
            uint32_t u = (uint32_t)b;
            memcpy(&x[m], &u, sizeof u);
        }
        for (size_t i = m; i < CHUNK; i++) /* a bound operator always runs CHUNK values */
            x[i] = 0.0f;
        bench_act_run(&a, 0);
        act_table_scalar.activate[op](x, want, m);
        for (size_t i = 0; i < m; i++) {
            if (isnan(x[i]))
                continue;
            s->inputs++;
            if (isnan(y[i]) || isnan(want[i])) {
                s->nan_mismatch += isnan(y[i]) != isnan(want[i]);
                continue;
            }
            int64_t d = (int64_t)actent_ulp_distance(y[i], want[i]);
            s->beyond2 += d > 2;
            if (normal(x[i]) && normal(want[i]) && d > s->max_ulp_normal) {
                s->max_ulp_normal = d;
                s->worst_x_normal = x[i];
            }
            if (d > s->max_ulp) {
                s->max_ulp = d;
                s->worst_x = x[i];
                s->worst_got = y[i];
                s->worst_want = want[i];
            }
        }
    }
    bench_act_unbind(&a);
}

int bench_peer_sweep(uint64_t stride, const char *only)
{
    float *x = malloc(CHUNK * sizeof *x), *y = malloc(CHUNK * sizeof *y);
    float *want = malloc(CHUNK * sizeof *want);
    if (!x || !y || !want) {
        fprintf(stderr, "actent-bench: --sweep: out of memory\n");
        free(x), free(y), free(want);
        return 1;
    }
    bench_impl_init();
    for (size_t i = 0; i < bench_nimpls(); i++) {
        const struct bench_impl *im = bench_impl_at(i);
        if ((only && strcmp(only, im->name) != 0) || im->table == &act_table_scalar ||
            !bench_impl_cpu_ok(im))
            continue;
        for (int op = 0; op < ACT_COUNT; op++) {
            if (!bench_impl_offers(im, (enum act_op)op))
                continue;
            struct sweep_stats s;
            fprintf(stderr, "sweep: %s/%s\n", act_name((enum act_op)op), im->name);
            sweep_one(im, (enum act_op)op, stride, x, y, want, &s);
            if (s.max_ulp < 0)
                continue;
            printf(
                "{\"schema\": \"actent.peer-sweep/1\", \"impl\": \"%s\", \"activation\": \"%s\", "
                "\"stride\": %" PRIu64 ", \"inputs\": %" PRIu64 ", \"max_ulp\": %" PRId64
                ", \"worst_input\": \"%a\", \"worst_got\": \"%a\", \"worst_want\": \"%a\", "
                "\"beyond_2_ulp\": %" PRIu64 ", \"nan_mismatch\": %" PRIu64
                ", \"max_ulp_normal\": %" PRId64 ", \"worst_input_normal\": \"%a\"}\n",
                im->name, act_name((enum act_op)op), stride, s.inputs, s.max_ulp, (double)s.worst_x,
                (double)s.worst_got, (double)s.worst_want, s.beyond2, s.nan_mismatch,
                s.max_ulp_normal, (double)s.worst_x_normal);
            fflush(stdout);
        }
    }
    free(x), free(y), free(want);
    return 0;
}
