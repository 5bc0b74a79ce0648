/* cpu.c - run-time CPU feature probes.
 * x86: CPUID says what the core has, XGETBV whether the OS saves the YMM
 * registers; both are needed before a single AVX instruction runs. */
#include "cpu.h"

#include <stdio.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <pthread.h>
#elif defined(__aarch64__)
#include <sys/auxv.h>
#ifndef HWCAP_ASIMD
#define HWCAP_ASIMD (1 << 1)
#endif
#endif

bool act_cpu_any(void) { return true; }

#if defined(__x86_64__)
static unsigned long long xgetbv0(void)
{
    unsigned eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (unsigned long long)edx << 32 | eax;
}

struct x86_features {
    bool os_ymm, avx, avx2, fma, avx512f, avx512dq, avx512bw, avx512vl, os_zmm, sse42;
};

static struct x86_features x86_probe_now(void)
{
    struct x86_features f = {0};
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return f;
    bool osxsave = c & (1u << 27);
    f.sse42 = c & (1u << 20);
    f.avx = c & (1u << 28);
    f.fma = c & (1u << 12);
    if (osxsave) {
        unsigned long long xcr0 = xgetbv0();
        f.os_ymm = (xcr0 & 0x6) == 0x6;   /* XMM and YMM state */
        f.os_zmm = (xcr0 & 0xe6) == 0xe6; /* XCR0 bits 1, 2, 5, 6, 7: and opmask, ZMM */
    }
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        f.avx2 = b & (1u << 5);
        f.avx512f = b & (1u << 16);
        f.avx512dq = b & (1u << 17);
        f.avx512bw = b & (1u << 30);
        f.avx512vl = b & (1u << 31);
    }
    return f;
}

/* Probed once per process: every public call checks its table's cpu_ok(), and
 * under a hypervisor each CPUID is a VM exit (about 7 us per call measured on
 * the KVM machine, more than relu over 4096 values), while the answer never
 * changes. */
static struct x86_features probed;
static pthread_once_t probe_once = PTHREAD_ONCE_INIT;

static void probe_store(void) { probed = x86_probe_now(); }

static struct x86_features x86_probe(void)
{
    pthread_once(&probe_once, probe_store);
    return probed;
}
#endif

bool act_cpu_avx2_fma(void)
{
#if defined(__x86_64__)
    struct x86_features f = x86_probe();
    return f.os_ymm && f.avx && f.avx2 && f.fma;
#else
    return false;
#endif
}

bool act_cpu_avx512(void)
{
#if defined(__x86_64__)
    struct x86_features f = x86_probe();
    return f.os_ymm && f.os_zmm && f.avx && f.avx2 && f.fma && f.avx512f && f.avx512dq &&
           f.avx512bw && f.avx512vl;
#else
    return false;
#endif
}

bool act_cpu_neon(void)
{
#if defined(__aarch64__)
    return (getauxval(AT_HWCAP) & HWCAP_ASIMD) != 0;
#else
    return false;
#endif
}

static void append(char *buf, size_t len, const char *name, bool on)
{
    size_t used = strlen(buf);
    if (on && used + 1 < len)
        snprintf(buf + used, len - used, "%s%s", used ? " " : "", name);
}

void act_cpu_features(char *buf, size_t len)
{
    if (len == 0)
        return;
    buf[0] = '\0';
#if defined(__x86_64__)
    struct x86_features f = x86_probe();
    append(buf, len, "sse4.2", f.sse42);
    append(buf, len, "avx", f.avx);
    append(buf, len, "avx2", f.avx2);
    append(buf, len, "fma", f.fma);
    append(buf, len, "avx512f", f.avx512f);
    append(buf, len, "avx512dq", f.avx512dq);
    append(buf, len, "avx512bw", f.avx512bw);
    append(buf, len, "avx512vl", f.avx512vl);
    append(buf, len, "os-ymm", f.os_ymm);
    append(buf, len, "os-zmm", f.os_zmm);
#elif defined(__aarch64__)
    /* the names /proc/cpuinfo uses; bits a C library may not name are skipped */
    unsigned long hw = getauxval(AT_HWCAP), hw2 = getauxval(AT_HWCAP2);
    append(buf, len, "asimd", hw & HWCAP_ASIMD);
#ifdef HWCAP_ASIMDHP
    append(buf, len, "asimdhp", hw & HWCAP_ASIMDHP);
#endif
#ifdef HWCAP_ASIMDDP
    append(buf, len, "asimddp", hw & HWCAP_ASIMDDP);
#endif
#ifdef HWCAP2_I8MM
    append(buf, len, "i8mm", hw2 & HWCAP2_I8MM);
#endif
#ifdef HWCAP2_BF16
    append(buf, len, "bf16", hw2 & HWCAP2_BF16);
#endif
#ifdef HWCAP_SVE
    append(buf, len, "sve", hw & HWCAP_SVE);
#endif
#ifdef HWCAP2_SVE2
    append(buf, len, "sve2", hw2 & HWCAP2_SVE2);
#endif
    (void)hw2;
#else
    append(buf, len, "none", true);
#endif
}

void act_cpu_missing(bool (*cpu_ok)(void), char *buf, size_t len)
{
    if (len == 0)
        return;
    buf[0] = '\0';
#if defined(__x86_64__)
    struct x86_features f = x86_probe();
    bool avx512 = cpu_ok == act_cpu_avx512;
    if (avx512 || cpu_ok == act_cpu_avx2_fma) {
        append(buf, len, "avx", !f.avx);
        append(buf, len, "avx2", !f.avx2);
        append(buf, len, "fma", !f.fma);
        append(buf, len, "os-ymm (the OS does not save YMM state: XCR0 bits 1, 2)", !f.os_ymm);
    }
    if (avx512) {
        append(buf, len, "avx512f", !f.avx512f);
        append(buf, len, "avx512dq", !f.avx512dq);
        append(buf, len, "avx512bw", !f.avx512bw);
        append(buf, len, "avx512vl", !f.avx512vl);
        append(buf, len, "os-zmm (the OS does not save opmask and ZMM state: XCR0 bits 5, 6, 7)",
               !f.os_zmm);
    }
#else
    (void)cpu_ok;
#endif
    if (buf[0] == '\0' && !cpu_ok())
        snprintf(buf, len, "a feature of this table");
}

void act_cpu_fp_mode(char *buf, size_t len)
{
#if defined(__x86_64__)
    /* MXCSR bit 15 is flush-to-zero, bit 6 denormals-are-zero */
    unsigned csr = __builtin_ia32_stmxcsr();
    snprintf(buf, len, "FTZ %s, DAZ %s (MXCSR 0x%04x)", csr & 0x8000 ? "on" : "off",
             csr & 0x40 ? "on" : "off", csr);
#elif defined(__aarch64__)
    /* FPCR bit 24 flushes denormal inputs and outputs alike */
    unsigned long fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    snprintf(buf, len, "FZ %s (FPCR 0x%08lx)", fpcr & (1ul << 24) ? "on" : "off", fpcr);
#else
    snprintf(buf, len, "unknown on this architecture");
#endif
}
