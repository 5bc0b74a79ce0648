/* actent.h - the public C API of actent: how much entropy an activation
 * function removes from a layer's activations, computed by hand-vectorized
 * kernels chosen for this CPU.
 *
 * The only header a user includes. C11; names no instruction set.
 *
 * Contracts common to every call:
 * - Thread-safe: every function may be called from several threads at once;
 *   none keeps state between calls (tables are read-only).
 * - Never prints, exits or aborts. Calls that can fail return 0 on success
 *   and -1 on bad input, with a message naming the argument in err (a
 *   NUL-terminated string of at most errlen bytes; err may be NULL when
 *   errlen is 0). Outputs are written only on success.
 * - Activations are numbered 0 .. actent_activation_count() - 1 in the
 *   notebook's order (the order that drives the copy-neighbour transform's
 *   random stream); actent_activation_find() maps a name to its number.
 * - A table is a set of kernels for one instruction set; NULL as a table
 *   argument means "the best table this CPU runs". Any other handle must come
 *   from actent_table_at() or actent_table_select(): one that does not (a
 *   stale or forged pointer) is refused (-1, or NULL/0 where a call returns
 *   a name or a flag), never read. */
#ifndef ACTENT_H
#define ACTENT_H

#include <stddef.h>
#include <stdint.h>

#if defined(ACTENT_BUILD) && defined(__GNUC__)
#define ACTENT_API __attribute__((visibility("default")))
#else
#define ACTENT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ the library */

/* "MAJOR.MINOR.PATCH" of the library in use (not of the header). */
ACTENT_API const char *actent_version(void);

/* ------------------------------------------------------------ activations */

/* How many activations this build has (the notebook's 11 first). */
ACTENT_API int actent_activation_count(void);

/* The name of activation act ("sigmoid", "relu", ...); NULL when act is out of range. */
ACTENT_API const char *actent_activation_name(int act);

/* The number of the activation called name; -1 when unknown or NULL. */
ACTENT_API int actent_activation_find(const char *name);

/* 1 when every table must give the scalar reference's bits for act (the
 * piecewise-linear activations), 0 when tables declare a ULP bound, -1 when
 * act is out of range. */
ACTENT_API int actent_activation_exact(int act);

/* ------------------------------------------------------------ kernel tables */

typedef struct actent_table actent_table; /* opaque */

/* How many tables this build has, best first ("scalar", the reference, last). */
ACTENT_API int actent_table_count(void);

/* Table i of this build (0 <= i < actent_table_count()), whether or not this
 * CPU runs it; NULL when i is out of range. */
ACTENT_API const actent_table *actent_table_at(int i);

/* The table called name, or with name NULL or "auto" the best table this CPU
 * runs. NULL with a message in err when the name is unknown (the message
 * lists the names) or the CPU cannot run that table. */
ACTENT_API const actent_table *actent_table_select(const char *name, char *err, size_t errlen);

/* Its name ("scalar", ...); the best table's name when t is NULL; NULL for a
 * handle that is not a table. */
ACTENT_API const char *actent_table_name(const actent_table *t);

/* 1 when this CPU can run every kernel of t, else 0 (NULL: the best table, 1;
 * a handle that is not a table: 0). */
ACTENT_API int actent_table_runs_here(const actent_table *t);

/* The largest distance in ULPs from the scalar reference that t declares for
 * act (0: bit-identical); -1 when act is out of range or t is not a table. */
ACTENT_API int actent_table_max_ulp(const actent_table *t, int act);

/* ------------------------------------------------------------ computing */

/* The most bins any call takes (2^24): nbins above it is refused with a
 * message naming this limit, before any memory is asked for. */
#define ACTENT_MAX_BINS ((size_t)1 << 24)

/* The most copy-neighbour rounds actent_analyse_json runs (2^20, the CLI's
 * limit): each round moves every value once. */
#define ACTENT_MAX_ITERATIONS ((size_t)1 << 20)

/* y[i] = f(x[i]) for activation act through table t. n may be 0; y == x is
 * allowed, any other overlap is not. -1 when act is out of range, x or y is
 * NULL with n > 0, t is not a table, or t cannot run on this CPU. NaN maps to
 * NaN. */
