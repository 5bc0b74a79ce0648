/* ulp.h - distances between float32 results in units in the last place, and
 * the statistics `actent verify` keeps of them.
 *
 * A float's bits, read as sign and magnitude, map onto one integer line on
 * which neighbouring floats are 1 apart (-0.0 and +0.0 both at 0, +-inf one
 * beyond +-FLT_MAX); the ULP distance is the difference of two such integers.
 * Block loops compare bits first, so the common case (equal) costs one
 * integer compare per element. */
#ifndef ACTENT_ULP_H
#define ACTENT_ULP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* the ULP histogram's buckets: 0, 1, 2, 3-4, 5-16, >16 ulp, NaN mismatch */
enum actent_ulp_bucket {
    ACTENT_ULP_0,
    ACTENT_ULP_1,
    ACTENT_ULP_2,
    ACTENT_ULP_3_4,
    ACTENT_ULP_5_16,
    ACTENT_ULP_MORE,
    ACTENT_ULP_NAN, /* one side NaN, the other not */
    ACTENT_ULP_NBUCKETS
};

/* "0", "1", "2", "3-4", "5-16", ">16", "nan" */
const char *actent_ulp_bucket_name(enum actent_ulp_bucket b);

struct actent_ulp_stats {
    uint64_t inputs;
    uint64_t bucket[ACTENT_ULP_NBUCKETS];
    uint64_t zero_sign; /* -0.0 against +0.0: 0 ulp, other bits; wrong where the bound is 0 */
    uint64_t over;      /* values that break the bound, NaN mismatches included */
    uint32_t max_ulp;   /* over the values that are not NaN mismatches */
    /* the first input, in input order, at max_ulp (when max_ulp > 0) */
    bool has_worst;
    float worst_x, worst_got, worst_want;
    /* the first input, in input order, that breaks the bound */
    bool has_bad;
    float bad_x, bad_got, bad_want;
};

/* the integer line: monotonic in the float's value, NaN excluded */
static inline int64_t actent_ulp_ordered(uint32_t bits)
{
    return bits >> 31 ? -(int64_t)(bits & 0x7fffffffu) : (int64_t)bits;
}

static inline bool actent_ulp_isnan_bits(uint32_t bits)
{
    return (bits & 0x7fffffffu) > 0x7f800000u;
}

/* the float `steps` places along the integer line from f (negative: down),
 * stopping at +-inf; f must not be NaN */
float actent_ulp_step(float f, int64_t steps);

/* |ordered(a) - ordered(b)|, or UINT32_MAX when exactly one is NaN (0 when both are) */
uint32_t actent_ulp_distance(float a, float b);

/* Adds the comparison of got[i] against want[i] (inputs x[i]) to s. bound 0
 * means bit-identical: a differing sign of zero breaks it; NaN meets NaN
 * whatever the payload. */
void actent_ulp_compare(struct actent_ulp_stats *s, const float *x, const float *got,
                        const float *want, size_t n, uint32_t bound);

/* s += t, where t's inputs come after s's (so s keeps its first worst and bad input) */
void actent_ulp_merge(struct actent_ulp_stats *s, const struct actent_ulp_stats *t);

#endif
