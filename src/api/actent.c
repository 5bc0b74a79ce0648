/* actent.c - the public API (include/actent.h): argument checks and messages
 * over the core, which does the work. An actent_table is a kernel table
 * seen from outside: the pointer is converted back before use. */
#include "actent.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "dispatch.h"
#include "entropy.h"
#include "errmsg.h"
#include "histogram.h"
#include "par.h"
#include "api.h"
#include "pipeline.h"
#include "rng.h"
#include "sample.h"

static const struct act_kernels *kern(const actent_table *t)
{
    return (const struct act_kernels *)(const void *)t;
}

/* A handle is only ever one of the registry's tables: anything else (a stale
 * or forged pointer) is refused before it is read. */
static bool registered(const actent_table *t)
{
    for (size_t i = 0; i < act_ntables; i++)
        if (kern(t) == act_tables[i])
            return true;
    return false;
}

static const actent_table *pub(const struct act_kernels *k)
{
    return (const actent_table *)(const void *)k;
}

/* the table to use: t, or the best this CPU runs */
const struct act_kernels *actent_api_table(const actent_table *t, char *err, size_t len)
{
    if (t) {
        if (!registered(t)) {
            actent_fail(err, len, "the table handle %p is not one of actent_table_at()'s",
                        (const void *)t);
            return NULL;
        }
        if (kern(t)->cpu_ok())
            return kern(t);
        actent_fail(err, len, "table '%s' cannot run on this CPU", kern(t)->name);
        return NULL;
    }
    const struct act_kernels *k = NULL;
    return actent_select(NULL, &k, err, len) == 0 ? k : NULL;
}

const char *actent_version(void) { return ACTENT_VERSION; }

int actent_activation_count(void) { return ACT_COUNT; }

const char *actent_activation_name(int act)
{
    return act >= 0 && act < ACT_COUNT ? act_name((enum act_op)act) : NULL;
}

int actent_activation_find(const char *name)
{
    if (!name)
        return -1;
    enum act_op op = act_from_name(name);
    return op == ACT_COUNT ? -1 : (int)op;
}

int actent_activation_exact(int act)
{
    return act >= 0 && act < ACT_COUNT ? (int)act_exact((enum act_op)act) : -1;
}

int actent_table_count(void) { return (int)act_ntables; }

const actent_table *actent_table_at(int i)
{
    return i >= 0 && (size_t)i < act_ntables ? pub(act_tables[i]) : NULL;
}

const actent_table *actent_table_select(const char *name, char *err, size_t errlen)
{
    const struct act_kernels *k = NULL;
    return actent_select(name, &k, err, errlen) == 0 ? pub(k) : NULL;
}

const char *actent_table_name(const actent_table *t)
{
    if (t && !registered(t))
        return NULL;
    const struct act_kernels *k = actent_api_table(t, NULL, 0);
    return k ? k->name : kern(t)->name;
}

int actent_table_runs_here(const actent_table *t)
{
    if (t && !registered(t))
        return 0;
    return t ? kern(t)->cpu_ok() : 1;
}

int actent_table_max_ulp(const actent_table *t, int act)
{
    if (t && !registered(t))
        return -1;
    const struct act_kernels *k = t ? kern(t) : actent_api_table(NULL, NULL, 0);
    if (act < 0 || act >= ACT_COUNT || !k)
        return -1;
    return (int)act_max_ulp(k, (enum act_op)act);
}

int actent_activate(const actent_table *t, int act, const float *x, float *y, size_t n)
{
    const struct act_kernels *k = actent_api_table(t, NULL, 0);
    if (!k || act < 0 || act >= ACT_COUNT || (n && (!x || !y)))
        return -1;
    k->activate[act](x, y, n);
    return 0;
}

/* one pass on the bits without branches, so the compiler vectorizes it: an
 * all-ones exponent is inf or NaN */
static bool all_finite(const float *x, size_t n)
{
    uint32_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u;
        memcpy(&u, &x[i], sizeof u);
        bad |= (~u & 0x7f800000u) == 0;
    }
    return !bad;
}

/* the message for the first non-finite x[i]; 0 when there is none */
static int first_nonfinite(const float *x, size_t n, char *err, size_t len)
{
    struct actent_src s = actent_src_f32(x);
    return actent_api_first_nonfinite(NULL, &s, n, err, len);
}

int actent_api_check_args(const void *x, size_t n, size_t nbins, const void *counts, char *err,
                          size_t len)
{
    if (n == 0)
        return actent_fail(err, len, "n is 0: there are no values to bin");
    if (!x)
        return actent_fail(err, len, "x is NULL");
    if (nbins == 0)
        return actent_fail(err, len, "nbins is 0: at least one bin is needed");
    if (nbins > ACTENT_MAX_BINS)
        return actent_fail(err, len, "nbins is %zu: at most ACTENT_MAX_BINS (2^24 = %zu) bins",
                           nbins, ACTENT_MAX_BINS);
    if (!counts)
        return actent_fail(err, len, "counts is NULL");
    return 0;
}

