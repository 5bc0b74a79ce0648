/* repeats.h - the same analysis on K samples (seeds seed..seed+K-1), summed
 * up: each entropy and reduction as mean, standard deviation (ddof = 1) and
 * the 95 % confidence interval of the mean, mean +- t(0.975, K-1) SD / sqrt(K). */
#ifndef ACTENT_REPEATS_H
#define ACTENT_REPEATS_H

#include <stddef.h>

#include "experiment.h"

#define ACTENT_REPEATS_MAX 10000 /* --repeats at most */

struct actent_stat {
    double mean, sd, lo, hi; /* sd, lo, hi NaN when K < 2 */
};

struct actent_summary {
    size_t k;
    struct actent_stat input_entropy, input_estimate;
    size_t nacts;
    enum act_op op[ACT_COUNT]; /* in the order run */
    struct actent_stat entropy[ACT_COUNT], reduction[ACT_COUNT];
    struct actent_stat estimate[ACT_COUNT], estimate_reduction[ACT_COUNT]; /* --estimator */
};

/* Student's t quantile t(0.975, df), df >= 1: scipy.stats.t.ppf's values up
 * to 30, a Cornish-Fisher expansion (error below 1e-7) above. */
double actent_t975(size_t df);

void actent_stat_of(const double *v, size_t k, struct actent_stat *s);

/* r[0..k): the repeats, all with the same activations. */
void actent_summarize(const struct actent_experiment *r, size_t k, struct actent_summary *s);

#endif
