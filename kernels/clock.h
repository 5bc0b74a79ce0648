/* clock.h - a workload whose cycle count is known, to measure the core clock.
 *
 * Without hardware counters (virtual machines rarely expose them) cycles per
 * element come from time and the core's frequency, and the frequency must be
 * measured, not read: the TSC ticks at a fixed rate that need not be the
 * core's (2.445 GHz against a core near 3.2 GHz on the machine this was
 * written on). A chain of dependent integer adds retires exactly one add per
 * cycle on every core this project targets, so timing the chain gives the clock. */
#ifndef ACT_CLOCK_H
#define ACT_CLOCK_H

#include <stdint.h>

/* adds in one block of the chain */
#define ACT_CLOCK_BLOCK 64

/* Runs blocks * ACT_CLOCK_BLOCK dependent adds; the result only keeps them alive. */
uint64_t act_clock_chain(uint64_t blocks);

#endif
