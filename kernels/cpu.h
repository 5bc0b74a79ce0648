/* cpu.h - what this CPU can run; the only place that asks it. */
#ifndef ACT_CPU_H
#define ACT_CPU_H

#include <stdbool.h>
#include <stddef.h>

bool act_cpu_any(void);

/* A space-separated list of the CPU features actent cares about. */
void act_cpu_features(char *buf, size_t len);

#endif
