/* typed.c - the histogram entry points over any element type (actent.h's
 * actent_dtype): the core's passes read a source (src/core/source.h), float32
 * in place, the others widened by the table a block at a time. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "api.h"
#include "entropy.h"
#include "errmsg.h"
#include "histogram.h"
#include "par.h"
#include "pipeline.h"

static int source(const void *x, actent_dtype dtype, struct actent_src *s, char *err, size_t len)
{
    static const enum act_dtype types[] = {[ACTENT_FLOAT32] = ACT_F32,
                                           [ACTENT_FLOAT16] = ACT_F16,
                                           [ACTENT_BFLOAT16] = ACT_BF16,
                                           [ACTENT_FLOAT64] = ACT_F64};
    if ((unsigned)dtype >= sizeof types / sizeof types[0])
        return actent_fail(err, len,
                           "dtype %d is not an actent_dtype (ACTENT_FLOAT32, ACTENT_FLOAT16, "
                           "ACTENT_BFLOAT16, ACTENT_FLOAT64)",
                           (int)dtype);
    *s = (struct actent_src){.x = x, .type = types[dtype]};
    return 0;
}

/* the first non-finite value of a block, by its index in the whole source */
struct scan {
    size_t at, bad;
    float v;
};

static void scan_block(void *ctx, const float *x, size_t n)
{
    struct scan *s = ctx;
    for (size_t i = 0; i < n && s->bad == SIZE_MAX; i++)
        if (!isfinite(x[i])) {
            s->bad = s->at + i;
            s->v = x[i];
        }
    s->at += n;
}

int actent_api_first_nonfinite(const struct act_kernels *k, const struct actent_src *x, size_t n,
                               char *err, size_t len)
{
    struct scan s = {0, SIZE_MAX, 0};
    actent_src_blocks(k, x, 0, n, scan_block, &s);
    if (s.bad == SIZE_MAX)
        return 0;
    return actent_fail(err, len, "x[%zu] is %s: non-finite values cannot be binned", s.bad,
                       isnan(s.v) ? "NaN"
                       : s.v > 0  ? "inf"
                                  : "-inf");
}

int actent_activation_histogram_typed(const actent_table *t, int act, const void *x,
                                      actent_dtype dtype, size_t n, size_t nbins, uint64_t *counts,
                                      double *bits, float *lo, float *hi, unsigned threads,
                                      char *err, size_t errlen)
{
    const struct act_kernels *k = actent_api_table(t, err, errlen);
    struct actent_src s;
    if (!k || source(x, dtype, &s, err, errlen) != 0)
        return -1;
    if (act < 0 || act >= ACT_COUNT)
        return actent_fail(err, errlen, "activation %d is out of range (0 to %d)", act,
                           ACT_COUNT - 1);
    if (actent_api_check_args(x, n, nbins, counts, err, errlen) != 0)
        return -1;
    /* no pass of its own for the values' check: an inf shows in the input's
     * min or max, a NaN in the fused pass's count of NaN outputs (every
     * activation maps NaN to NaN); either sends us back for the message */
    struct actent_input in;
    actent_input_scan_src(k, (enum act_op)act, &s, n, threads, &in);
    if (!isfinite(in.lo) || !isfinite(in.hi))
        return actent_api_first_nonfinite(k, &s, n, err, errlen);
    struct actent_edges_buf eb;
    if (actent_edges_buf_init(&eb, nbins) != 0)
        return actent_fail(err, errlen, "out of memory for %zu bins", nbins);
    struct actent_range r;
    int rc = actent_hist_fused_src(k, (enum act_op)act, &s, n, &in, &eb, nbins, counts, &r, threads,
                                   err, errlen);
    actent_edges_buf_free(&eb);
    if (rc != 0) {
        /* a NaN input: its message replaces the pass's */
        actent_api_first_nonfinite(k, &s, n, err, errlen);
        return -1;
    }
    if (bits)
        *bits = actent_entropy_bits(counts, nbins);
    if (lo)
        *lo = r.lo;
    if (hi)
        *hi = r.hi;
    return 0;
}

/* one block: its min and max, and whether every value is finite */
struct range {
    const struct act_kernels *k;
    float lo, hi;
    bool finite;
};

static void range_block(void *ctx, const float *x, size_t n)
{
    struct range *r = ctx;
    float lo, hi;
    r->k->minmax(x, n, &lo, &hi);
    r->lo = fminf(r->lo, lo);
    r->hi = fmaxf(r->hi, hi);
    for (size_t i = 0; i < n; i++)
        r->finite &= isfinite(x[i]) != 0;
}

struct bins {
    const struct act_kernels *k;
    const struct act_edges *e;
    uint64_t *counts;
};

static void bins_block(void *ctx, const float *x, size_t n)
{
    struct bins *b = ctx;
    b->k->hist_uniform(x, n, b->e, b->counts);
}

int actent_input_entropy_typed(const actent_table *t, const void *x, actent_dtype dtype, size_t n,
                               size_t nbins, uint64_t *counts, double *bits, char *err,
                               size_t errlen)
{
    struct actent_src s;
    if (source(x, dtype, &s, err, errlen) != 0)
        return -1;
    if (s.type == ACT_F32)
        return actent_input_entropy(t, x, n, nbins, counts, bits, err, errlen);
    const struct act_kernels *k = actent_api_table(t, err, errlen);
    if (!k || actent_api_check_args(x, n, nbins, counts, err, errlen) != 0)
        return -1;
    /* the float32 entry point's passes (finite check, min/max, bins) in two:
     * the check rides on the min/max pass, over each block while it is in L1 */
    struct range r = {k, INFINITY, -INFINITY, true};
    actent_src_blocks(k, &s, 0, n, range_block, &r);
    if (!r.finite)
        return actent_api_first_nonfinite(k, &s, n, err, errlen);
    r.lo += 0.0f;
    r.hi += 0.0f;
    /* numpy subtracts the float32 ends in float32: past FLT_MAX np.histogram fails */
    if (isinf(r.hi - r.lo))
        return actent_fail(err, errlen,
                           "the range [%g, %g] is wider than float32 holds: np.histogram(x, "
                           "bins=%zu) cannot bin it",
                           (double)r.lo, (double)r.hi, nbins);
    struct act_edges *e = actent_edges_uniform(r.lo, r.hi, nbins);
    if (!e)
        return actent_fail(err, errlen, "out of memory for %zu bins", nbins);
    memset(counts, 0, nbins * sizeof *counts);
    struct bins b = {k, e, counts};
    actent_src_blocks(k, &s, 0, n, bins_block, &b);
    actent_edges_free(e);
    if (bits)
        *bits = actent_entropy_bits(counts, nbins);
    return 0;
}
