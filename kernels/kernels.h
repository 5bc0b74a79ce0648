/* kernels.h - the kernel table every ISA fills, and the contracts of its entries.
 *
 * Code outside kernels/ sees ISAs only through `struct act_kernels`: it asks
 * dispatch for a table and calls through it. Each ISA folder defines one
 * const table (act_table_<isa>); kernels/registry.c lists them, best first. */
#ifndef ACT_KERNELS_H
#define ACT_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "act_list.h"

enum act_op {
#define ACT_ENUM(E, name, exact) ACT_##E,
    ACT_LIST(ACT_ENUM)
#undef ACT_ENUM
        ACT_COUNT
};

/* the notebook's own activations, sigmoid to linear: what the experiment runs
 * by default (the ones after them are appended, see act_list.h) */
#define ACT_NOTEBOOK_COUNT (ACT_LINEAR + 1)

/* Bin edges for both of numpy's histogram modes; built by src/core/histogram.c.
 *
 * Given-edges mode, np.histogram(y, bins=edge): value v (compared as a double)
 * is counted when edge[0] <= v <= edge[nbins]; its bin is the largest i with
 * edge[i] <= v, except that v == edge[nbins] goes to the last bin.
 * For a finite float v, v >= edge[i] exactly when v >= thresh[i], where
 * thresh[i] is the smallest float32 >= edge[i]; kernels compare floats only.
 *
 * Uniform mode, np.histogram(x, bins=K) on float32 data: numpy's fast path,
 * an estimate trunc((x - first) * norm), clamped to K-1, then moved down one
 * if x < edge32[i] and up one if x >= edge32[i+1] (not past the last bin).
 * numpy's value-based casting decides the estimate's precision: float32
 * unless first or norm lies beyond +-3.4e38 (wide_sub, wide_norm), where the
 * product, or also the difference, is taken in double. Kernels repeat exactly
 * these steps. */
struct act_edges {
    size_t nbins;        /* K >= 1 */
    double lo, hi;       /* edge[0] and edge[nbins] */
    const double *edge;  /* nbins + 1 edges, numpy's linspace in double */
    const float *thresh; /* nbins + 1: smallest float32 >= edge[i] */
    float thresh_hi;     /* largest float32 <= edge[nbins]: v <= hi <=> v <= thresh_hi */
    /* uniform mode only (meaningful when built by actent_edges_uniform) */
    double first, last; /* numpy's outer edges */
    float first32;      /* first, as float32 */
    double norm;        /* K / (last - first) */
    float norm32;       /* norm, as float32 */
    bool wide_sub;      /* (x - first) * norm in double */
    bool wide_norm;     /* (float32)(x - first32) * norm in double */
    /* numpy counts first <= v <= last (as doubles): for a float v exactly when
     * keep_lo <= v <= keep_hi, the float32s at or inside those bounds */
    float keep_lo, keep_hi;
    /* numpy's float32 estimate is never more than one bin off the bin by the
     * float32 edges (checked at every inner edge when the edges are built): a
     * SIMD table may then bin by those edges instead of repeating the steps */
    bool uniform_near;
    const float *edge32; /* nbins + 1 float32 edges */
};

/* y[i] = f(x[i]). n may be 0; no alignment needed; y == x allowed, any other
 * overlap not. Kernels never fail and never allocate. */
typedef void (*act_unary_fn)(const float *x, float *y, size_t n);

/* The range of values a fused pass saw: the min and max of f(x[i]) over all
 * non-NaN results (+inf/-inf when n == 0 or all are NaN), and how many were NaN. */
struct act_seen {
    float lo, hi;
    uint64_t nan;
};

/* Fused activate-and-histogram: adds to counts[0..nbins) the given-edges
 * histogram of f(x[i]) without storing f(x), and reports what it saw.
 * Values outside [edge[0], edge[nbins]] and NaN are not counted. The counts
 * equal those of activate, then hist_edges, on the same table. */
typedef void (*act_fused_fn)(const float *x, size_t n, const struct act_edges *e, uint64_t *counts,
                             struct act_seen *seen);

/* Adds the histogram of y[0..n) to counts[0..nbins), in either mode. */
typedef void (*act_bin_fn)(const float *y, size_t n, const struct act_edges *e, uint64_t *counts);

