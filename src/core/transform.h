/* transform.h - the notebook's copy-neighbour simplification. */
#ifndef ACTENT_TRANSFORM_H
#define ACTENT_TRANSFORM_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

/* _copy_neighbour(y, iterations): the non-zero values of y (NaN counts as
 * non-zero, -0.0 as zero) in order; `iterations` times, every odd position
 * takes the value before it (nz[1::2] = nz[0:-1:2]), then the values are
 * shuffled with numpy's legacy shuffle, drawing from r; then the zeros, as
 * +0.0. Writes n floats to out; out == y is allowed. */
void actent_copy_neighbour(const float *y, size_t n, size_t iterations, struct actent_rng *r,
                           float *out);

/* The rounds alone, on m compacted values of any kind: bin indices give the
 * transformed histogram without moving floats (the histogram uses fixed
 * edges, so a value's bin travels with it). Same draws from r as above. */
void actent_copy_neighbour_u8(uint8_t *x, size_t m, size_t iterations, struct actent_rng *r);
void actent_copy_neighbour_u16(uint16_t *x, size_t m, size_t iterations, struct actent_rng *r);
void actent_copy_neighbour_u32(uint32_t *x, size_t m, size_t iterations, struct actent_rng *r);

/* Advances r as the rounds on m values would, touching no data. */
void actent_copy_neighbour_skip(size_t m, size_t iterations, struct actent_rng *r);

#endif
