/* bench_context.c - what a reader needs to trust or reproduce the numbers:
 * the machine, the build, every table and peer, and how each counter was
 * obtained. Google Benchmark adds its own (host, CPUs, caches, load). */
#include <gnu/libc-version.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../kernels/cpu.h"
#include "bench_families.h"
#include "bench_git.h"
#include "bench_impl.h"
#include "bench_util.h"
#include "build_info.h"
#include "machine.h"

static void ctx(const char *key, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void ctx(const char *key, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    bench_context(key, buf);
}

static void governor(char *buf, size_t len)
{
    FILE *f = fopen("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "r");
    if (!f || !fgets(buf, (int)len, f))
        snprintf(buf, len, "not readable (no cpufreq in /sys: a virtual machine, or no driver)");
    else
        buf[strcspn(buf, "\n")] = '\0';
    if (f)
        fclose(f);
}

static void machine(void)
{
    char buf[4096];
    actent_cpu_model(buf, sizeof buf);
    ctx("actent_cpu_model", "%s", buf);
    actent_machine_id(buf, sizeof buf);
    ctx("actent_machine", "%s", buf);
    act_cpu_features(buf, sizeof buf);
    ctx("actent_cpu_features", "%s", buf);
    actent_cpuinfo("flags", buf, sizeof buf);
    if (!buf[0])
        actent_cpuinfo("Features", buf, sizeof buf);
    ctx("actent_cpu_flags", "%s", buf);
    act_cpu_fp_mode(buf, sizeof buf);
    ctx("actent_fp_mode", "%s", buf);
    governor(buf, sizeof buf);
    ctx("actent_governor", "%s", buf);
    ctx("actent_cycles", "%s", bench_cycles_source());
    ctx("actent_core_ghz_at_start", "%.4f", bench_clock_ghz());
}

static void build(void)
{
    ctx("actent_git", "%s", ACTENT_BENCH_GIT);
    ctx("actent_compiler", "C: %s, C++ (the shim only): %s", ACTENT_BENCH_C_COMPILER,
        ACTENT_BENCH_CXX_COMPILER);
    ctx("actent_build_type", "%s", ACTENT_BENCH_BUILD_TYPE);
    ctx("actent_c_flags", "%s", ACTENT_BENCH_C_FLAGS);
    ctx("actent_isa_flags", "%s", ACTENT_BENCH_ISA_FLAGS);
    ctx("actent_versions", "SLEEF %s; Google Benchmark %s; glibc %s (libm, libmvec)",
        ACTENT_BENCH_SLEEF, ACTENT_BENCH_GBENCH, gnu_get_libc_version());
}

static void implementations(void)
{
    char names[1024] = "", buf[1024];
    for (size_t i = 0; i < bench_nimpls(); i++) {
        const struct bench_impl *im = bench_impl_at(i);
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", im->name);
        bench_impl_describe(im, buf, sizeof buf);
        ctx(bench_strdup("actent_impl_%s", im->name), "%s", buf);
    }
    ctx("actent_impls", "%s (tables first, best first; then peers)", names);
    ctx("actent_peer_libraries", "found at configure: %s; not built: %s",
        ACTENT_BENCH_PEERS_FOUND[0] ? ACTENT_BENCH_PEERS_FOUND : "none",
        ACTENT_BENCH_PEERS_MISSING[0] ? ACTENT_BENCH_PEERS_MISSING : "none");
    if (bench_impl_missing()[0])
        ctx("actent_peer_failures", "%s", bench_impl_missing());
}

static void method(void)
{
    char dists[512] = "";
    for (size_t d = 0; d < BENCH_NDISTS; d++) {
        size_t used = strlen(dists);
        snprintf(dists + used, sizeof dists - used,
                 "%s%s = np.random.RandomState(%u).uniform(%g, %g).astype(float32)",
                 used ? "; " : "", bench_dists[d].name, (unsigned)bench_dists[d].seed,
                 bench_dists[d].lo, bench_dists[d].hi);
    }
    ctx("actent_inputs",
        "%s; one stream per input, an exact zero replaced by hi/2; every "
        "implementation reads the same values",
        dists);
    ctx("actent_rotation",
        "every iteration reads the next window [w*n, (w+1)*n) of the input stream: sizes whose "
        "input plus output exceed %zu MiB rotate input and output over %zu MiB of input (%zu "
        "windows at 1048576, %zu at 16777216, whose %zu MiB of input and output already exceed "
        "the last-level cache); smaller sizes rotate the input over %zu values (%zu windows at "
        "4096), so the branch predictor cannot learn the data, and rewrite one output window, "
        "so the data stays in L2 with room to spare",
        BENCH_ROTATE_BYTES >> 20, BENCH_SPAN * sizeof(float) >> 20, bench_windows(1048576),
        bench_windows(16777216), (size_t)16777216 * 2 * sizeof(float) >> 20, BENCH_FRESH,
        bench_windows(4096));
    ctx("actent_timing", "one thread; CPU time; repetitions and their median, mean, stddev, "
                         "cv, min and max as aggregates (the repetitions themselves too with "
                         "--benchmark_display_aggregates_only=true, as scripts/bench runs it); "
                         "--benchmark_enable_random_interleaving spreads the repetitions of "
                         "all rows over the run");
    ctx("actent_counters",
        "ns_per_elem = this thread's CPU time over the timed loop / (iterations * n); "
        "cycles_per_elem as actent_cycles says; "
        "core_ghz = the clock used for that row; bytes_per_second counts the passes over "
        "memory the row's algorithm needs (activate: read x, write y; unfused and composed: "
        "four passes; fused: two reads (the input scan, the fused pass); minmax, histogram, "
        "read: one read)");
    ctx("actent_max_ulp",
        "activate rows: largest ordered-integer distance (+0 and -0 equal) "
        "from the scalar table over the first min(n, %zu) input values; "
        "nan_diff counts values where only one side is NaN",
        BENCH_ULP_MAX);
    ctx("actent_fused", "fused rows: every pass of one call is timed, the input scan (min and "
                        "max; for gelu, gelu_tanh, silu, mish and hardswish also the samples "
                        "near the turn, in the same pass) and the fused pass; the output range "
                        "is predicted from the scan and checked; counters passes (2: the "
                        "prediction missed) and proven (the scan proved the minimum)");
    ctx("actent_read", "read rows: the input's bit patterns summed as 32-bit integers, "
                       "16 independent sums, compiled for the baseline ISA: the memory's "
                       "floor where the input streams from memory; in cache, a table's "
                       "min/max may read faster");
    ctx("actent_histograms",
        "%d bins, np.linspace(min, max, %d) edges on the data's own range "
        "(given-edges semantics), edges built outside the timed loop in "
        "histogram rows and inside it in pipeline rows",
        BENCH_BINS, BENCH_BINS + 1);
    ctx("actent_analysis",
        "analysis rows: actent_experiment_analyse on the notebook's sample "
        "(seed 0, U(-1, 1), n = %d) through one table, all 11 activations; "
        "notebook = with the copy-neighbour transform (200 iterations), "
        "no-transform = 0 iterations",
        ACTENT_NOTEBOOK_N);
    if (bench_smoke())
        ctx("actent_smoke", "smoke run: every size is %d; numbers are not measurements",
            BENCH_SMOKE_N);
}

void bench_context_add(void)
{
    machine();
    build();
    implementations();
    method();
}
