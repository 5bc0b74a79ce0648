/* bench_impl.h - every implementation the families measure, in one list:
 * the kernel tables (act_tables[]), the kernel-side peers (act_peers[]), plain
 * libm, and the operator libraries this build found. A new table or peer
 * appears in every family without touching bench/. */
#ifndef ACTENT_BENCH_IMPL_H
#define ACTENT_BENCH_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "../kernels/kernels.h"
#include "peers/peers.h"

struct bench_impl {
    const char *name;                /* the <impl> of benchmark names */
    const struct act_kernels *table; /* a kernel table, or NULL */
    const struct act_peer *peer;     /* a peer with plain functions, or NULL */
    const struct bench_lib *lib;     /* an operator library, or NULL */
};

/* Builds the list once (initialising the libraries); the libraries that
 * failed to start are left out and reported in the context. */
void bench_impl_init(void);
size_t bench_nimpls(void);
const struct bench_impl *bench_impl_at(size_t i);

/* can this CPU run it? (tables and peers say; a library that started can) */
bool bench_impl_cpu_ok(const struct bench_impl *im);
/* does it offer op at all (a table always does, even with a missing kernel) */
bool bench_impl_offers(const struct bench_impl *im, enum act_op op);

/* Computes op over `nwin` windows of n values (x + w * n -> y + w * ystep),
 * one window per call of bench_act_run: plain functions directly, libraries
 * through handles bound before the timed loop. */
struct bench_act {
    const struct bench_impl *im;
    enum act_op op;
    act_unary_fn fn;
    void **handles;
    const float *x;
    float *y;
    size_t n, nwin, ystep;
};

/* 0, or -1 with why (a missing kernel, a library that refused) */
int bench_act_bind(struct bench_act *a, const struct bench_impl *im, enum act_op op, const float *x,
                   float *y, size_t n, size_t nwin, size_t ystep, char *why, size_t len);
static inline void bench_act_run(const struct bench_act *a, size_t w)
{
    if (a->fn)
        a->fn(a->x + w * a->n, a->y + w * a->ystep, a->n);
    else
        a->im->lib->run(a->handles[w]);
}
void bench_act_unbind(struct bench_act *a);

/* one line per implementation for the context: what it is, what it runs on */
void bench_impl_describe(const struct bench_impl *im, char *buf, size_t len);
/* why libraries were left out ("" if none) */
const char *bench_impl_missing(void);

#endif
