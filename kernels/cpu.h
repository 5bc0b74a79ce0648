/* cpu.h - what this CPU can run; the only place that asks it. */
#ifndef ACT_CPU_H
#define ACT_CPU_H

#include <stdbool.h>
#include <stddef.h>

bool act_cpu_any(void);
/* x86-64: AVX2 and FMA in CPUID, and the OS saves YMM state (XGETBV) */
bool act_cpu_avx2_fma(void);
/* x86-64: AVX-512 F, DQ, BW, VL, AVX2 and FMA in CPUID, and the OS saves YMM, opmask and ZMM
 * state (XGETBV: XCR0 bits 1, 2, 5, 6, 7) */
bool act_cpu_avx512(void);
/* aarch64: Advanced SIMD (always present on AArch64; read from AT_HWCAP) */
bool act_cpu_neon(void);

/* A space-separated list of the CPU features actent cares about. */
void act_cpu_features(char *buf, size_t len);

/* What a table's probe (its cpu_ok) misses on this CPU, space-separated: CPUID features and
 * OS register state by name; empty when it runs here. */
void act_cpu_missing(bool (*cpu_ok)(void), char *buf, size_t len);

/* The calling thread's float environment as it affects results: whether
 * denormals are flushed (x86: MXCSR FTZ and DAZ; aarch64: FPCR FZ), e.g.
 * "FTZ off, DAZ off (MXCSR 0x1f80)". */
void act_cpu_fp_mode(char *buf, size_t len);

#endif