ACTENT_API int actent_activate(const actent_table *t, int act, const float *x, float *y, size_t n);

/* np.histogram(x, bins=nbins) of float32 data (numpy's uniform mode: nbins
 * bins on [min x, max x], widened by 0.5 each way when min == max): counts[nbins]
 * and scipy.stats.entropy(counts, base=2) in *bits. -1 when n or nbins is 0,
 * nbins > ACTENT_MAX_BINS, a value is NaN or infinite (the message names the
 * first), the range overflows float32, x or counts is NULL, or t is not a
 * table this CPU runs. bits may be NULL. */
ACTENT_API int actent_input_entropy(const actent_table *t, const float *x, size_t n, size_t nbins,
                                    uint64_t *counts, double *bits, char *err, size_t errlen);

/* np.histogram(x, bins=edges)[0] for nbins + 1 edges given in double,
 * non-decreasing: value v is counted in the largest bin i with edges[i] <= v,
 * v == edges[nbins] in the last bin, values outside the edges not at all.
 * -1 when nbins is 0 or above ACTENT_MAX_BINS, an edge is not finite, the
 * edges decrease, a value is NaN, or edges, counts or (with n > 0) x is NULL. */
ACTENT_API int actent_histogram_edges(const float *x, size_t n, const double *edges, size_t nbins,
                                      uint64_t *counts, char *err, size_t errlen);

/* The notebook's per-activation histogram: f(x) binned on
 * np.linspace(min f(x), max f(x), nbins + 1) edges, fused (f(x) is never
 * stored): counts[nbins], the entropy in *bits, and the range in *lo, *hi.
 * With nbins = 49 on the notebook's sample this gives the notebook's numbers.
 * -1 as actent_input_entropy, or when act is out of range. bits, lo, hi may
 * be NULL. */
ACTENT_API int actent_activation_entropy(const actent_table *t, int act, const float *x, size_t n,
                                         size_t nbins, uint64_t *counts, double *bits, char *err,
                                         size_t errlen);

/* The same, also reporting the output's range [*lo, *hi] (the outer edges). */
ACTENT_API int actent_activation_histogram(const actent_table *t, int act, const float *x, size_t n,
                                           size_t nbins, uint64_t *counts, double *bits, float *lo,
                                           float *hi, char *err, size_t errlen);

/* The same on up to `threads` threads (0 or 1: the calling thread only): x is
 * split into chunks binned in parallel, the counts summed and the ranges
 * reduced, so every output is the same bits for any thread count. Below about
 * 128Ki values one thread runs whatever is asked. Thread-safe: no state is
 * kept between calls. */
ACTENT_API int actent_activation_histogram_mt(const actent_table *t, int act, const float *x,
                                              size_t n, size_t nbins, uint64_t *counts,
                                              double *bits, float *lo, float *hi, unsigned threads,
                                              char *err, size_t errlen);

/* Element types the _typed entry points read, in the CPU's byte order, at any
 * address aligned to the element's size. float16 (IEEE binary16) and bfloat16
 * widen to float32 exactly; float64 rounds to float32 once, as a C cast. */
typedef enum {
    ACTENT_FLOAT32 = 0,
    ACTENT_FLOAT16 = 1,
    ACTENT_BFLOAT16 = 2,
    ACTENT_FLOAT64 = 3
} actent_dtype;

/* actent_activation_histogram_mt and actent_input_entropy on n elements of
 * type dtype at x. Every result (counts, bits, range, the message naming a
 * non-finite x[i]) equals the float32 entry point's on the widened array, bit
 * for bit. The widening is the table's own kernels', a block of a few thousand
 * values at a time inside each pass, so no float32 copy of the input is made:
 * half-width input is half the bytes to read. One entry per operation with the
 * type as an argument, rather than one per type: a type added later is a new
 * enum value, not a new family of functions. -1 as the float32 entry points,
 * or when dtype is not an actent_dtype. */
ACTENT_API int actent_activation_histogram_typed(const actent_table *t, int act, const void *x,
                                                 actent_dtype dtype, size_t n, size_t nbins,
                                                 uint64_t *counts, double *bits, float *lo,
                                                 float *hi, unsigned threads, char *err,
                                                 size_t errlen);
