/* shuffle.h - numpy's legacy shuffle, a block of random words at a time.
 *
 * RandomState.shuffle(a) on n values runs Fisher-Yates from the top: for
 * i = n-1 down to 1, j = random_interval(i), swap a[i] and a[j], where
 * random_interval masks 32-bit outputs to the smallest all-ones mask >= i and
 * rejects those above i. Which words are drawn, and how many, depends only on
 * n and the words themselves, never on the values shuffled: so the j's can be
 * decoded from a block of words without the data (a "draw"), applied later
 * or elsewhere, or only counted to find where the next shuffle starts. */
#ifndef ACTENT_SHUFFLE_H
#define ACTENT_SHUFFLE_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

/* A cursor over the rng's words, tempered a block at a time. It advances
 * r itself: after any call, r is exactly where the same draws one word at a
 * time would have left it. */
struct actent_draw {
    struct actent_rng *r;
    uint32_t w[ACTENT_MT_N]; /* tempered words; w[p] valid for p >= r->pos */
};

void actent_draw_init(struct actent_draw *d, struct actent_rng *r);

/* The j's of Fisher-Yates steps *i, *i - 1, ... (while *i >= 1), at most cap
 * of them, into js; *i is lowered past them. Needs *i <= UINT32_MAX.
 * Returns how many were stored. */
size_t actent_draw_js(struct actent_draw *d, uint64_t *i, uint32_t *js, size_t cap);

/* Draws one whole shuffle of n values and forgets it: advances the stream as
 * RandomState.shuffle on n values would. Any n. */
void actent_shuffle_skip(struct actent_rng *r, size_t n);

/* RandomState.shuffle on arrays of 1, 2 or 4-byte elements (bin indices), and
 * floats; the same swaps as actent_rng_shuffle_f32. Any n. */
void actent_shuffle_u8(struct actent_rng *r, uint8_t *x, size_t n);
void actent_shuffle_u16(struct actent_rng *r, uint16_t *x, size_t n);
void actent_shuffle_u32(struct actent_rng *r, uint32_t *x, size_t n);
void actent_shuffle_f32(struct actent_rng *r, float *x, size_t n);

#endif