/* *lo, *hi = min and max of the non-NaN x[i] (+inf/-inf if none). A zero
 * result is reported as +0.0, whatever the order of -0.0 and +0.0 in x. */
typedef void (*act_minmax_fn)(const float *x, size_t n, float *lo, float *hi);
/* The input pass of a non-monotonic activation's fused histogram, which
 * tells the output's minimum before any binning. Besides *lo and *hi as
 * act_minmax_fn: s->flo = the smallest f(x[i]) over the x[i] with
 * |x[i] - c| <= r in float32 arithmetic (the window around the activation's
 * turn; f is the table's own activate[op], called on blocks of those
 * samples), +inf when there are none. NaNs are skipped. */
struct act_turn_scan {
    float lo, hi;
    float flo;
};
typedef void (*act_minmax_turn_fn)(const float *x, size_t n, float c, float r, act_unary_fn f,
                                   struct act_turn_scan *s);
/* samples a minmax_turn kernel gathers before it calls f on them */
#define ACT_TURN_BLOCK 64

/* The KDE bounds' O(n^2) core, each pair once: the caller wants
 *   sum over i of ln( s[i] ),  s[i] = sum over j < n of exp(-c * (y[i] - y[j])^2)
 * for finite y and c > 0, and calls this once per block of rows [i0, i1)
 * (i1 - i0 <= ACT_KDE_ROWS, blocks in any order) after setting s[i] = 1 (the
 * j = i term) for every i. For each i in the block and each j in (i, n) the
 * kernel adds the term t_ij = t_ji to s[i] and to s[j]. col is n floats of
 * scratch (its contents on entry do not matter). Each s[i] ends in [1, n], so
 * no max needs subtracting before the logarithm. The scalar table sums in
 * double (the reference); a SIMD table declares kde_bound, the largest
 * |result - scalar's| / n in nats it allows, measured by tests/test_kde.c. */
typedef void (*act_kde_fn)(const float *y, size_t n, size_t i0, size_t i1, double c, double *s,
                           float *col);

/* rows per call of act_kde_fn: a SIMD table's float32 column sums run over
 * at most this many terms */
#define ACT_KDE_ROWS 256

/* The SIMD tables' declared kde_bound, nats per row. Each row's terms are
 * summed in float32 over blocks of 256 columns, and each column's over the
 * block's at most 256 rows, then added in double: a block's sum is off by at
 * most 256 * 2^-24 (1.5e-5) of itself in the worst case and by about
 * 16 * 2^-24 in practice (rounding errors that do not all go one way); each
 * term e^-a carries the polynomial's 2^-26 and the argument's three
 * roundings, a * 3 * 2^-24, which only matter where the term is small
 * (a * e^-a <= 1/e). The sum of the terms is at least 1, so ln of it moves by
 * at most its relative error. 1e-5 covers the practical case with a margin of
 * ten; test_kde.c measures the actual figure. */
#define ACT_KDE_BOUND 1e-5

/* The information plane's kernels (src/core/infoplane*.c).
 *
 * quant_width: code[i] = floor(x[i] / w) with the quotient and the floor in
 * float32, as numpy's np.floor(x / w) on a float32 array; every table gives
 * the same codes (division and floor are exact IEEE operations). x finite,
 * w > 0. Returns false, the codes unspecified, when some quotient lies
 * outside [-2^31, 2^31). */
typedef bool (*act_quant_fn)(const float *x, size_t n, float w, int32_t *code);

/* quant_edges: count[i] = the number of the m edges <= x[i] (np.digitize's
 * index). thr holds m + 2 floats: thr[0] = -inf, thr[1 + k] = the smallest
 * float32 >= edge k (so edge k <= v exactly when thr[1 + k] <= v, for any
 * float32 v), thr[m + 1] = +inf. The edges are about evenly spaced, first
 * the first and inv = (m - 1) / (last - first) in float32: a guess floor((x
 * - first) * inv) + 1, clamped to [0, m], is moved until thr[u] <= x <
 * thr[u + 1], so every table gives the same counts whatever its rounding of
 * the guess. x finite (NaN gives an unspecified count). */
