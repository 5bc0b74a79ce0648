// bench_main.cc - actent-bench: every family, every runnable table, every peer.
//
//   actent-bench [--smoke] [--benchmark_* flags]   run (see --help)
//   actent-bench --clock                           print the measured core clock in GHz
//
// --smoke runs each benchmark at one tiny size: a test that every family
// works, not a measurement.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" {
#include "bench_families.h"
#include "bench_impl.h"
#include "bench_util.h"
#include "peer_sweep.h"
}

namespace
{

void usage()
{
    std::printf(
        "actent-bench: throughput of every kernel table and peer (Google Benchmark)\n"
        "  --smoke          each benchmark once at a tiny size (a test, not a measurement)\n"
        "  --clock          print the core clock measured by a dependent-add chain, in GHz\n"
        "  --sweep[=K]      no timing: every implementation's ULP error against scalar over\n"
        "                   every K-th float32 bit pattern (1, the default: all 2^32), one\n"
        "                   JSON line per activation and implementation\n"
        "  --sweep-impl=N   with --sweep, only implementation N (e.g. xnnpack)\n"
        "  --pin[=CPU]      the benchmark thread on one CPU (default: the last the process\n"
        "                   may use); fused_mt rows keep every CPU for their workers\n"
        "  --benchmark_*    Google Benchmark's flags, e.g.\n"
        "                   --benchmark_filter='^activate/sigmoid/.*/unit/4096$'\n"
        "                   --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true\n"
        "                   --benchmark_out=FILE --benchmark_out_format=json\n"
        "Names: <family>/<op>/<impl>/<input>/<n>; --benchmark_list_tests lists them.\n");
}

// the command line as given, for the output's context
std::string command_line(int argc, char **argv)
{
    std::string s;
    for (int i = 0; i < argc; i++) {
        std::string a = argv[i];
        bool plain = !a.empty() && a.find_first_of(" \t'\"\\$*?[]|&;<>()") == std::string::npos;
        s += (i ? " " : "") + (plain ? a : "'" + a + "'");
    }
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    std::string command = command_line(argc, argv);
    bool smoke = false, clock = false;
    long long sweep = 0;
    const char *sweep_impl = nullptr;
    int pin = -2; // -2: not asked; -1: the last CPU of the mask
    int kept = 1;
    for (int i = 1; i < argc; i++) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
        } else if (std::strcmp(argv[i], "--clock") == 0) {
            clock = true;
        } else if (std::strcmp(argv[i], "--sweep") == 0) {
            sweep = 1;
        } else if (std::strncmp(argv[i], "--sweep=", 8) == 0) {
            char *end;
            sweep = std::strtoll(argv[i] + 8, &end, 10);
            if (*end || sweep < 1 || sweep > (1LL << 31)) {
                std::fprintf(stderr, "actent-bench: --sweep=K needs K from 1 to 2^31, not '%s'\n",
                             argv[i] + 8);
                return 2;
            }
        } else if (std::strcmp(argv[i], "--pin") == 0) {
            pin = -1;
        } else if (std::strncmp(argv[i], "--pin=", 6) == 0) {
            char *end;
            long c = std::strtol(argv[i] + 6, &end, 10);
            if (*end || end == argv[i] + 6 || c < 0 || c > 4095) {
                std::fprintf(stderr, "actent-bench: --pin=CPU needs a CPU number, not '%s'\n",
                             argv[i] + 6);
                return 2;
            }
            pin = (int)c;
        } else if (std::strncmp(argv[i], "--sweep-impl=", 13) == 0) {
            sweep_impl = argv[i] + 13;
        } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            usage();
            return 0;
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    bench_set_smoke(smoke);
    if (sweep)
        return bench_peer_sweep((uint64_t)sweep, sweep_impl);
    if (clock) {
        std::printf("%.4f\n", bench_clock_ghz());
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        std::fprintf(stderr, "actent-bench: see --help for the options\n");
        return 2;
    }
    if (pin != -2) {
        char why[160];
        if (bench_pin(pin, why, sizeof why) != 0) {
            std::fprintf(stderr, "actent-bench: --pin: %s\n", why);
            return 2;
        }
    }
    bench_cycles_init();
    bench_impl_init();
    bench_context_add();
    if (bench_pinned_cpu() >= 0)
        bench_context("actent_pinned",
                      ("the benchmark thread on CPU " + std::to_string(bench_pinned_cpu()) +
                       " (--pin); fused_mt rows with the starting mask")
                          .c_str());
    else
        bench_context("actent_pinned", "not pinned: the scheduler may move the thread");
    bench_context("actent_schema", "actent.bench/1"); // docs/bench.schema.json
    bench_context("actent_command", command.c_str());
    bench_activate_register();
    bench_read_register();
    bench_minmax_register();
    bench_histogram_register();
    bench_unfused_register();
    bench_fused_register();
    bench_scale_register();
    bench_composed_register();
    bench_analysis_register();
    bench_kde_register();
    bench_infoplane_register();
    size_t ran = benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // a filter that matches nothing is a mistake, not an empty success
    return ran > 0 ? 0 : 1;
}
