/* bench_read.c - read/x/sum/<input>/<n>: the input's bit patterns summed as
 * 32-bit integers, the least work that still reads every value once: the
 * floor under the families that read x once and write nothing (fused,
 * minmax, histogram). Where the input streams from memory (1048576 and up)
 * it is the memory's floor; where it stays in cache it is the floor of a
 * loop compiled for the baseline ISA, like everything outside kernels/, and
 * a table's own min/max, with wider loads, can read faster (minmax/x/<table>
 * is the other floor the report shows). Sixteen independent sums keep the
 * adds from waiting on one another (one running sum would measure the
 * adder's latency rather than the reads); integer adds because the compiler
 * may reorder them, which it must not do with float adds under
 * -ffp-contract=off and without -ffast-math. Bytes: x read once. */
#include <stdio.h>
#include <string.h>

#include "bench_families.h"
#include "bench_util.h"

#define READ_LANES 16

static uint32_t sum_bits(const float *x, size_t n)
{
    uint32_t acc[READ_LANES] = {0}, b;
    size_t i = 0;
    /* one value at a time through memcpy (the bits, without breaking aliasing
     * rules): the compiler turns the block into whole-vector loads and adds */
    for (; i + READ_LANES <= n; i += READ_LANES)
        for (size_t k = 0; k < READ_LANES; k++) {
            memcpy(&b, x + i + k, sizeof b);
            acc[k] += b;
        }
    for (; i < n; i++) {
        memcpy(&b, x + i, sizeof b);
        acc[0] += b;
    }
    uint32_t s = 0;
    for (size_t k = 0; k < READ_LANES; k++)
        s += acc[k];
    return s;
}

struct read_case {
    const struct bench_dist *d;
};

static void run_read(struct bench_state *st, void *ctx)
{
    const struct bench_dist *d = ((const struct read_case *)ctx)->d;
    size_t n = (size_t)bench_n(st), nwin = bench_windows(n);
    const float *x = bench_x(d, nwin * n);
    if (!x) {
        bench_skip(st, "out of memory for the inputs");
        return;
    }
    size_t w = 0;
    while (bench_running(st)) {
        uint32_t s = sum_bits(x + w * n, n);
        bench_keep(&s);
        w = w + 1 == nwin ? 0 : w + 1;
    }
    bench_finish(st, (int64_t)n, (int64_t)(n * sizeof(float)));
}

void bench_read_register(void)
{
    size_t nsizes;
    const int64_t *sizes = bench_sizes(&nsizes);
    for (size_t d = 0; d < BENCH_NDISTS; d++) {
        struct read_case *c = bench_calloc(1, sizeof *c);
        if (!c)
            return;
        c->d = &bench_dists[d];
        bench_add(bench_strdup("read/x/sum/%s", c->d->name), run_read, c, sizes, nsizes);
    }
}
