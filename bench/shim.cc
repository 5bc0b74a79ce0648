// shim.cc - the C interface of shim.h over Google Benchmark (1.7).
#include "shim.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

extern "C" {
#include "bench_util.h"
}

struct bench_state {
    benchmark::State *st;
    bool started;
    bench_loop loop;
};

namespace
{

double stat_min(const std::vector<double> &v)
{
    return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
}

double stat_max(const std::vector<double> &v)
{
    return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
}

} // namespace

extern "C" {

void bench_add(const char *name, bench_fn fn, void *ctx, const int64_t *sizes, size_t nsizes)
{
    auto *b = benchmark::RegisterBenchmark(name, [fn, ctx](benchmark::State &st) {
        bench_state s = {&st, false, {0.0, 0}};
        fn(&s, ctx);
    });
    for (size_t i = 0; i < nsizes; i++)
        b->Arg(sizes[i]);
    b->Unit(benchmark::kMicrosecond);
    b->ComputeStatistics("min", stat_min);
    b->ComputeStatistics("max", stat_max);
}

void bench_add_threads(const char *name, bench_fn fn, void *ctx, const int64_t *sizes,
                       size_t nsizes, const int64_t *threads, size_t nthreads)
{
    auto *b = benchmark::RegisterBenchmark(name, [fn, ctx](benchmark::State &st) {
        bench_state s = {&st, false, {0.0, 0}};
        fn(&s, ctx);
    });
    for (size_t i = 0; i < nsizes; i++)
        for (size_t t = 0; t < nthreads; t++)
            b->Args({sizes[i], threads[t]});
    b->Unit(benchmark::kMicrosecond);
    b->UseRealTime(); /* the work runs on other threads too: CPU time of this one says little */
    b->ComputeStatistics("min", stat_min);
    b->ComputeStatistics("max", stat_max);
}

bool bench_running(struct bench_state *s)
{
    if (!s->started) {
        s->started = true;
        bench_loop_begin(&s->loop);
    }
    bool more = s->st->KeepRunning();
    if (!more)
        bench_loop_end(&s->loop);
    return more;
}

int64_t bench_n(const struct bench_state *s) { return s->st->range(0); }

int64_t bench_threads(const struct bench_state *s) { return s->st->range(1); }

int64_t bench_iterations(const struct bench_state *s)
{
    return static_cast<int64_t>(s->st->iterations());
}

const struct bench_loop *bench_loop_of(const struct bench_state *s) { return &s->loop; }

void bench_items(struct bench_state *s, int64_t items)
{
    s->st->SetItemsProcessed(static_cast<int64_t>(s->st->iterations()) * items);
}

void bench_bytes(struct bench_state *s, int64_t bytes)
{
    s->st->SetBytesProcessed(static_cast<int64_t>(s->st->iterations()) * bytes);
}

void bench_counter(struct bench_state *s, const char *name, double value)
{
    s->st->counters[name] = benchmark::Counter(value);
}

void bench_label(struct bench_state *s, const char *label) { s->st->SetLabel(label); }

void bench_skip(struct bench_state *s, const char *why) { s->st->SkipWithError(why); }

void bench_keep(const void *p)
{
    benchmark::DoNotOptimize(p);
    benchmark::ClobberMemory();
}

void bench_context(const char *key, const char *value) { benchmark::AddCustomContext(key, value); }

} // extern "C"
