/* ulp.c - ULP distances and their statistics. */
#include "ulp.h"

#include <string.h>

static uint32_t bits_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static float from_ordered(int64_t o)
{
    uint32_t u = o < 0 ? (uint32_t)(-o) | 0x80000000u : (uint32_t)o;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

const char *actent_ulp_bucket_name(enum actent_ulp_bucket b)
{
    static const char *const names[ACTENT_ULP_NBUCKETS] = {"0",    "1",   "2",  "3-4",
                                                           "5-16", ">16", "nan"};
    return b < ACTENT_ULP_NBUCKETS ? names[b] : "?";
}

float actent_ulp_step(float f, int64_t steps)
{
    const int64_t inf = 0x7f800000;
    int64_t o = actent_ulp_ordered(bits_of(f)) + steps;
    return from_ordered(o > inf ? inf : o < -inf ? -inf : o);
}

uint32_t actent_ulp_distance(float a, float b)
{
    uint32_t x = bits_of(a), y = bits_of(b);
    if (actent_ulp_isnan_bits(x) || actent_ulp_isnan_bits(y))
        return actent_ulp_isnan_bits(x) && actent_ulp_isnan_bits(y) ? 0 : UINT32_MAX;
    int64_t d = actent_ulp_ordered(x) - actent_ulp_ordered(y);
    return (uint32_t)(d < 0 ? -d : d);
}

static enum actent_ulp_bucket bucket_of(uint32_t d)
{
    if (d <= 2)
        return (enum actent_ulp_bucket)d;
    return d <= 4 ? ACTENT_ULP_3_4 : d <= 16 ? ACTENT_ULP_5_16 : ACTENT_ULP_MORE;
}

static void note_bad(struct actent_ulp_stats *s, float x, float got, float want)
{
    s->over++;
    if (!s->has_bad) {
        s->has_bad = true;
        s->bad_x = x;
        s->bad_got = got;
        s->bad_want = want;
    }
}

/* the rare path: bits differ */
static void compare_one(struct actent_ulp_stats *s, float x, float got, float want, uint32_t bound)
{
    uint32_t a = bits_of(got), b = bits_of(want);
    bool na = actent_ulp_isnan_bits(a), nb = actent_ulp_isnan_bits(b);
    if (na || nb) {
        if (na && nb) {
            s->bucket[ACTENT_ULP_0]++;
            return;
        }
        s->bucket[ACTENT_ULP_NAN]++;
        note_bad(s, x, got, want);
        return;
    }
    int64_t diff = actent_ulp_ordered(a) - actent_ulp_ordered(b);
    uint32_t d = (uint32_t)(diff < 0 ? -diff : diff);
    s->bucket[bucket_of(d)]++;
    if (d == 0)
        s->zero_sign++;
    if (d > s->max_ulp) {
        s->max_ulp = d;
        s->has_worst = true;
        s->worst_x = x;
        s->worst_got = got;
        s->worst_want = want;
    }
    if (d > bound || (bound == 0 && d == 0))
        note_bad(s, x, got, want);
}

void actent_ulp_compare(struct actent_ulp_stats *s, const float *x, const float *got,
                        const float *want, size_t n, uint32_t bound)
{
    s->inputs += n;
    /* equal bits first, in a loop the compiler vectorizes */
    size_t same = 0;
    for (size_t i = 0; i < n; i++)
        same += bits_of(got[i]) == bits_of(want[i]);
    if (same == n) {
        s->bucket[ACTENT_ULP_0] += n;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (bits_of(got[i]) == bits_of(want[i]))
            s->bucket[ACTENT_ULP_0]++;
        else
            compare_one(s, x[i], got[i], want[i], bound);
    }
}

void actent_ulp_merge(struct actent_ulp_stats *s, const struct actent_ulp_stats *t)
{
    s->inputs += t->inputs;
    for (int b = 0; b < ACTENT_ULP_NBUCKETS; b++)
        s->bucket[b] += t->bucket[b];
    s->zero_sign += t->zero_sign;
    s->over += t->over;
    if (t->max_ulp > s->max_ulp) {
        s->max_ulp = t->max_ulp;
        s->has_worst = t->has_worst;
        s->worst_x = t->worst_x;
        s->worst_got = t->worst_got;
        s->worst_want = t->worst_want;
    }
    if (t->has_bad && !s->has_bad) {
        s->has_bad = true;
        s->bad_x = t->bad_x;
        s->bad_got = t->bad_got;
        s->bad_want = t->bad_want;
    }
}
