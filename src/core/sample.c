/* sample.c - numpy's uniform and normal draws, rounded to float32 as .astype does. */
#include "sample.h"

void actent_sample(struct actent_rng *r, enum actent_dist d, double a, double b, float *x, size_t n)
{
    if (d == ACTENT_NORMAL) {
        for (size_t i = 0; i < n; i++)
            x[i] = (float)actent_rng_normal(r, a, b);
    } else {
        for (size_t i = 0; i < n; i++)
            x[i] = (float)actent_rng_uniform(r, a, b);
    }
}

const char *actent_dist_name(enum actent_dist d)
{
    return d == ACTENT_NORMAL ? "normal" : "uniform";
}
