/* experiment_acts.h - each activation's histograms, before and after the
 * copy-neighbour transform, on several threads. */
#ifndef ACTENT_EXPERIMENT_ACTS_H
#define ACTENT_EXPERIMENT_ACTS_H

#include "experiment.h"
#include "progress.h"

/* Fills r->acts[0..r->nacts) (op, counts and counts_transformed allocated;
 * input_entropy and nbins_out set): ranges, counts, entropies, on up to
 * `threads` threads. The rounds draw from rng in the activations' order. 0,
 * or -1 with a message. */
int actent_acts_transform(const struct actent_experiment_opts *o, const float *x, size_t n,
                          struct actent_rng *rng, struct actent_experiment *r, unsigned threads,
                          struct actent_progress *p, char *err, size_t len);

#endif
