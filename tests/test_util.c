/* test_util.c - reference loading and float comparison for the tests. */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ACTENT_TEST_DATA
#define ACTENT_TEST_DATA "tests/data"
#endif

const char *test_data_dir(void)
{
    const char *dir = getenv("ACTENT_TEST_DATA");
    return dir && *dir ? dir : ACTENT_TEST_DATA;
}

static void data_path(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s.npy", test_data_dir(), name);
}

bool ref_exists(const char *name)
{
    char path[1024];
    data_path(path, sizeof path, name);
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

void ref_load(struct ref *r, const char *name, const char *descr)
{
    char path[1024];
    data_path(path, sizeof path, name);
    memset(r, 0, sizeof *r);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open reference %s (run scripts/gen_reference.py)", path);
    unsigned char pre[10];
    if (fread(pre, 1, 10, f) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0 || pre[6] != 1) {
        fclose(f);
        fail_msg("%s: not an .npy version 1 file", path);
    }
    size_t hlen = pre[8] | (size_t)pre[9] << 8;
    char *header = calloc(1, hlen + 1);
    if (!header || fread(header, 1, hlen, f) != hlen) {
        fclose(f);
        fail_msg("%s: truncated header", path);
    }
    const char *d = strstr(header, "'descr': '"), *s = strstr(header, "'shape': (");
    if (!d || !s || strstr(header, "'fortran_order': True")) {
        fclose(f);
        fail_msg("%s: unexpected header %s", path, header);
    }
    snprintf(r->descr, sizeof r->descr, "%.3s", d + 10);
    if (strcmp(r->descr, descr) != 0) {
        fclose(f);
        fail_msg("%s: dtype %s, expected %s", path, r->descr, descr);
    }
    /* "()", "(N,)" or "(N, M, ...)": n counts every element, in C order */
    r->n = 1;
    for (const char *p = s + 10; *p && *p != ')';) {
        char *end;
        r->n *= (size_t)strtoull(p, &end, 10);
        p = end + strspn(end, ", ");
    }
    free(header);
    size_t size = (size_t)(descr[2] - '0');
    r->data = malloc(r->n * size + 1);
    if (!r->data || fread(r->data, size, r->n, f) != r->n) {
        fclose(f);
        fail_msg("%s: truncated data", path);
    }
    fclose(f);
}

void ref_free(struct ref *r)
{
    free(r->data);
    r->data = NULL;
}

static int32_t ordered(float f)
{
    int32_t i;
    memcpy(&i, &f, sizeof i);
    /* map the sign-magnitude bit pattern onto a monotonic integer line */
    return i < 0 ? (int32_t)(0x80000000u - (uint32_t)i) : i;
}

uint32_t ulp_distance(float a, float b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b) ? 0 : UINT32_MAX;
    int64_t d = (int64_t)ordered(a) - (int64_t)ordered(b);
    return (uint32_t)(d < 0 ? -d : d);
}

bool agrees(float got, float want, uint32_t bound)
{
    if (isnan(got) || isnan(want))
        return isnan(got) && isnan(want);
    if (bound == 0)
        return memcmp(&got, &want, sizeof got) == 0;
    return ulp_distance(got, want) <= bound;
}

uint64_t test_seed(void)
{
    const char *s = getenv("ACTENT_TEST_SEED");
    return s && *s ? strtoull(s, NULL, 0) : 0x5eed2026u;
}

uint64_t test_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* test_mixed: test_util.h */
float test_mixed(uint64_t *s)
{
    uint64_t r = test_rand(s);
    switch (r % 8) {
    case 0: {
        uint32_t bits = (uint32_t)(r >> 32);
        float f;
        memcpy(&f, &bits, sizeof f);
        return isfinite(f) ? f : 1.0f;
    }
    case 1:
        return (float)((int)(r >> 40) % 200) / 8.0f - 12.5f; /* on and near switch points */
    default:
        return (float)((double)(r >> 11) / 9007199254740992.0 * 40.0 - 20.0);
    }
}

/* test_fill: test_util.h */
void test_fill(float *x, size_t n, uint64_t seed, float scale)
{
    uint64_t s = seed;
    for (size_t i = 0; i < n; i++)
        x[i] = (float)((double)(test_rand(&s) >> 11) / 9007199254740992.0 * 2.0 - 1.0) * scale;
}
