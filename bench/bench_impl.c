/* bench_impl.c - the list of implementations, built from the registries. */
#include "bench_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IMPLS 64

static struct bench_impl impls[MAX_IMPLS];
static size_t nimpls;
static char lib_info[MAX_IMPLS][512];
static char missing[1024];

static void add(struct bench_impl im)
{
    if (nimpls < MAX_IMPLS)
        impls[nimpls++] = im;
}

void bench_impl_init(void)
{
    if (nimpls)
        return;
    for (size_t i = 0; i < act_ntables; i++)
        add((struct bench_impl){act_tables[i]->name, act_tables[i], NULL, NULL});
    for (size_t i = 0; i < act_npeers; i++)
        add((struct bench_impl){act_peers[i]->name, NULL, act_peers[i], NULL});
    add((struct bench_impl){bench_peer_libm.name, NULL, &bench_peer_libm, NULL});
    for (size_t i = 0; i < bench_nlibs; i++) {
        const struct bench_lib *l = bench_libs[i];
        char why[256];
        if (l->init(why, sizeof why) != 0) {
            size_t used = strlen(missing);
            snprintf(missing + used, sizeof missing - used, "%s%s: %s", used ? "; " : "", l->name,
                     why);
            continue;
        }
        l->describe(lib_info[nimpls], sizeof lib_info[nimpls]);
        add((struct bench_impl){l->name, NULL, NULL, l});
    }
}

size_t bench_nimpls(void) { return nimpls; }

const struct bench_impl *bench_impl_at(size_t i) { return i < nimpls ? &impls[i] : NULL; }

bool bench_impl_cpu_ok(const struct bench_impl *im)
{
    if (im->table)
        return im->table->cpu_ok();
    if (im->peer)
        return im->peer->cpu_ok();
    return true;
}

bool bench_impl_offers(const struct bench_impl *im, enum act_op op)
{
    if (im->table)
        return true;
    if (im->peer)
        return im->peer->activate[op] != NULL;
    return im->lib->has(op);
}

int bench_act_bind(struct bench_act *a, const struct bench_impl *im, enum act_op op, const float *x,
                   float *y, size_t n, size_t nwin, size_t ystep, char *why, size_t len)
{
    *a = (struct bench_act){im, op, NULL, NULL, x, y, n, nwin, ystep};
    if (im->table || im->peer) {
        a->fn = im->table ? im->table->activate[op] : im->peer->activate[op];
        if (!a->fn) {
            snprintf(why, len, "%s has no %s kernel", im->name, act_name(op));
            return -1;
        }
        return 0;
    }
    a->handles = calloc(nwin, sizeof *a->handles);
    if (!a->handles) {
        snprintf(why, len, "out of memory");
        return -1;
    }
    for (size_t w = 0; w < nwin; w++) {
        a->handles[w] = im->lib->bind(op, x + w * n, y + w * ystep, n, why, len);
        if (!a->handles[w]) {
            bench_act_unbind(a);
            return -1;
        }
    }
    return 0;
}

void bench_act_unbind(struct bench_act *a)
{
    if (a->handles) {
        for (size_t w = 0; w < a->nwin && a->handles[w]; w++)
            a->im->lib->unbind(a->handles[w]);
        free(a->handles);
    }
    a->handles = NULL;
}

void bench_impl_describe(const struct bench_impl *im, char *buf, size_t len)
{
    if (im->table)
        snprintf(buf, len, "kernel table: %s; %s", im->table->detail,
                 im->table->cpu_ok() ? "runs here" : "cannot run here");
    else if (im->peer)
        snprintf(buf, len, "peer: %s; %s", im->peer->isa,
                 im->peer->cpu_ok() ? "runs here" : "cannot run here");
    else
        snprintf(buf, len, "peer: %s", lib_info[im - impls]);
}

const char *bench_impl_missing(void) { return missing; }
