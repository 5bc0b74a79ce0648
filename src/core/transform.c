/* transform.c - copy-neighbour: a toy model of a representation gaining structure. */
#include "transform.h"

#include "shuffle.h"

/* nz[1::2] = nz[0:-1:2] */
#define COPY_ODD(x, m)                                                                             \
    for (size_t j = 1; j < (m); j += 2)                                                            \
    (x)[j] = (x)[j - 1]

void actent_copy_neighbour(const float *y, size_t n, size_t iterations, struct actent_rng *r,
                           float *out)
{
    /* compacting in place is safe: the write index never passes the read index */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (y[i] != 0.0f)
            out[m++] = y[i];
    for (size_t it = 0; it < iterations; it++) {
        COPY_ODD(out, m);
        actent_shuffle_f32(r, out, m);
    }
    for (size_t i = m; i < n; i++)
        out[i] = 0.0f;
}

void actent_copy_neighbour_u8(uint8_t *x, size_t m, size_t iterations, struct actent_rng *r)
{
    for (size_t it = 0; it < iterations; it++) {
        COPY_ODD(x, m);
        actent_shuffle_u8(r, x, m);
    }
}

void actent_copy_neighbour_u16(uint16_t *x, size_t m, size_t iterations, struct actent_rng *r)
{
    for (size_t it = 0; it < iterations; it++) {
        COPY_ODD(x, m);
        actent_shuffle_u16(r, x, m);
    }
}

void actent_copy_neighbour_u32(uint32_t *x, size_t m, size_t iterations, struct actent_rng *r)
{
    for (size_t it = 0; it < iterations; it++) {
        COPY_ODD(x, m);
        actent_shuffle_u32(r, x, m);
    }
}

void actent_copy_neighbour_skip(size_t m, size_t iterations, struct actent_rng *r)
{
    for (size_t it = 0; it < iterations; it++)
        actent_shuffle_skip(r, m);
}
