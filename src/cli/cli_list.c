/* cli_list.c - option values: whole numbers, positive numbers, and the lists
 * and ranges sweeps take. Every rejection names the option and the value. */
#include "cli_list.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errmsg.h"

/* A whole decimal integer in [lo, hi]: no sign, no spaces, no suffix. */
int actent_arg_uint(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                    char *err, size_t len)
{
    if (*s < '0' || *s > '9')
        return actent_fail(err, len, "%s expects a whole number from %llu to %llu, not '%s'", opt,
                           (unsigned long long)lo, (unsigned long long)hi, s);
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end != '\0')
        return actent_fail(err, len, "%s expects a whole number, not '%s'", opt, s);
    if (errno == ERANGE || v < lo || v > hi)
        return actent_fail(err, len, "%s must be from %llu to %llu (got %s)", opt,
                           (unsigned long long)lo, (unsigned long long)hi, s);
    *out = v;
    return 0;
}

/* A finite number > 0. */
int actent_arg_positive(const char *opt, const char *s, double *out, char *err, size_t len)
{
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v) || !(v > 0.0))
        return actent_fail(err, len, "%s expects a finite number above 0, not '%s'", opt, s);
    *out = v;
    return 0;
}

/* One comma-separated item into buf (NUL-terminated). */
static int list_item(const char *opt, const char *p, size_t n, char *buf, size_t cap, char *err,
                     size_t len)
{
    if (n >= cap)
        return actent_fail(err, len, "%s: '%.24s...' is too long for a value", opt, p);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return 0;
}

/* Appends v unless the list is full or has it already. */
static int list_add_u64(const char *opt, uint64_t *out, size_t *m, uint64_t v, char *err,
                        size_t len)
{
    if (*m == ACTENT_GRID_MAX)
        return actent_fail(err, len, "%s lists more than %d values", opt, ACTENT_GRID_MAX);
    for (size_t q = 0; q < *m; q++)
        if (out[q] == v)
            return actent_fail(err, len, "%s lists %llu twice", opt, (unsigned long long)v);
    out[(*m)++] = v;
    return 0;
}

/* START:STOP or START:STOP:STEP, STOP included when a step lands on it */
static int parse_range(const char *opt, char *it, uint64_t lo, uint64_t hi, uint64_t *out,
                       size_t *m, char *err, size_t len)
{
    char whole[64], step_opt[80];
    snprintf(whole, sizeof whole, "%s", it);
    snprintf(step_opt, sizeof step_opt, "%s step", opt);
    char *c1 = strchr(it, ':'), *c2 = strchr(c1 + 1, ':');
    *c1 = '\0';
    if (c2)
        *c2 = '\0';
    uint64_t a = 0, b = 0, step = 1;
    if (actent_arg_uint(opt, it, lo, hi, &a, err, len) ||
        actent_arg_uint(opt, c1 + 1, lo, hi, &b, err, len) ||
        (c2 && actent_arg_uint(step_opt, c2 + 1, 1, hi, &step, err, len)))
        return -1;
    if (b < a)
        return actent_fail(err, len,
                           "%s: the range '%s' runs backwards (START:STOP:STEP with START <= STOP)",
                           opt, whole);
    for (uint64_t v = a;; v += step) {
        if (list_add_u64(opt, out, m, v, err, len) != 0)
            return -1;
        if (b - v < step)
            return 0;
    }
}

int actent_arg_u64_list(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                        size_t *count, char *err, size_t len)
{
    size_t m = 0;
    for (const char *p = s;; p++) {
        size_t n = strcspn(p, ",");
        char it[64];
        if (list_item(opt, p, n, it, sizeof it, err, len) != 0)
            return -1;
        uint64_t v = 0;
        if (strchr(it, ':')) {
            if (parse_range(opt, it, lo, hi, out, &m, err, len) != 0)
                return -1;
        } else if (actent_arg_uint(opt, it, lo, hi, &v, err, len) != 0 ||
                   list_add_u64(opt, out, &m, v, err, len) != 0) {
            return -1;
        }
        p += n;
        if (*p == '\0')
            break;
    }
    *count = m;
    return 0;
}

int actent_arg_positive_list(const char *opt, const char *s, double *out, size_t *count, char *err,
                             size_t len)
{
    size_t m = 0;
    for (const char *p = s;; p++) {
        size_t n = strcspn(p, ",");
        char it[64];
        if (list_item(opt, p, n, it, sizeof it, err, len) != 0)
            return -1;
        if (strchr(it, ':'))
            return actent_fail(err, len, "%s takes a list such as 0.5,1,2, not a range ('%s')", opt,
                               it);
        double v = 0.0;
        if (actent_arg_positive(opt, it, &v, err, len) != 0)
            return -1;
        if (m == ACTENT_GRID_MAX)
            return actent_fail(err, len, "%s lists more than %d values", opt, ACTENT_GRID_MAX);
        for (size_t q = 0; q < m; q++)
            if (out[q] == v)
                return actent_fail(err, len, "%s lists %g twice", opt, v);
        out[m++] = v;
        p += n;
        if (*p == '\0')
            break;
    }
    *count = m;
    return 0;
}
