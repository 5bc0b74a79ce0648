/* bench_util.h - what every benchmark family shares: sizes, seeded inputs
 * laid out for rotation, scalar reference outputs, the core clock and the
 * counters every row carries.
 *
 * Inputs. Each distribution (unit = U(-1, 1), the notebook's; wide =
 * U(-10, 10), which reaches the saturation paths) is one seeded stream of
 * float32 values drawn as numpy draws them (np.random.RandomState(seed)
 * .uniform(lo, hi, n).astype(np.float32)), an exact zero replaced by hi / 2.
 * A benchmark of n elements reads window w = [w * n, (w + 1) * n) of it,
 * one window per iteration, over bench_windows(n) windows. Sizes whose input
 * and output exceed the caches rotate both over a span of BENCH_SPAN values,
 * so they measure memory rather than a warm cache. Small sizes rotate their
 * input too, over BENCH_FRESH values that stay in L2, and rewrite one output
 * window: replaying the same few thousand values lets a modern branch
 * predictor learn them (measured on Zen 5: scalar elu at n = 4096 takes 1.7
 * ns per element replayed, 5.2 over 8 windows, 6.9 over 16, 7.2 over 64),
 * which no real use of an activation enjoys. Keeping the output to one window
 * keeps the L2 half empty: with input and output both rotating (512 KiB of a
 * 1 MiB L2) some runs of the same row were 15 % slower than others, by where
 * the pages happened to land. Window 0 of every size is a prefix of the same
 * stream, so every implementation sees identical values. */
#ifndef ACTENT_BENCH_UTIL_H
#define ACTENT_BENCH_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../kernels/kernels.h"
#include "experiment.h"
#include "shim.h"

/* ---- sizes */
#define BENCH_SPAN ((size_t)1 << 24)         /* floats per distribution: 64 MiB */
#define BENCH_ROTATE_BYTES ((size_t)4 << 20) /* rotate when in + out exceed this */
#define BENCH_FRESH ((size_t)1 << 16)        /* values read before any repeats */
#define BENCH_MAX_WINDOWS 64                 /* bench_windows() never returns more */
#define BENCH_ULP_MAX ((size_t)1 << 20)      /* values checked for max_ulp */
#define BENCH_SMOKE_N 100                    /* --smoke: one tiny size, with a vector tail */

void bench_set_smoke(bool on);

/* bench_pin.c: pin the calling (benchmark) thread to cpu, or to the last CPU
 * of the process's mask when cpu < 0; 0, or -1 with why. bench_unpin gives
 * the calling thread the process's starting mask back (for rows that start
 * worker threads), bench_repin pins it again; both do nothing unpinned. */
int bench_pin(int cpu, char *why, size_t len);
int bench_pinned_cpu(void); /* -1 when not pinned */
void bench_unpin(void);
void bench_repin(void);
bool bench_smoke(void);
/* 4096, 65536, 1048576, 16777216 (or the smoke size) */
const int64_t *bench_sizes(size_t *count);
/* the notebook's size only (or the smoke size) */
const int64_t *bench_sizes_notebook(size_t *count);
size_t bench_windows(size_t n);
/* Distance between the output windows of a size: n where the size rotates
 * through memory, 0 (one output window, rewritten) where only the input
 * rotates to keep the branch predictor from learning it: the output then
 * stays in L1 and the L2 holds the inputs alone. */
size_t bench_out_step(size_t n);

/* ---- inputs */
struct bench_dist {
    const char *name;
    double lo, hi;
    uint32_t seed;
};
#define BENCH_NDISTS 2
extern const struct bench_dist bench_dists[BENCH_NDISTS];

/* The first `count` values (count <= BENCH_SPAN) of the distribution's
 * stream, 64-byte aligned, at an address stable for the program's life; a
 * benchmark of n elements asks for bench_windows(n) * n. NULL when memory is short. */
const float *bench_x(const struct bench_dist *d, size_t count);
/* Scratch output of `count` floats, written once before first use so that no
 * page fault lands in a timed loop. */
float *bench_y(size_t count);
/* The scalar table's op(x) over the first `count` values of bench_x(d, .). */
const float *bench_ref(enum act_op op, const struct bench_dist *d, size_t count);
/* lo, hi of each of the bench_windows(n) windows of n values (2 floats per
 * window, scalar minmax): of the input, and of the scalar op(input) */
const float *bench_x_ranges(const struct bench_dist *d, size_t n);
const float *bench_ref_ranges(enum act_op op, const struct bench_dist *d, size_t n);

/* Room for the counts of one histogram (BENCH_BINS ... 64 bins), at the same
 * address in every run: a buffer on the stack moves with the stack's random
 * offset, and with it which input addresses its stores seem to alias (cores
 * match loads to stores by the low 12 address bits), so run-to-run timings
 * would differ for a reason unrelated to the code measured. */
uint64_t *bench_counts(void);

/* ---- accuracy */
struct bench_ulp {
    double max_ulp;    /* ordered-integer distance; +0 and -0 are 0 apart */
    uint64_t nan_diff; /* values where exactly one side is NaN */
};
/* y against the scalar reference of the same n values of window 0 */
struct bench_ulp bench_ulp_check(enum act_op op, const struct bench_dist *d, const float *y,
                                 size_t n);

/* ---- the clock and the counters every row carries */
/* Core clock in GHz from a dependent-add chain timed on this thread's CPU
 * clock: measured when first asked, re-measured when older than a second. */
double bench_clock_ghz(void);
/* How cycles are obtained, decided once: a hardware cycle counter for this
 * thread where the machine has one (or where ACTENT_BENCH_CYCLES names
 * another source), else the measured clock. In words, for the context. */
void bench_cycles_init(void);
const char *bench_cycles_source(void);

/* What the shim records around each timed loop: this thread's CPU time (the
 * clock Google Benchmark reports) and, where a counter is open, cycles. */
struct bench_loop {
    double cpu_s;
    uint64_t cycles;
};
void bench_loop_begin(struct bench_loop *l);
void bench_loop_end(struct bench_loop *l);

/* After the timed loop: items and bytes per iteration as rates, ns and
 * cycles per element, and the clock used for the cycles. */
void bench_finish(struct bench_state *st, int64_t items, int64_t bytes);

/* ---- a registry of strings the families keep for the program's life */
const char *bench_strdup(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *bench_calloc(size_t n, size_t size);

#endif
