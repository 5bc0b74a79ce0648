/* experiment_extra.h - the analysis beyond the notebook's plug-in histogram:
 * equal-mass bins, the other estimators, the population limit. Called by
 * experiment.c; kept apart so the notebook's path reads as it did. */
#ifndef ACTENT_EXPERIMENT_EXTRA_H
#define ACTENT_EXPERIMENT_EXTRA_H

#include <stdbool.h>
#include <stddef.h>

#include "experiment.h"
#include "mass.h"

/* Does the analysis need each activation's values stored (not only binned)? */
bool actent_extra_needs_values(const struct actent_experiment_opts *o);

/* analyse_one with equal-mass bins: y = f(x), its quantile edges, the
 * counts, then copy-neighbour binned on the same edges. */
int actent_analyse_one_mass(const struct actent_experiment_opts *o, enum act_op op, const float *x,
                            size_t n, float *y, struct actent_rng *rng, struct actent_experiment *r,
                            struct actent_act_result *a, char *err, size_t len);

/* Fills r->input_est and every acts[i].est (NaN where not asked for). y has
 * room for n values when actent_extra_needs_values, else may be NULL. */
/* KDE's pairwise exponentials a run of the estimator takes, at most
 * o->kde_max_pairs: -1 with a message saying how much work it would be and
 * how to ask for it anyway */
int actent_experiment_extras_check(const struct actent_experiment_opts *o, size_t n, char *err,
                                   size_t len);

int actent_experiment_extras(const float *x, size_t n, float *y, struct actent_experiment *r,
                             char *err, size_t len);

#endif
