/* rng.h - numpy's legacy RandomState, bit for bit: MT19937 seeded by
 * init_genrand, 53-bit doubles, uniform, the polar-method normal with its
 * cached second value, random_interval and the Fisher-Yates shuffle. */
#ifndef ACTENT_RNG_H
#define ACTENT_RNG_H

#include <stddef.h>
#include <stdint.h>

struct actent_rng {
    uint32_t key[624];
    int pos;
    int has_gauss;
    double gauss;
};

/* np.random.seed(seed) for an integer seed */
void actent_rng_seed(struct actent_rng *r, uint32_t seed);
uint32_t actent_rng_next32(struct actent_rng *r);
/* Block access for fast consumers: the twist makes the next 624 untempered
 * words (key[0..624), pos = 0); the output word at key position p is
 * actent_rng_temper of key[p]. A consumer may temper key[pos..624) at once,
 * use some of the words and set pos past them: the stream stays the same. */
#define ACTENT_MT_N 624
void actent_rng_twist(struct actent_rng *r);
void actent_rng_temper(const uint32_t *key, uint32_t *out, size_t n);
uint64_t actent_rng_next64(struct actent_rng *r);
/* random_sample(): ((a >> 5) * 2^26 + (b >> 6)) / 2^53 */
double actent_rng_double(struct actent_rng *r);
/* uniform(lo, hi): lo + (hi - lo) * u */
double actent_rng_uniform(struct actent_rng *r, double lo, double hi);
/* standard normal by the legacy polar method (caches the second value) */
double actent_rng_gauss(struct actent_rng *r);
/* normal(loc, scale): loc + scale * gauss */
double actent_rng_normal(struct actent_rng *r, double loc, double scale);
/* a uniform integer in [0, max] by masked rejection, as numpy's random_interval */
uint64_t actent_rng_interval(struct actent_rng *r, uint64_t max);
/* RandomState.shuffle on a 1-d array of n floats */
void actent_rng_shuffle_f32(struct actent_rng *r, float *x, size_t n);
/* the same swaps on a 1-d array of n int32 (labels) */
void actent_rng_shuffle_i32(struct actent_rng *r, int32_t *x, size_t n);

#endif