/* the same, and every x[i] finite (the message names the first that is not) */
static int check_values(const float *x, size_t n, size_t nbins, const void *counts, char *err,
                        size_t len)
{
    if (actent_api_check_args(x, n, nbins, counts, err, len) != 0)
        return -1;
    return all_finite(x, n) ? 0 : first_nonfinite(x, n, err, len);
}

int actent_input_entropy(const actent_table *t, const float *x, size_t n, size_t nbins,
                         uint64_t *counts, double *bits, char *err, size_t errlen)
{
    const struct act_kernels *k = actent_api_table(t, err, errlen);
    if (!k || check_values(x, n, nbins, counts, err, errlen) != 0)
        return -1;
    float lo, hi;
    k->minmax(x, n, &lo, &hi);
    /* numpy subtracts the float32 ends in float32: past FLT_MAX np.histogram fails */
    if (isinf(hi - lo))
        return actent_fail(err, errlen,
                           "the range [%g, %g] is wider than float32 holds: np.histogram(x, "
                           "bins=%zu) cannot bin it",
                           (double)lo, (double)hi, nbins);
    struct act_edges *e = actent_edges_uniform(lo, hi, nbins);
    if (!e)
        return actent_fail(err, errlen, "out of memory for %zu bins", nbins);
    memset(counts, 0, nbins * sizeof *counts);
    k->hist_uniform(x, n, e, counts);
    actent_edges_free(e);
    if (bits)
        *bits = actent_entropy_bits(counts, nbins);
    return 0;
}

int actent_histogram_edges(const float *x, size_t n, const double *edges, size_t nbins,
                           uint64_t *counts, char *err, size_t errlen)
{
    if (!edges)
        return actent_fail(err, errlen, "edges is NULL");
    if (nbins == 0)
        return actent_fail(err, errlen, "nbins is 0: at least two edges are needed");
    if (nbins > ACTENT_MAX_BINS)
        return actent_fail(err, errlen,
                           "nbins is %zu: at most ACTENT_MAX_BINS (2^24 = %zu) bins (%zu edges)",
                           nbins, ACTENT_MAX_BINS, ACTENT_MAX_BINS + 1);
    if (!counts || (n && !x))
        return actent_fail(err, errlen, "%s is NULL", counts ? "x" : "counts");
    for (size_t i = 0; i <= nbins; i++) {
        if (!isfinite(edges[i]))
            return actent_fail(err, errlen, "edges[%zu] is %g: edges must be finite", i, edges[i]);
        if (i && edges[i] < edges[i - 1])
            return actent_fail(err, errlen,
                               "edges[%zu] = %g is below edges[%zu] = %g: bins must increase "
                               "monotonically",
                               i, edges[i], i - 1, edges[i - 1]);
    }
    for (size_t i = 0; i < n; i++)
        if (isnan(x[i]))
            return actent_fail(err, errlen, "x[%zu] is NaN: NaN cannot be binned", i);
    struct act_edges *e = actent_edges_given(edges, nbins);
    if (!e)
        return actent_fail(err, errlen, "out of memory for %zu bins", nbins);
    memset(counts, 0, nbins * sizeof *counts);
    /* any edges, not only evenly spaced ones: the reference table's binary search */
    act_table_scalar.hist_edges(x, n, e, counts);
    actent_edges_free(e);
    return 0;
}

int actent_activation_histogram(const actent_table *t, int act, const float *x, size_t n,
                                size_t nbins, uint64_t *counts, double *bits, float *lo, float *hi,
                                char *err, size_t errlen)
{
    return actent_activation_histogram_mt(t, act, x, n, nbins, counts, bits, lo, hi, 1, err,
                                          errlen);
}

int actent_activation_histogram_mt(const actent_table *t, int act, const float *x, size_t n,
                                   size_t nbins, uint64_t *counts, double *bits, float *lo,
                                   float *hi, unsigned threads, char *err, size_t errlen)
{
    return actent_activation_histogram_typed(t, act, x, ACTENT_FLOAT32, n, nbins, counts, bits, lo,
                                             hi, threads, err, errlen);
}

int actent_activation_entropy(const actent_table *t, int act, const float *x, size_t n,
                              size_t nbins, uint64_t *counts, double *bits, char *err,
                              size_t errlen)
{
    return actent_activation_histogram(t, act, x, n, nbins, counts, bits, NULL, NULL, err, errlen);
}

static int sample(enum actent_dist d, uint32_t seed, double a, double b, float *x, size_t n)
{
    if (n && !x)
        return -1;
    struct actent_rng rng;
    actent_rng_seed(&rng, seed);
    actent_sample(&rng, d, a, b, x, n);
    return 0;
}

int actent_sample_uniform(uint32_t seed, double lo, double hi, float *x, size_t n)
{
    /* numpy refuses a range whose width overflows ("Range exceeds valid bounds") */
    if (!isfinite(lo) || !isfinite(hi) || lo > hi || !isfinite(hi - lo))
        return -1;
    return sample(ACTENT_UNIFORM, seed, lo, hi, x, n);
}

int actent_sample_normal(uint32_t seed, double loc, double scale, float *x, size_t n)
{
    if (!isfinite(loc) || !isfinite(scale) || scale < 0)
        return -1;
    return sample(ACTENT_NORMAL, seed, loc, scale, x, n);
}
