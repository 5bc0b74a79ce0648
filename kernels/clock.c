/* clock.c - the dependent-add chain behind the core clock measurement.
 * Each block is ACT_CLOCK_BLOCK adds into one register, each needing the
 * previous result; the loop counter runs on another register in parallel, so
 * a block costs ACT_CLOCK_BLOCK cycles. The added value sits in a register,
 * not an immediate, so no core can fold the chain into fewer operations. */
#include "clock.h"

uint64_t act_clock_chain(uint64_t blocks)
{
    uint64_t acc = 0, one = 1;
    for (uint64_t b = 0; b < blocks; b++) {
#if defined(__x86_64__)
        __asm__ volatile(".rept 64\n\taddq %1, %0\n\t.endr" : "+r"(acc) : "r"(one));
#elif defined(__aarch64__)
        __asm__ volatile(".rept 64\n\tadd %0, %0, %1\n\t.endr" : "+r"(acc) : "r"(one));
#else
        /* the empty asm makes each add wait for the previous one */
        for (int i = 0; i < ACT_CLOCK_BLOCK; i++) {
            acc += one;
            __asm__ volatile("" : "+r"(acc));
        }
#endif
    }
    return acc;
}
