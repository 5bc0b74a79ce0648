/* peer_sweep.h - every implementation's ULP error over float32 bit patterns
 * (actent-bench --sweep). */
#ifndef ACTENT_PEER_SWEEP_H
#define ACTENT_PEER_SWEEP_H

#include <stdint.h>

/* every stride-th bit pattern (1: all 2^32); only: one implementation's name,
 * or NULL for all. 0, or 1 when memory is short. */
int bench_peer_sweep(uint64_t stride, const char *only);

#endif