typedef void (*act_quant_edges_fn)(const float *x, size_t n, const float *thr, size_t m,
                                   float first, float inv, int32_t *count);

/* kde_dist: the tile D[r * ldd + c] = sum over k < d of (a[r * lda + k] -
 * bt[k * ldb + c])^2 for r < nr, c < nc: rows of a against columns of bt,
 * the same points transposed (feature-major), so a SIMD table runs along the
 * columns. The scalar table sums in double and rounds once; a SIMD table
 * sums each lane over k in order in float32; tests/test_infoplane.c bounds
 * what that moves. */
typedef void (*act_kde_dist_fn)(const float *a, size_t nr, size_t lda, const float *bt, size_t nc,
                                size_t ldb, size_t d, float *D, size_t ldd);

/* kde_tile: for each r < nr, c < nc the term e = exp(-cf * D[r * ldd + c])
 * is added to rs[r] and cs[c], and, where yr[r] == yc[c], to rsy[r] and
 * csy[c] (the same-class sums). A pair the caller wants left out carries
 * D = +inf (its term is at most e^-87, nothing beside a sum >= 1). nc <=
 * ACT_KDE_ROWS, nr <= ACT_KDE_ROWS. The scalar table takes exp in double; a
 * SIMD table takes exp_<isa>.h's float32 e^-a and sums a row in float32
 * before adding it to the double sums (the argument of ACT_KDE_BOUND). */
typedef void (*act_kde_tile_fn)(const float *D, size_t nr, size_t nc, size_t ldd, double cf,
                                const int32_t *yr, const int32_t *yc, double *rs, double *cs,
                                double *rsy, double *csy);

/* An activation's definition in double, one per activation, beside its
 * scalar reference (kernels/scalar/<op>_scalar.c) and reached through the
 * list (act_defs). f is the mathematical function evaluated in double: the
 * scalar reference of a transcendental activation is f rounded once; an exact
 * (piecewise-linear) one repeats numpy's float32 steps, which f describes
 * without their rounding. df is f' (one-sided at a breakpoint), for the
 * population limits. f is monotone between consecutive breakpoints (bp,
 * ascending) and the turn, where a non-monotonic f has its one interior
 * minimum (the exact minimiser rounded to double; NAN for a monotonic f).
 * The fused pass's range prediction takes f at the float32 nearest it. */
struct act_def {
    double (*f)(double x);
    double (*df)(double x);
    double turn;
    int nbp;
    double bp[3];
};

/* ACT_DEFINE(name, f, df, turn, bp...): act_<name>_def, in the scalar file */
#define ACT_DEFINE(name, f_, df_, turn_, ...)                                                      \
    const struct act_def act_##name##_def = {                                                      \
        .f = f_,                                                                                   \
        .df = df_,                                                                                 \
        .turn = turn_,                                                                             \
        .nbp = (int)(sizeof((double[]){0, __VA_ARGS__}) / sizeof(double)) - 1,                     \
        .bp = {__VA_ARGS__}}

/* every activation's definition, indexed by enum act_op (kernels/scalar/) */
extern const struct act_def *const act_defs[ACT_COUNT];

/* What a kernel file declares once, beside its algorithm: the largest
 * distance in ULPs from the scalar reference over all 2^32 inputs (0: the
 * same bits) and the first input (in bit-pattern order) that reaches it, as
 * `actent verify --exhaustive` measured them. Tables point at it through the
 * list; tests/test_tables.c checks that the worst input really reaches the
 * bound and verify that nothing exceeds it. */
struct act_bound {
    uint32_t ulp;
    float worst; /* 0 when ulp is 0 */
};

/* ACT_BOUND(op, isa, ulp, worst): const struct act_bound act_<op>_<isa>_bound */
#define ACT_BOUND(op, isa, ulp_, worst_)                                                           \
    const struct act_bound act_##op##_##isa##_bound = {.ulp = ulp_, .worst = worst_}

/* the bound of every exact kernel and of the scalar table itself */
extern const struct act_bound act_bound_exact;

/* Element types the passes read (include/actent.h's actent_dtype, value for
 * value): float32 in place; the others widened to float32 a block at a time
 * by the table's widen entry, never as a float32 copy of the whole input. */
enum act_dtype { ACT_F32, ACT_F16, ACT_BF16, ACT_F64, ACT_DTYPE_COUNT };

