/* bench_pin.c - the benchmark thread on one CPU (actent-bench --pin[=CPU]):
 * with two vCPUs, a thread the scheduler moves between them pays cold caches
 * and branch predictors in some repetitions and not others, which shows as
 * spread. The threaded rows (fused_mt) must spread, and worker threads
 * inherit the mask of the thread that creates them, so they run with the
 * mask the process started with (bench_unpin ... bench_repin). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include "bench_util.h"

static cpu_set_t start_mask; /* the process's mask before --pin */
static int pinned = -1;

int bench_pin(int cpu, char *why, size_t len)
{
    if (pthread_getaffinity_np(pthread_self(), sizeof start_mask, &start_mask) != 0) {
        snprintf(why, len, "cannot read the CPU mask");
        return -1;
    }
    if (cpu < 0) /* the last CPU the process may run on: usually the least busy */
        for (int c = CPU_SETSIZE - 1; c >= 0 && cpu < 0; c--)
            if (CPU_ISSET(c, &start_mask))
                cpu = c;
    if (cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &start_mask)) {
        snprintf(why, len, "CPU %d is not one this process may run on", cpu);
        return -1;
    }
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    int e = pthread_setaffinity_np(pthread_self(), sizeof one, &one);
    if (e != 0) {
        snprintf(why, len, "cannot pin to CPU %d: %s", cpu, strerror(e));
        return -1;
    }
    pinned = cpu;
    return 0;
}

int bench_pinned_cpu(void) { return pinned; }

void bench_unpin(void)
{
    if (pinned >= 0)
        pthread_setaffinity_np(pthread_self(), sizeof start_mask, &start_mask);
}

void bench_repin(void)
{
    if (pinned < 0)
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(pinned, &one);
    pthread_setaffinity_np(pthread_self(), sizeof one, &one);
}