ACTENT_API int actent_input_entropy_typed(const actent_table *t, const void *x, actent_dtype dtype,
                                          size_t n, size_t nbins, uint64_t *counts, double *bits,
                                          char *err, size_t errlen);

/* Per neuron: actent_activation_histogram on each column of a (rows, cols)
 * float32 array whose element (r, c) is x[r * row_stride + c * col_stride]
 * (strides in elements, either sign: C order is (cols, 1), Fortran order
 * (1, rows)). Column c's counts go to counts[c * nbins .. (c + 1) * nbins),
 * its entropy to bits[c] (bits may be NULL); every column is binned on its
 * own range, and its results are those of the float32 call on the column
 * copied out, bit for bit. Columns that are not contiguous are gathered a
 * block of columns at a time into a buffer (a transpose through the cache),
 * never the whole array. -1 as actent_activation_histogram, the message
 * naming the column ("column 3: x[17] is NaN: ..."). */
ACTENT_API int actent_activation_histogram_columns(const actent_table *t, int act, const float *x,
                                                   size_t rows, size_t cols, ptrdiff_t row_stride,
                                                   ptrdiff_t col_stride, size_t nbins,
                                                   uint64_t *counts, double *bits, char *err,
                                                   size_t errlen);

/* scipy.stats.entropy(counts, base=2) to the last bit: p = counts / sum,
 * H = sum(-p ln p) / ln 2 with 0 ln 0 = 0, summed in numpy's pairwise order.
 * The sum is exact in 128 bits, so counts whose total passes 2^64 give the
 * true entropy (numpy's integer sum would wrap). NaN when every count is 0,
 * nbins is 0 (scipy's 0/0) or counts is NULL. */
ACTENT_API double actent_entropy_bits(const uint64_t *counts, size_t nbins);

/* np.random.seed(seed); np.random.uniform(lo, hi, n).astype(np.float32):
 * numpy's legacy MT19937 stream, bit for bit. -1 when lo or hi is not
 * finite, lo > hi, hi - lo overflows a double (numpy's "Range exceeds valid
 * bounds"), or x is NULL with n > 0. */
ACTENT_API int actent_sample_uniform(uint32_t seed, double lo, double hi, float *x, size_t n);

/* np.random.seed(seed); np.random.normal(loc, scale, n).astype(np.float32).
 * -1 when loc or scale is not finite, scale < 0, or x is NULL with n > 0. */
ACTENT_API int actent_sample_normal(uint32_t seed, double loc, double scale, float *x, size_t n);

/* ------------------------------------------------------------ the whole analysis */

/* What actent_analyse runs: the CLI's `actent experiment` options. */
struct actent_options {
    const char *mode;        /* "notebook" (NULL) or "consistent" */
    size_t bins;             /* K: input bins (outputs get K - 1 in notebook mode); 0: 50 */
    size_t iterations;       /* copy-neighbour rounds (0: none, the fused pass) */
    uint32_t seed;           /* the transform's random stream: np.random.seed(seed) */
    const char *activations; /* comma-separated names, "all", "notebook" or NULL (notebook's) */
    unsigned threads;        /* at most this many threads (0 or 1: the calling thread only);
                                the numbers do not depend on it */
    /* Called now and then while long work runs (the copy-neighbour rounds)
     * with the work done so far and the total, in a unit of the work's own;
     * a non-zero return stops the analysis, which then fails with a message
     * saying it was cancelled. Called from one of the call's threads at a
     * time, never after the call returns. NULL: never called. */
    int (*progress)(void *ctx, uint64_t done, uint64_t total);
    void *progress_ctx;
    /* beside the plug-in entropy, as the CLI's --estimator: NULL or "plugin"
     * (none), "miller-madow", "grassberger", "jackknife", or "kde" (the
     * Kolchinsky-Tracey bounds, which need noise_var: the noise variance V,
     * in [1e-12, 1e12]; 0 otherwise) */
    const char *estimator;
    double noise_var;
    /* kde is O(N^2): above this many pairwise exponentials (the input's and
     * every output's together) the call fails, saying how many it would take,
     * rather than run for hours; 0: the default, 10^12 */
    double kde_max_pairs;
    /* as --binning: NULL or "width" (equal-width bins), "mass" (equal-mass
     * bins on the input's quantiles; consistent mode only) */
    const char *binning;
};

