/* peers.h - peers reached through libraries' own C APIs (no ISA code here).
 *
 * Plain libm is a struct act_peer like the kernel-side ones. Operator
 * libraries (XNNPACK, oneDNN) hold state per operation, so they are bound to
 * their buffers before the timed loop and run inside it; everything they
 * allocate is made at bind time. Each runs single-threaded on the calling thread. */
#ifndef ACTENT_BENCH_PEERS_H
#define ACTENT_BENCH_PEERS_H

#include <stdbool.h>
#include <stddef.h>

#include "../../kernels/kernels.h"

extern const struct act_peer bench_peer_libm;

struct bench_lib {
    const char *name; /* the <impl> of its benchmark names */
    /* 0 when the library is ready; else -1 and why. Called once. */
    int (*init)(char *why, size_t len);
    /* version and the instructions it chose, once init succeeded */
    void (*describe)(char *buf, size_t len);
    bool (*has)(enum act_op op);
    /* A handle that computes op(x[0..n)) into y each time run is called;
     * NULL with why on failure. */
    void *(*bind)(enum act_op op, const float *x, float *y, size_t n, char *why, size_t len);
    void (*run)(void *h);
    void (*unbind)(void *h);
    /* optional: which of its implementations the library chose for h */
    const char *(*impl)(void *h);
};

/* the libraries this build found (configure says which) */
extern const struct bench_lib *const bench_libs[];
extern const size_t bench_nlibs;

#endif
