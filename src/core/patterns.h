/* patterns.h - the distinct rows of an n x d matrix of int32 codes (a
 * layer's binned activations, one row per sample), and the entropy of the
 * row patterns, alone and within the classes of a labelling.
 *
 * Rows are hashed (four independent multiply-xor lanes over pairs of codes)
 * into an open-addressing table of at least 2n slots, keyed by the hash and
 * confirmed by comparing the whole row, so equal rows get one id and unequal
 * rows never share one, whatever the hash does. O(n d), one pass. */
#ifndef ACTENT_PATTERNS_H
#define ACTENT_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "estimators.h"

struct actent_patterns {
    size_t n, npat;  /* rows, distinct rows */
    uint32_t *id;    /* n: the pattern of each row, numbered in first-seen order */
    uint64_t *count; /* npat: the rows of each pattern */
    /* scratch for actent_patterns_cond_bits */
    uint32_t *order, *stamp, *place;
    uint64_t *sub;
    size_t *start;
    size_t start_cap;
};

/* Fills out with the codes of rows [i0, i1) ((i1 - i0) x d, row-major);
 * false stops the search (the coder keeps its reason). */
typedef bool (*actent_rows_fn)(void *ctx, size_t i0, size_t i1, int32_t *out);

/* The patterns of the n rows of d codes that code() gives, a block of rows
 * at a time: the codes are never all held at once (a row that hashes like
 * an earlier one is compared with that row coded again), so the memory is
 * O(n + d) and the codes stay in cache. 0; -1 when memory is short; 1 when
 * code() returned false (nothing to free then). n >= 1, d >= 1. */
int actent_patterns_find(actent_rows_fn code, void *ctx, size_t n, size_t d,
                         struct actent_patterns *p);
void actent_patterns_free(struct actent_patterns *p);

/* H(T) in bits by estimator e over the pattern counts */
double actent_patterns_bits(const struct actent_patterns *p, enum actent_estimator e);

/* H(T | Z) = sum over z of p(z) H(T | Z = z) in bits, p(z) = n_z / n, each
 * H(T | Z = z) by estimator e over the counts of the patterns among the rows
 * with z[i] == z; z[i] in [0, nz). 0; -1 when memory is short. NaN when an
 * estimator is undefined for a class (the jackknife on one row). */
int actent_patterns_cond_bits(struct actent_patterns *p, enum actent_estimator e, const int32_t *z,
                              size_t nz, double *bits);

/* The same two for a resample of the rows (the bootstrap): row k of the
 * resample has pattern id[k] and class z[k], k < n. */
int actent_patterns_bits_of(struct actent_patterns *p, enum actent_estimator e, const uint32_t *id,
                            double *bits);
int actent_patterns_cond_bits_of(struct actent_patterns *p, enum actent_estimator e,
                                 const uint32_t *id, const int32_t *z, size_t nz, double *bits);

#endif
