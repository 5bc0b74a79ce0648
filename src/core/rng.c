/* rng.c - numpy's legacy MT19937 stream (numpy/random/src/mt19937, legacy/). */
#include "rng.h"

#include <math.h>

enum { MT_N = 624, MT_M = 397 };

void actent_rng_seed(struct actent_rng *r, uint32_t seed)
{
    for (int i = 0; i < MT_N; i++) {
        r->key[i] = seed;
        seed = 1812433253u * (seed ^ (seed >> 30)) + (uint32_t)i + 1u;
    }
    r->pos = MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
}

/* The twist, written so the compiler vectorizes it: the two linear loops
 * read words at least 227 positions away from the ones they write, and the
 * table lookup mag01[y & 1] is a mask instead. */
static inline uint32_t twist(uint32_t a, uint32_t b, uint32_t far)
{
    uint32_t y = (a & 0x80000000u) | (b & 0x7fffffffu);
    return far ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
}

void actent_rng_twist(struct actent_rng *r)
{
    uint32_t *k = r->key;
    for (int i = 0; i < MT_N - MT_M; i++)
        k[i] = twist(k[i], k[i + 1], k[i + MT_M]);
    for (int i = MT_N - MT_M; i < MT_N - 1; i++)
        k[i] = twist(k[i], k[i + 1], k[i + (MT_M - MT_N)]);
    k[MT_N - 1] = twist(k[MT_N - 1], k[0], k[MT_M - 1]);
    r->pos = 0;
}

static inline uint32_t temper(uint32_t y)
{
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

void actent_rng_temper(const uint32_t *key, uint32_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = temper(key[i]);
}

uint32_t actent_rng_next32(struct actent_rng *r)
{
    if (r->pos == MT_N)
        actent_rng_twist(r);
    return temper(r->key[r->pos++]);
}

uint64_t actent_rng_next64(struct actent_rng *r)
{
    uint64_t hi = actent_rng_next32(r);
    return hi << 32 | actent_rng_next32(r);
}

double actent_rng_double(struct actent_rng *r)
{
    int32_t a = (int32_t)(actent_rng_next32(r) >> 5), b = (int32_t)(actent_rng_next32(r) >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

double actent_rng_uniform(struct actent_rng *r, double lo, double hi)
{
    double range = hi - lo;
    return lo + range * actent_rng_double(r);
}

double actent_rng_gauss(struct actent_rng *r)
{
    if (r->has_gauss) {
        double cached = r->gauss;
        r->has_gauss = 0;
        r->gauss = 0.0;
        return cached;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * actent_rng_double(r) - 1.0;
        x2 = 2.0 * actent_rng_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

double actent_rng_normal(struct actent_rng *r, double loc, double scale)
{
    return loc + scale * actent_rng_gauss(r);
}

uint64_t actent_rng_interval(struct actent_rng *r, uint64_t max)
{
    if (max == 0)
        return 0;
    uint64_t mask = max, v;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    if (max <= 0xffffffffu) {
        while ((v = (actent_rng_next32(r) & mask)) > max)
            ;
    } else {
        while ((v = (actent_rng_next64(r) & mask)) > max)
            ;
    }
    return v;
}

void actent_rng_shuffle_f32(struct actent_rng *r, float *x, size_t n)
{
    for (size_t i = n > 0 ? n - 1 : 0; i >= 1; i--) {
        size_t j = (size_t)actent_rng_interval(r, i);
        float t = x[j];
        x[j] = x[i];
        x[i] = t;
    }
}

void actent_rng_shuffle_i32(struct actent_rng *r, int32_t *x, size_t n)
{
    for (size_t i = n > 0 ? n - 1 : 0; i >= 1; i--) {
        size_t j = (size_t)actent_rng_interval(r, i);
        int32_t t = x[j];
        x[j] = x[i];
        x[i] = t;
    }
}
