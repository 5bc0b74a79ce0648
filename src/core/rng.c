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

static void regenerate(struct actent_rng *r)
{
    static const uint32_t mag01[2] = {0u, 0x9908b0dfu};
    uint32_t *k = r->key;
    int i;
    for (i = 0; i < MT_N - MT_M; i++) {
        uint32_t y = (k[i] & 0x80000000u) | (k[i + 1] & 0x7fffffffu);
        k[i] = k[i + MT_M] ^ (y >> 1) ^ mag01[y & 1u];
    }
    for (; i < MT_N - 1; i++) {
        uint32_t y = (k[i] & 0x80000000u) | (k[i + 1] & 0x7fffffffu);
        k[i] = k[i + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1u];
    }
    uint32_t y = (k[MT_N - 1] & 0x80000000u) | (k[0] & 0x7fffffffu);
    k[MT_N - 1] = k[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
    r->pos = 0;
}

uint32_t actent_rng_next32(struct actent_rng *r)
{
    if (r->pos == MT_N)
        regenerate(r);
    uint32_t y = r->key[r->pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
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