/* The notebook's analysis of n given values through table t: the input's
 * entropy, each activation's, and after the copy-neighbour transform. -1 as
 * actent_activation_entropy, for an unknown mode or activation, bins above
 * ACTENT_MAX_BINS, iterations above ACTENT_MAX_ITERATIONS, or when the
 * progress callback stopped it. On
 * success *json is one JSON object shaped like one element of
 * `actent experiment --json`'s "results" (docs/experiment.schema.json),
 * NUL-terminated, to be released with actent_free(). */
ACTENT_API int actent_analyse_json(const actent_table *t, const float *x, size_t n,
                                   const struct actent_options *o, char **json, char *err,
                                   size_t errlen);

/* ------------------------------------------------------------ the information plane */

/* How one layer's information plane is measured (docs/infoplane.md). */
struct actent_ip_options {
    /* "width" (floor(t / width), ibsgd and deep-bottleneck), "idnns"
     * (np.digitize on np.linspace(-1, 1, bins), IDNNs), "count" (bins bins on
     * the layer's own [min, max]), "mass" (bins equal-mass bins), "kde-upper",
     * "kde-lower" (Kolchinsky-Tracey bounds, noise variance noise_var) */
    const char *method;
    double width;          /* width: > 0, taken as float32 (0.07 in ibsgd) */
    size_t bins;           /* idnns (>= 2), count, mass (>= 1): 30 in IDNNs */
    double noise_var;      /* kde-*: > 0 (1e-3 or 0.1 in ibsgd) */
    const char *estimator; /* binning: NULL or "plugin", "miller-madow", "grassberger",
                              "jackknife", applied to H(T) and to each H(T | Y = y) */
    size_t shuffles;       /* I(T;Y) with the labels permuted this many times */
    size_t bootstrap;      /* binning: error bars from this many resamples of the rows */
    uint32_t seed;         /* np.random.RandomState(seed): .shuffle once per permutation; a
                              stream of its own, from the same seed, .randint(0, n, n) once
                              per bootstrap replicate */
};

/* One row of the table: bits. For KDE, ht is the bound on H(T) (a
 * differential entropy) and patterns and saturated are 0. */
struct actent_ip_result {
    double ixt, ity, ht;
    uint64_t patterns;         /* binning: distinct rows of bin codes */
    int saturated;             /* binning: every row distinct, H(T) = log2 n: I saturates */
    double null_mean, null_sd; /* shuffles > 0: I(T;Y) under permuted labels; else NaN */
    double ixt_sd, ity_sd;     /* bootstrap > 0: the replicates' sd (ddof 0); else NaN */
};

/* I(X;T), I(T;Y) and H(T) of the n x d float32 layer t (row i at t + i * d,
 * one row per sample) with labels y[i] (any int64 values: each distinct
 * value is a class); x (may be NULL) the input ids for IDNNs' I(X;T) = H(T)
 * - H(T | X) (each distinct value one input; binning only), else I(X;T) =
 * H(T). -1 with a message naming what is wrong: n < 2, d = 0, a NaN or
 * infinite t (its row and column), an unknown method or estimator, width,
 * bins or noise_var out of range, x given to a KDE method. */
ACTENT_API int actent_info_plane(const actent_table *tb, const float *t, size_t n, size_t d,
                                 const int64_t *y, const int64_t *x,
                                 const struct actent_ip_options *o, struct actent_ip_result *out,
                                 char *err, size_t errlen);

/* Both KDE bounds for each of nvar noise variances in one pass over the
 * pairs: upper[v] and lower[v] equal actent_info_plane's "kde-upper" and
 * "kde-lower" at noise_var = vars[v] (o supplies shuffles and seed; NULL for
 * none). -1 as actent_info_plane. */
ACTENT_API int actent_info_plane_kde(const actent_table *tb, const float *t, size_t n, size_t d,
                                     const int64_t *y, const double *vars, size_t nvar,
                                     const struct actent_ip_options *o,
                                     struct actent_ip_result *upper, struct actent_ip_result *lower,
                                     char *err, size_t errlen);

/* Releases memory the library returned; NULL is allowed. */
ACTENT_API void actent_free(void *p);

#ifdef __cplusplus
}
#endif

#endif
