/* sample.h - the synthetic layers: numpy draws cast to float32. */
#ifndef ACTENT_SAMPLE_H
#define ACTENT_SAMPLE_H

#include <stddef.h>

#include "rng.h"

enum actent_dist { ACTENT_UNIFORM, ACTENT_NORMAL };

/* uniform: np.random.uniform(a, b, n).astype(np.float32)
 * normal:  np.random.normal(a, b, n).astype(np.float32) (a = loc, b = scale) */
void actent_sample(struct actent_rng *r, enum actent_dist d, double a, double b, float *x,
                   size_t n);

const char *actent_dist_name(enum actent_dist d);

#endif
