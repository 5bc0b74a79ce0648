/* verify.h - `actent verify`: proof that every kernel table agrees with the
 * scalar reference, and a digest two machines can compare.
 *
 * For each table this CPU runs and each activation:
 *   ULP error against scalar (max, worst input, histogram) over the notebook
 *     sample, a sweep of float32 bit patterns (strided, or all 2^32), and
 *     special values (+-0, +-inf, NaNs, subnormals, +-FLT_MAX and every
 *     activation's switch and saturation points with their neighbours);
 *   histogram agreement on the notebook sample and 10^6 uniform and normal
 *     values: every value the table bins differently from scalar must be
 *     explained by its declared ULP bound, and the entropy tolerance that
 *     bound allows is derived from the values at risk (verify_hist.c);
 *   the fused pass gives the unfused counts and range;
 *   a digest of the outputs on fixed inputs.
 * Anything else is a violation, described with what and where. */
#ifndef ACTENT_VERIFY_H
#define ACTENT_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kernels.h"
#include "rng.h"
#include "ulp.h"

enum actent_verify_mode {
    ACTENT_VERIFY_QUICK,     /* a coarse sweep and smaller samples: for ctest */
    ACTENT_VERIFY_SWEEP,     /* the default: a strided sweep, seconds */
    ACTENT_VERIFY_EXHAUSTIVE /* all 2^32 inputs: minutes */
};

struct actent_verify_opts {
    enum actent_verify_mode mode;
    unsigned threads;    /* sweep workers, >= 1 */
    bool use[ACT_COUNT]; /* which activations */
    FILE *progress;      /* where progress goes (NULL: nowhere) */
    bool progress_bar;   /* a redrawn bar (a terminal) rather than occasional lines */
};

void actent_verify_defaults(struct actent_verify_opts *o);

enum actent_verify_section {
    ACTENT_SEC_NOTEBOOK,
    ACTENT_SEC_SWEEP,
    ACTENT_SEC_SPECIALS,
    ACTENT_NSECTIONS
};

/* Histogram agreement of one table with scalar on one sample (given-edges
 * mode, the output's own range, as the experiment bins outputs). */
struct actent_hist_check {
    const char *sample;
    size_t n, nbins;
    bool ok; /* computed; false with err set when the pipeline failed */
    char err[160];
    uint64_t beyond;    /* values further than the bound from scalar */
    uint64_t moved;     /* values in another bin than scalar's */
    uint64_t unexcused; /* moved, but not within the bound of an edge */
    uint64_t at_risk;   /* within the bound of an edge: the ones that may move */
    bool kernel_agrees; /* the table's counts are its values binned by definition */
    bool counts_equal;
    double entropy, entropy_ref;
    double tolerance; /* the largest entropy change the at-risk values can cause */
    double rounding;  /* the floating-point error of the two entropies */
    float first_unexcused_x;
    /* the copy-neighbour transform (when asked for), binned with the same edges */
    bool has_transform;
    bool transform_ok; /* false when the zero sets differ: no tolerance can be derived */
    uint64_t t_moved, t_unexcused, t_at_risk;
    double t_entropy, t_entropy_ref, t_tolerance, t_rounding;
    /* fused against unfused, same table */
    bool fused_equal;
    int fused_passes;
    /* the input histogram (uniform mode, as the notebook bins its input) */
    bool input_counts_equal;
};

struct actent_verify_op {
    enum act_op op;
    bool missing; /* a NULL slot */
    uint32_t bound;
    struct actent_ulp_stats ulp[ACTENT_NSECTIONS];
    size_t nhist;
    struct actent_hist_check hist[3];
    uint64_t digest;
    unsigned violations;
};

struct actent_verify_table {
    const char *name, *detail;
    const struct act_kernels *k; /* NULL for a peer */
    const struct act_peer *peer;
    bool runs;      /* this CPU runs it */
    bool reference; /* the scalar table: the others are measured against it */
    uint64_t digest;
    struct actent_verify_op ops[ACT_COUNT];
    unsigned violations;
};

struct actent_verify {
    struct actent_verify_opts opts;
    uint64_t stride, sweep_inputs; /* the sweep: every stride-th bit pattern */
    size_t sample_n;               /* the uniform and normal samples' size */
    uint64_t digest_inputs;
    double sweep_seconds, total_seconds;
    size_t ntables;
    struct actent_verify_table *tables; /* the kernel tables, then the peers */
    unsigned violations;
    size_t nmsgs;
    char **msgs; /* one line per violation: table, activation, what, where */
};

/* Verifies `tables` (their order kept; scalar is always the reference, and
 * need not be in the list) and `peers` (measured, never failed). 0 when it
 * ran (r->violations says whether all agreed), -1 with a message when it
 * could not (memory, threads). */
int actent_verify_run(const struct act_kernels *const *tables, size_t ntables,
                      const struct act_peer *const *peers, size_t npeers,
                      const struct actent_verify_opts *o, struct actent_verify *r, char *err,
                      size_t len);

void actent_verify_free(struct actent_verify *r);

/* Histogram agreement of table k with scalar for one activation on x[0..n),
 * nbins output bins. With rng non-NULL, also the copy-neighbour transform
 * (iterations rounds), drawing from rng exactly as the experiment does for
 * this activation (rng advances). 0, or -1 with a message (no memory). */
int actent_verify_hist(const struct act_kernels *k, enum act_op op, const float *x, size_t n,
                       size_t nbins, struct actent_rng *rng, size_t iterations,
                       struct actent_hist_check *out, char *err, size_t len);

/* The digest of one activation's outputs on the fixed digest inputs:
 * FNV-1a (64 bit) over the little-endian bits, NaN as 0x7fc00000. */
uint64_t actent_verify_digest(act_unary_fn f, uint64_t *ninputs);

/* The sweep and the special values (verify_sweep.c). stats[t][op] for every
 * subject; subjects without a kernel for an op are skipped. */
struct actent_sweep_subject {
    const act_unary_fn *activate; /* ACT_COUNT entries */
    const struct act_kernels *k;  /* its declared bounds; NULL: no bound (a peer) */
};
int actent_verify_sweep(const struct actent_sweep_subject *subj, size_t nsubj, const bool *use,
                        uint64_t stride, const struct actent_verify_opts *o,
                        struct actent_ulp_stats (*stats)[ACT_COUNT], char *err, size_t len);
/* the special values, n of them */
const float *actent_verify_specials(size_t *n);

/* "quick", "strided" or "exhaustive" */
const char *actent_verify_mode_name(enum actent_verify_mode m);

#endif
