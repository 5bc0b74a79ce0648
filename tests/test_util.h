/* test_util.h - shared by the cmocka tests: reference vectors, ULP distance, seeds. */
#ifndef ACTENT_TEST_UTIL_H
#define ACTENT_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* A reference array from tests/data/<name>.npy, as written by
 * scripts/gen_reference.py: 1-d, little-endian, C order. The loader is the
 * tests' own, deliberately separate from the library's .npy reader. */
struct ref {
    char descr[8]; /* "<f4", "<f8", "<i8", "<u4", "<u8" */
    size_t n;
    void *data;
};

/* $ACTENT_TEST_DATA if set and not empty, else the build's tests/data */
const char *test_data_dir(void);

/* Loads or fails the test (with the path and reason). */
void ref_load(struct ref *r, const char *name, const char *descr);
bool ref_exists(const char *name);
void ref_free(struct ref *r);

/* Distance in units in the last place, ordering floats as integers; -0.0
 * and +0.0 are 0 apart; a NaN against a non-NaN is UINT32_MAX. */
uint32_t ulp_distance(float a, float b);
/* bound 0: same bits; else both NaN or ulp_distance <= bound */
bool agrees(float got, float want, uint32_t bound);

/* $ACTENT_TEST_SEED if set, else the fixed default; printed on failure by callers */
uint64_t test_seed(void);
/* splitmix64: a quick deterministic generator for test inputs */
uint64_t test_rand(uint64_t *state);

/* finite floats of every magnitude (some from random bit patterns), many near
 * the activations' switch points */
float test_mixed(uint64_t *s);
/* x[i] uniform on [-scale, scale) from test_rand seeded with seed */
void test_fill(float *x, size_t n, uint64_t seed, float scale);

#endif
