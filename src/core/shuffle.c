/* shuffle.c - Fisher-Yates over blocks of MT19937 words. */
#include "shuffle.h"

/* j's decoded per batch: small enough to stay in L1 beside the block */
enum { BATCH = 2048, AHEAD = 16 };
/* arrays this large miss the L2 cache: prefetch their swap targets */
#define PREFETCH_BYTES ((size_t)256 << 10)

void actent_draw_init(struct actent_draw *d, struct actent_rng *r)
{
    d->r = r;
    if (r->pos < ACTENT_MT_N)
        actent_rng_temper(r->key + r->pos, d->w + r->pos, (size_t)(ACTENT_MT_N - r->pos));
}

static void next_block(struct actent_draw *d)
{
    actent_rng_twist(d->r);
    actent_rng_temper(d->r->key, d->w, ACTENT_MT_N);
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t actent_draw_js(struct actent_draw *d, uint64_t *i, uint32_t *js, size_t cap)
{
    const uint32_t top = (uint32_t)*i;
    uint32_t ii = top;
    while (ii >= 1 && top - ii < cap) {
        if (d->r->pos == ACTENT_MT_N)
            next_block(d);
        /* within one power-of-two band the mask is fixed, and each word
         * accepts at most one step, so `lim` words can neither leave the
         * band nor overfill js: the loop needs no branch but its own */
        uint32_t mask = UINT32_MAX >> __builtin_clz(ii), band_lo = (mask >> 1) + 1;
        size_t pos = (size_t)d->r->pos;
        size_t lim = min3(ACTENT_MT_N - pos, (size_t)(ii - band_lo) + 1, cap - (top - ii));
        const uint32_t *w = d->w + pos;
        for (size_t t = 0; t < lim; t++) {
            uint32_t v = w[t] & mask;
            /* the store's slot follows from ii, so the only chain from word
             * to word is ii itself: ii - 1 when v is accepted, else ii */
            js[top - ii] = v;
            ii = ii - 1 + (ii < v);
        }
        d->r->pos = (int)(pos + lim);
    }
    *i = ii;
    return top - ii;
}

void actent_shuffle_skip(struct actent_rng *r, size_t n)
{
    uint64_t i = n > 0 ? n - 1 : 0;
    for (; i > UINT32_MAX; i--)
        actent_rng_interval(r, i);
    struct actent_draw d;
    uint32_t js[BATCH];
    actent_draw_init(&d, r);
    while (i >= 1)
        actent_draw_js(&d, &i, js, BATCH);
}

/* Steps above 2^32 - 1 (arrays of more than 4G values) draw 64-bit words,
 * one step at a time; the rest go through blocks. On arrays beyond the L2
 * cache each swap is a miss, and the j's are known in advance: the targets
 * AHEAD swaps on are prefetched, so the misses overlap. */
#define SWAP(T, a, b)                                                                              \
    do {                                                                                           \
        size_t a_ = (a), b_ = (b);                                                                 \
        T t_ = x[b_];                                                                              \
        x[b_] = x[a_];                                                                             \
        x[a_] = t_;                                                                                \
    } while (0)

#define SHUFFLE_BODY(T)                                                                            \
    uint64_t i = n > 0 ? n - 1 : 0;                                                                \
    for (; i > UINT32_MAX; i--) {                                                                  \
        uint64_t j = actent_rng_interval(r, i);                                                    \
        T t = x[j];                                                                                \
        x[j] = x[i];                                                                               \
        x[i] = t;                                                                                  \
    }                                                                                              \
    struct actent_draw d;                                                                          \
    uint32_t js[BATCH];                                                                            \
    actent_draw_init(&d, r);                                                                       \
    while (i >= 1) {                                                                               \
        size_t top = (size_t)i, cnt = actent_draw_js(&d, &i, js, BATCH);                           \
        size_t k = 0;                                                                              \
        if (n * sizeof(T) > PREFETCH_BYTES)                                                        \
            for (; k + AHEAD < cnt; k++) {                                                         \
                __builtin_prefetch(&x[js[k + AHEAD]], 1);                                          \
                SWAP(T, top - k, js[k]);                                                           \
            }                                                                                      \
        for (; k < cnt; k++)                                                                       \
            SWAP(T, top - k, js[k]);                                                               \
    }

void actent_shuffle_u8(struct actent_rng *r, uint8_t *x, size_t n) { SHUFFLE_BODY(uint8_t) }
void actent_shuffle_u16(struct actent_rng *r, uint16_t *x, size_t n) { SHUFFLE_BODY(uint16_t) }
void actent_shuffle_u32(struct actent_rng *r, uint32_t *x, size_t n) { SHUFFLE_BODY(uint32_t) }
void actent_shuffle_f32(struct actent_rng *r, float *x, size_t n) { SHUFFLE_BODY(float) }
