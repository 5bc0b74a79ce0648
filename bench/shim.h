/* shim.h - the whole C view of Google Benchmark.
 *
 * Every benchmark body is C and sees only this header; shim.cc is the one
 * C++ file that talks to the library. A body is registered once per size and
 * runs its timed loop on bench_running(); counters are set after the loop. */
#ifndef ACTENT_BENCH_SHIM_H
#define ACTENT_BENCH_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bench_state; /* wraps benchmark::State */
struct bench_loop;
typedef void (*bench_fn)(struct bench_state *st, void *ctx);

/* Registers "<name>/<n>" for each n in sizes, timed in microseconds of CPU
 * time, with min and max among the aggregates beside mean, median, stddev, cv.
 * ctx must live as long as the program. */
void bench_add(const char *name, bench_fn fn, void *ctx, const int64_t *sizes, size_t nsizes);

/* Registers "<name>/<n>/<t>" for each n in sizes and t in threads, for work
 * that runs on t threads: timed in wall-clock microseconds. */
void bench_add_threads(const char *name, bench_fn fn, void *ctx, const int64_t *sizes,
                       size_t nsizes, const int64_t *threads, size_t nthreads);
/* the thread count a bench_add_threads run was registered with */
int64_t bench_threads(const struct bench_state *st);

/* true while the timed loop should go on (KeepRunning) */
bool bench_running(struct bench_state *st);
/* the size this run was registered with */
int64_t bench_n(const struct bench_state *st);
/* iterations the timed loop ran */
int64_t bench_iterations(const struct bench_state *st);
/* CPU time and cycles recorded around the timed loop (bench_util.h) */
const struct bench_loop *bench_loop_of(const struct bench_state *st);

/* per iteration: elements processed and bytes moved, reported as rates */
void bench_items(struct bench_state *st, int64_t items);
void bench_bytes(struct bench_state *st, int64_t bytes);
/* a counter reported as it is (averaged over repetitions) */
void bench_counter(struct bench_state *st, const char *name, double value);
void bench_label(struct bench_state *st, const char *label);
/* ends the run without a result and says why (an unrunnable table, a missing kernel) */
void bench_skip(struct bench_state *st, const char *why);

/* keeps the compiler from discarding what p points to */
void bench_keep(const void *p);

/* a key/value pair in the output's context */
void bench_context(const char *key, const char *value);

#ifdef __cplusplus
}
#endif

#endif
