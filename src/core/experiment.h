/* experiment.h - the notebook's analysis: how much entropy each activation removes.
 *
 * Notebook mode repeats the notebook: the input binned by np.histogram(x,
 * bins=K), each output by np.linspace(min, max, K) edges (K - 1 bins), then the
 * copy-neighbour transform binned with the untransformed output's edges.
 * Consistent mode bins the input and every output alike (K bins on [min, max],
 * given-edges semantics), so the identity removes exactly nothing. */
#ifndef ACTENT_EXPERIMENT_H
#define ACTENT_EXPERIMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "activations.h"
#include "estimators.h"
#include "kernels.h"
#include "rng.h"
#include "sample.h"

enum actent_mode { ACTENT_NOTEBOOK, ACTENT_CONSISTENT };

/* the notebook's sample size, the default n */
#define ACTENT_NOTEBOOK_N 4096

/* width: equal-width bins (the notebook's); mass: equal-mass edges at the
 * sample's quantiles (docs/semantics.md), input and outputs alike */
enum actent_binning { ACTENT_BIN_WIDTH, ACTENT_BIN_MASS };

/* Where the values came from when they were read from a file: defined by the
 * .npy layer (npy/layer.h); the analysis only carries the pointer. */
struct actent_input_info;

/* KDE's default limit (kde_max_pairs): 10^12 pairwise exponentials, several
 * minutes on one core at the few 10^9 per second the SIMD tables reach */
#define ACTENT_KDE_MAX_PAIRS 1e12

struct actent_experiment_opts {
    enum actent_mode mode;
    size_t n;              /* sample size */
    uint32_t seed;         /* np.random.seed */
    enum actent_dist dist; /* uniform on [-1, 1] or normal(0, sigma) */
    double sigma;
    size_t bins;         /* K */
    size_t iterations;   /* copy-neighbour iterations */
    bool use[ACT_COUNT]; /* which activations, run in the notebook's order */
    const struct act_kernels *k;
    const char *command;                   /* the command line, recorded in results; may be NULL */
    const struct actent_input_info *input; /* the file analysed; NULL for the sample */
    enum actent_estimator estimator;       /* beside the plug-in entropy [plugin] */
    double noise_var;                      /* KDE: the noise variance V */
    enum actent_binning binning;           /* [width] */
    bool population;                       /* also the N -> inf limit (uniform, normal) */
    unsigned threads; /* at most this many threads (0 or 1: one); results do not depend on it */
    FILE *progress;   /* a progress bar for long runs, redrawn in place; NULL: none */
    FILE *notes;      /* work that takes long is announced here (and shown as lines
                         when there is no bar); NULL: nothing said */
    /* called as long work (the transform's rounds, KDE's pairs) goes on; a
     * non-zero return cancels the analysis, which then fails. NULL: none */
    int (*tick)(void *ctx, uint64_t done, uint64_t total);
    void *tick_ctx;
    /* the transform runs its activations side by side only when they move at
     * least this many values in all (n x iterations x activations): below it
     * the skip pass and the threads cost more than they save (docs/usage.md) */
    double transform_par_min;
    /* KDE announces itself on notes from this many pairwise exponentials on
     * (1e10: seconds of work on one core) */
    double kde_announce_pairs;
    /* KDE refuses work beyond this many pairwise exponentials (input and
     * outputs together) rather than run for hours: an explicit larger
     * bound (--kde-max-pairs) lets it run */
    double kde_max_pairs;
};

/* What the estimator beyond the plug-in, and the population limit, give
 * (bits; NaN where not computed). KDE: entropy/reduction are the upper
 * bound's, lower/lower_reduction the lower bound's, mi_* I(X;T)'s bounds. */
struct actent_extra {
    double entropy, reduction;
    double lower, lower_reduction;
    double mi_lower, mi_upper;
    double pop_entropy, pop_reduction; /* binned entropy as N -> inf, same bins */
    double limit_reduction;            /* one-to-one reduction as bins -> inf */
};

/* The skip pass costs a good part of the rounds themselves, so two threads
 * lose (measured, 2 against 1 thread: wall 1.6x at n = 65536, 1.4x at 1M,
 * 1.2x at 16M): side by side needs at least this many threads. */
#define ACTENT_TRANSFORM_PAR_THREADS 3

/* the notebook's defaults: notebook mode, n 4096, seed 0, uniform, 50 bins, 200 iterations */
void actent_experiment_defaults(struct actent_experiment_opts *o);

struct actent_act_result {
    enum act_op op;
    float lo, hi;               /* the output's range: its histogram's outer edges */
    double entropy;             /* after the activation */
    double reduction;           /* input entropy - entropy */
    double entropy_transformed; /* after copy-neighbour, same edges */
    double further_reduction;   /* entropy - entropy_transformed */
    uint64_t *counts, *counts_transformed;
    size_t nbins_used;       /* --binning mass: bins left after ties merge */
    struct actent_extra est; /* --estimator other than plugin, --population */
};

struct actent_experiment {
    struct actent_experiment_opts opts;
    size_t nbins_in, nbins_out;
    float in_lo, in_hi;
    double input_entropy;
    uint64_t *input_counts;
    size_t nacts;
    struct actent_act_result acts[ACT_COUNT]; /* in the order run */
    size_t nbins_in_used;                     /* --binning mass: the input's bins left */
    struct actent_extra input_est;            /* the input's, as acts[i].est */
    unsigned threads;                         /* the most threads any step ran on */
};

/* Draws the sample, then analyses it. 0, or -1 with a message. */
int actent_experiment_run(const struct actent_experiment_opts *o, struct actent_experiment *r,
                          char *err, size_t len);

/* Analyses n given values; the transform draws from rng. */
int actent_experiment_analyse(const struct actent_experiment_opts *o, const float *x, size_t n,
                              struct actent_rng *rng, struct actent_experiment *r, char *err,
                              size_t len);

void actent_experiment_free(struct actent_experiment *r);

const char *actent_mode_name(enum actent_mode m);

#endif
