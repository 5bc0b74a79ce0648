/* transform.c - copy-neighbour: a toy model of a representation gaining structure. */
#include "transform.h"

void actent_copy_neighbour(const float *y, size_t n, size_t iterations, struct actent_rng *r,
                           float *out)
{
    /* compacting in place is safe: the write index never passes the read index */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (y[i] != 0.0f)
            out[m++] = y[i];
    for (size_t it = 0; it < iterations; it++) {
        for (size_t j = 1; j < m; j += 2)
            out[j] = out[j - 1];
        actent_rng_shuffle_f32(r, out, m);
    }
    for (size_t i = m; i < n; i++)
        out[i] = 0.0f;
}