/* y[i] = x[i] as float32: IEEE binary16 and bfloat16 exactly (every value has
 * one float32), binary64 rounded to nearest, as a C cast. A NaN stays a NaN
 * (its payload may be quieted). x in the CPU's byte order, any alignment of
 * its element size; n may be 0. */
typedef void (*act_widen_fn)(const void *x, float *y, size_t n);

struct act_kernels {
    const char *name;   /* what --isa / ACTENT_ISA accept */
    const char *detail; /* one line: instructions used, lane count */
    bool (*cpu_ok)(void);
    act_unary_fn activate[ACT_COUNT];
    act_fused_fn activate_hist[ACT_COUNT];
    const struct act_bound *bound[ACT_COUNT]; /* declared in each kernel file */
    act_minmax_fn minmax;
    act_minmax_turn_fn minmax_turn;
    act_bin_fn hist_edges;
    act_bin_fn hist_uniform;
    act_kde_fn kde_rows;                 /* kernels/<isa>/kde_<isa>.c */
    act_widen_fn widen[ACT_DTYPE_COUNT]; /* kernels/<isa>/widen_<isa>.c; [ACT_F32] NULL */
    act_quant_fn quant_width;            /* kernels/<isa>/quant_<isa>.c */
    act_quant_edges_fn quant_edges;      /* kernels/<isa>/quant_<isa>.c */
    act_kde_dist_fn kde_dist;            /* kernels/<isa>/kdetile_<isa>.c */
    act_kde_tile_fn kde_tile;            /* kernels/<isa>/kdetile_<isa>.c */
    double kde_bound;                    /* declared: |result - scalar's| / n, nats; 0 for scalar */
};

/* A peer: activations built from another library (a vector math library,
 * glibc's libmvec), benchmarked and measured for accuracy beside the tables
 * but never dispatched. NULL where the peer has no such activation.
 *
 * A peer may also bring the other half of an unfused pipeline, a plain
 * given-edges histogram and min/max with the tables' contracts: the best peer
 * activation followed by these is the best unfused pipeline built from
 * other people's parts, which the fused pass is measured against. */
struct act_peer {
    const char *name; /* "<library>-<variant>", e.g. "sleef-u35" */
    const char *isa;  /* the instructions it runs on, for reports */
    bool (*cpu_ok)(void);
    act_unary_fn activate[ACT_COUNT];
    act_bin_fn hist_edges; /* NULL if none */
    act_minmax_fn minmax;  /* NULL if none */
};

/* Registry: every table built into this binary, best first, scalar last. */
extern const struct act_kernels *const act_tables[];
extern const size_t act_ntables;

extern const struct act_kernels act_table_scalar;

/* Peers built into this binary (possibly none). */
extern const struct act_peer *const act_peers[];
extern const size_t act_npeers;

/* the bound table k declares for op, in ULPs (0: bit-identical) */
static inline uint32_t act_max_ulp(const struct act_kernels *k, enum act_op op)
{
    return k->bound[op]->ulp;
}

const char *act_name(enum act_op op);
bool act_exact(enum act_op op);
/* true, and *xstar = the interior minimiser (its definition's turn), for an
 * activation that falls then rises; false for a monotonic one */
bool act_interior_min(enum act_op op, float *xstar);
/* ACT_COUNT when unknown */
enum act_op act_from_name(const char *name);

/* The float32 steps the modern kernels share (kernels/<isa>/f32_<isa>.h:
 * reciprocal, Markstein's quotient, scaling by 2^k) over arrays of any
 * length, one entry per ISA folder that has them, so tests check them
 * against IEEE arithmetic without naming an ISA. Never dispatched. */
struct act_f32_steps {
    const char *isa;
    bool (*cpu_ok)(void);
    void (*recip)(const float *b, float *y, size_t n);                 /* ~RN(1/b) */
    void (*div)(const float *a, const float *b, float *q, size_t n);   /* RN(a/b) */
    void (*scale)(const float *a, const float *k, float *y, size_t n); /* RN(a 2^k) */
};
extern const struct act_f32_steps *const act_f32_steps[]; /* NULL-terminated */
extern const size_t act_nf32_steps;

#endif
