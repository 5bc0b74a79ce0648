/* fuzz_npy.c - libFuzzer target: any bytes as an .npy image, then, for what
 * parses, the analysis of its values.
 *
 * Properties checked beyond "no crash, no sanitizer report": a refusal has a
 * message naming the source; an accepted array's values are all readable;
 * every finite value lands in exactly one input bin, and every activation's
 * histogram counts all of its values, on every table this CPU runs; the
 * input histogram and the exact activations' histograms equal the scalar
 * table's. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "experiment.h"
#include "layer.h"
#include "npy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ANALYSE_MAX 2048 /* larger arrays are parsed only: the analysis is the slow part */

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_npy: property violated: %s\n", what);
        abort();
    }
}

static uint64_t sum(const uint64_t *c, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += c[i];
    return s;
}

static int run(const struct act_kernels *k, const float *x, size_t n, enum actent_mode mode,
               struct actent_experiment *r)
{
    struct actent_experiment_opts o;
    actent_experiment_defaults(&o);
    o.mode = mode;
    o.bins = 7;
    o.iterations = 2;
    o.k = k;
    struct actent_rng rng;
    actent_rng_seed(&rng, 0);
    char err[512];
    if (actent_experiment_analyse(&o, x, n, &rng, r, err, sizeof err) != 0) {
        require(err[0] != '\0', "an analysis refused without a message");
        return -1;
    }
    require(sum(r->input_counts, r->nbins_in) == n, "input counts sum to n");
    for (size_t i = 0; i < r->nacts; i++) {
        require(sum(r->acts[i].counts, r->nbins_out) == n, "activation counts sum to n");
        require(!isnan(r->acts[i].entropy), "an entropy is NaN");
    }
    return 0;
}

/* Every table this CPU runs, against the scalar one: binning is exact and
 * the exact activations are bit-identical, so those counts must be equal. */
static void analyse(const float *x, size_t n, enum actent_mode mode)
{
    struct actent_experiment ref;
    if (run(&act_table_scalar, x, n, mode, &ref) != 0)
        return;
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        struct actent_experiment r;
        if (k == &act_table_scalar || !k->cpu_ok() || run(k, x, n, mode, &r) != 0)
            continue;
        require(memcmp(r.input_counts, ref.input_counts, r.nbins_in * sizeof(uint64_t)) == 0,
                "input counts equal the scalar table's");
        for (size_t i = 0; i < r.nacts; i++)
            if (act_exact(r.acts[i].op))
                require(memcmp(r.acts[i].counts, ref.acts[i].counts,
                               r.nbins_out * sizeof(uint64_t)) == 0,
                        "an exact activation's counts equal the scalar table's");
        actent_experiment_free(&r);
    }
    actent_experiment_free(&ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1024];
    for (unsigned flags = 0; flags <= ACTENT_NPY_BORROW; flags++) {
        struct actent_npy a;
        if (actent_npy_parse("fuzz", data, size, flags, &a, err, sizeof err) != 0) {
            require(strncmp(err, "fuzz: ", 6) == 0 && strlen(err) > 6, "message names the file");
            continue;
        }
        uint32_t acc = 0;
        for (size_t i = 0; i < a.n; i++) {
            uint32_t b;
            memcpy(&b, &a.data[i], sizeof b);
            acc ^= b;
        }
        if (flags == 0 && a.n > 0 && a.n <= ANALYSE_MAX) {
            uint64_t nan, pinf, ninf;
            actent_count_nonfinite(a.data, a.n, &nan, &pinf, &ninf);
            float *x = malloc(a.n * sizeof *x);
            size_t m = 0;
            for (size_t i = 0; i < a.n; i++)
                if (isfinite(a.data[i]))
                    x[m++] = a.data[i];
            require(m + nan + pinf + ninf == a.n, "non-finite counts add up");
            if (m > 0) {
                analyse(x, m, ACTENT_NOTEBOOK);
                analyse(x, m, ACTENT_CONSISTENT);
            }
            free(x);
        }
        actent_npy_free(&a);
        (void)acc;
    }
    return 0;
}
