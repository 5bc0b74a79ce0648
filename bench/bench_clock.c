/* bench_clock.c - cycles per element without trusting the TSC.
 *
 * Where the machine has a hardware cycle counter (perf_event_open works for
 * PERF_COUNT_HW_CPU_CYCLES), the shim reads it around each timed loop. Where
 * it has none (virtual machines, as a rule), the core clock is measured in
 * the same process: a chain of dependent adds (kernels/clock.c) retires one
 * add per cycle, so adds / seconds is the clock. Seconds are this thread's
 * CPU time, the same clock Google Benchmark reports by default, so a row's
 * CPU time times the clock is its cycles. The clock is re-measured when
 * older than a second, and every row records the value it used. */
#include <errno.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../kernels/clock.h"
#include "bench_util.h"

#define SAMPLES 5
#define MAX_MEASURES 4096

static double seconds(clockid_t c)
{
    struct timespec t;
    clock_gettime(c, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static volatile uint64_t sink;

static double chain_ghz(uint64_t blocks)
{
    double t0 = seconds(CLOCK_THREAD_CPUTIME_ID);
    sink ^= act_clock_chain(blocks);
    double t1 = seconds(CLOCK_THREAD_CPUTIME_ID);
    return t1 > t0 ? (double)(blocks * ACT_CLOCK_BLOCK) / (t1 - t0) * 1e-9 : 0.0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double measures[MAX_MEASURES];
static size_t nmeasures;
static double last_ghz, last_at = -1e9;

double bench_clock_ghz(void)
{
    double now = seconds(CLOCK_MONOTONIC);
    if (now - last_at < 1.0)
        return last_ghz;
    /* about 1 ms per sample at 3 GHz (0.1 ms in smoke runs); median of five
     * after one to wake the core up */
    uint64_t blocks = bench_smoke() ? 5000 : 50000;
    double s[SAMPLES];
    chain_ghz(blocks);
    for (int i = 0; i < SAMPLES; i++)
        s[i] = chain_ghz(blocks);
    qsort(s, SAMPLES, sizeof s[0], cmp_double);
    last_ghz = s[SAMPLES / 2];
    last_at = seconds(CLOCK_MONOTONIC);
    if (nmeasures < MAX_MEASURES)
        measures[nmeasures++] = last_ghz;
    return last_ghz;
}

/* ---- a hardware counter, where there is one */

static int cycles_fd = -1;
static char source[512];

void bench_cycles_init(void)
{
    const char *want = getenv("ACTENT_BENCH_CYCLES");
    bool task_clock = want && strcmp(want, "perf-task-clock") == 0;
    if (want && strcmp(want, "clock") == 0) {
        snprintf(source, sizeof source,
                 "core clock measured in this run by a dependent-add chain (one add per cycle) "
                 "timed on thread CPU time; cycles = CPU time x clock (ACTENT_BENCH_CYCLES=clock)");
        return;
    }
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    a.size = sizeof a;
    /* the task clock (nanoseconds) exercises the same path on machines without counters */
    a.type = task_clock ? PERF_TYPE_SOFTWARE : PERF_TYPE_HARDWARE;
    a.config = task_clock ? PERF_COUNT_SW_TASK_CLOCK : PERF_COUNT_HW_CPU_CYCLES;
    a.disabled = 1;
    a.exclude_kernel = 1;
    a.exclude_hv = 1;
    long fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
    if (fd >= 0) {
        cycles_fd = (int)fd;
        snprintf(source, sizeof source, "%s",
                 task_clock ? "perf task clock in ns, standing in for cycles "
                              "(ACTENT_BENCH_CYCLES=perf-task-clock: a test of the counter path)"
                            : "hardware cycle counter (perf_event PERF_COUNT_HW_CPU_CYCLES, "
                              "user mode) read around each timed loop");
        return;
    }
    snprintf(source, sizeof source,
             "core clock measured in this run by a dependent-add chain (one add per cycle) "
             "timed on thread CPU time; cycles = CPU time x clock. No hardware cycle counter "
             "here (perf_event_open: %s); the TSC is not used: its rate need not be the core's",
             strerror(errno));
}

const char *bench_cycles_source(void) { return source; }

void bench_loop_begin(struct bench_loop *l)
{
    if (cycles_fd >= 0) {
        ioctl(cycles_fd, PERF_EVENT_IOC_RESET, 0);
        ioctl(cycles_fd, PERF_EVENT_IOC_ENABLE, 0);
    }
    l->cycles = 0;
    l->cpu_s = seconds(CLOCK_THREAD_CPUTIME_ID);
}

void bench_loop_end(struct bench_loop *l)
{
    l->cpu_s = seconds(CLOCK_THREAD_CPUTIME_ID) - l->cpu_s;
    if (cycles_fd >= 0) {
        uint64_t v;
        ioctl(cycles_fd, PERF_EVENT_IOC_DISABLE, 0);
        l->cycles = read(cycles_fd, &v, sizeof v) == (ssize_t)sizeof v ? v : 0;
    }
}

void bench_finish(struct bench_state *st, int64_t items, int64_t bytes)
{
    double ghz = bench_clock_ghz();
    const struct bench_loop *l = bench_loop_of(st);
    double elems = (double)bench_iterations(st) * (double)items;
    bench_items(st, items);
    if (bytes > 0)
        bench_bytes(st, bytes);
    if (elems <= 0.0)
        return;
    bench_counter(st, "ns_per_elem", l->cpu_s * 1e9 / elems);
    if (cycles_fd >= 0 && l->cycles > 0)
        bench_counter(st, "cycles_per_elem", (double)l->cycles / elems);
    else
        bench_counter(st, "cycles_per_elem", l->cpu_s * 1e9 * ghz / elems);
    bench_counter(st, "core_ghz", ghz);
    /* the bytes the rotation walks over: x's windows, and y's when it
     * rotates too (else one window rewritten): what says which cache level
     * the row ran from (the report compares it with the machine's caches) */
    size_t n = (size_t)items, w = bench_windows(n);
    double fp = (double)(w * n) * sizeof(float);
    fp += (double)(bench_out_step(n) ? w * n : n) * sizeof(float);
    bench_counter(st, "footprint_bytes", fp);
}
