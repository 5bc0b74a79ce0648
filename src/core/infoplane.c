/* infoplane.c - the information plane by binning, and the checks every
 * method shares (infoplane.h). */
#include "infoplane.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "errmsg.h"
#include "histogram.h"
#include "mass.h"
#include "patterns.h"
#include "rng.h"

/* the most bins idnns, count and mass take: codes stay small and distinct */
#define IP_MAX_BINS (1u << 20)

static const char *const method_names[ACTENT_IP_METHODS] = {
    [ACTENT_IP_WIDTH] = "width",         [ACTENT_IP_IDNNS] = "idnns",
    [ACTENT_IP_COUNT] = "count",         [ACTENT_IP_MASS] = "mass",
    [ACTENT_IP_KDE_UPPER] = "kde-upper", [ACTENT_IP_KDE_LOWER] = "kde-lower",
};

enum actent_ip_method actent_ip_method_from_name(const char *s)
{
    for (int i = 0; i < ACTENT_IP_METHODS; i++)
        if (strcmp(s, method_names[i]) == 0)
            return (enum actent_ip_method)i;
    return ACTENT_IP_METHODS;
}

const char *actent_ip_method_name(enum actent_ip_method m)
{
    return m < ACTENT_IP_METHODS ? method_names[m] : "?";
}

static int check_ids(const int32_t *z, size_t n, size_t nz, const char *what, char *err, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (z[i] < 0 || (size_t)z[i] >= nz)
            return actent_fail(err, len, "%s[%zu] is %d: outside [0, %zu)", what, i, (int)z[i], nz);
    return 0;
}

int actent_ip_check(const struct act_kernels *k, const struct actent_ip_layer *L,
                    const struct actent_ip_params *p, char *err, size_t len)
{
    (void)k;
    if (L->n < 2)
        return actent_fail(err, len, "the layer has %zu samples (rows); at least 2 are needed",
                           L->n);
    if (L->d == 0)
        return actent_fail(err, len, "the layer has no neurons (d = 0)");
    if (L->n > UINT32_MAX - 1)
        return actent_fail(err, len, "the layer has %zu samples; at most %u are taken", L->n,
                           UINT32_MAX - 1);
    if (!L->t || !L->y)
        return actent_fail(err, len, "%s is NULL", !L->t ? "the activations" : "the labels");
    if (L->ny == 0 || L->ny > L->n)
        return actent_fail(err, len, "%zu label classes for %zu samples: 1 to n are taken", L->ny,
                           L->n);
    if (L->d > SIZE_MAX / sizeof(float) / L->n)
        return actent_fail(err, len, "a layer of %zu x %zu values is too large", L->n, L->d);
    if (check_ids(L->y, L->n, L->ny, "y", err, len) != 0)
        return -1;
    if (L->x && (L->nx == 0 || check_ids(L->x, L->n, L->nx, "x", err, len) != 0))
        return L->nx ? -1 : actent_fail(err, len, "input ids given with nx = 0");
    switch (p->method) {
    case ACTENT_IP_WIDTH: {
        float w = (float)p->width;
        if (!(w > 0.0f) || isinf(w))
            return actent_fail(err, len, "width %g: a positive finite float32 is needed", p->width);
        break;
    }
    case ACTENT_IP_IDNNS:
    case ACTENT_IP_COUNT:
    case ACTENT_IP_MASS:
        if (p->bins < (p->method == ACTENT_IP_IDNNS ? 2u : 1u) || p->bins > IP_MAX_BINS)
            return actent_fail(err, len, "bins %zu: %s takes %d to %u", p->bins,
                               method_names[p->method], p->method == ACTENT_IP_IDNNS ? 2 : 1,
                               IP_MAX_BINS);
        break;
    case ACTENT_IP_KDE_UPPER:
    case ACTENT_IP_KDE_LOWER:
        if (!(p->noise_var > 0.0) || isinf(p->noise_var))
            return actent_fail(err, len, "noise_var %g: a positive finite variance is needed",
                               p->noise_var);
        break;
    default:
        return actent_fail(err, len, "unknown method %d", (int)p->method);
    }
    if (p->method >= ACTENT_IP_KDE_UPPER && p->bootstrap)
        return actent_fail(err, len,
                           "bootstrap applies to the binning methods (%s resamples would repeat "
                           "points, which the KDE bound takes as one Gaussian each)",
                           method_names[p->method]);
    if (p->method < ACTENT_IP_KDE_UPPER && (p->est >= ACTENT_EST_COUNT || p->est == ACTENT_EST_KDE))
        return actent_fail(err, len, "estimator %s does not apply to pattern counts",
                           actent_estimator_name(p->est));
    return 0;
}

int actent_ip_check_finite(const struct actent_ip_layer *L, char *err, size_t len)
{
    size_t nv = L->n * L->d;
    for (size_t i0 = 0; i0 < nv; i0 += 4096) {
        size_t i1 = nv - i0 < 4096 ? nv : i0 + 4096;
        uint32_t any = 0; /* exponent all ones: inf or NaN; branch-free, so it vectorizes */
        for (size_t i = i0; i < i1; i++) {
            uint32_t b;
            memcpy(&b, &L->t[i], sizeof b);
            any |= (uint32_t)((b & 0x7f800000u) == 0x7f800000u);
        }
        for (size_t i = i0; any && i < i1; i++)
            if (!isfinite(L->t[i]))
                return actent_fail(err, len, "t[%zu, %zu] is %s: the layer must be finite",
                                   i / L->d, i % L->d, isnan(L->t[i]) ? "NaN" : "infinite");
    }
    return 0;
}

/* the number of edges <= v among e[0..m), ascending */
static size_t upper(const double *e, size_t m, double v)
{
    /* branch-free halving: the steps depend on m only, so no mispredictions */
    size_t lo = 0, len = m;
    while (len > 1) {
        size_t half = len / 2;
        lo = e[lo + half - 1] <= v ? lo + half : lo;
        len -= half;
    }
    return lo + (len == 1 && e[lo] <= v);
}

/* how rows become codes: fixed width by the table's kernel, or an edge rule */
struct coder {
    const struct act_kernels *k;
    const float *t;
    size_t d;
    float w;
    const double *e;  /* NULL: fixed width */
    size_t m;         /* edges */
    bool idnns;       /* digitize, 0 -> m; else a histogram's bin, the last edge in the last bin */
    double inv;       /* evenly spaced edges: (m - 1) / (last - first); else 0 */
    const float *thr; /* evenly spaced edges: the table's quant_edges thresholds (m + 2) */
};

static bool code_rows(void *ctx, size_t i0, size_t i1, int32_t *out)
{
    const struct coder *c = ctx;
    const float *t = c->t + i0 * c->d;
    size_t nv = (i1 - i0) * c->d;
    if (!c->e) /* false: a code outside int32 (or a NaN or infinity) */
        return c->k->quant_width(t, nv, c->w, out);
    if (c->thr) { /* evenly spaced: the table's kernel counts the edges <= each value */
        c->k->quant_edges(t, nv, c->thr, c->m, (float)c->e[0], (float)c->inv, out);
        for (size_t i = 0; i < nv; i++) {
            int32_t u = out[i], m = (int32_t)c->m;
            out[i] = c->idnns ? (u == 0 ? m : u) : (u >= m ? m - 2 : u - 1);
        }
        return true;
    }
    for (size_t i = 0; i < nv; i++) {
        double v = (double)t[i];
        size_t u = upper(c->e, c->m, v);
        if (c->idnns)
            out[i] = (int32_t)(u == 0 ? c->m : u);
        else
            out[i] = (int32_t)(u >= c->m ? c->m - 2 : u - 1);
    }
    return true;
}

/* the edges of the idnns, count and mass rules into *e (malloc'd), m of them */
static int edges(const struct act_kernels *k, const struct actent_ip_layer *L,
                 const struct actent_ip_params *p, double **e, size_t *m, char *err, size_t len)
{
    size_t nv = L->n * L->d;
    *e = malloc((p->bins + 1) * sizeof **e);
    if (!*e)
        return actent_fail(err, len, "out of memory for %zu edges", p->bins + 1);
    *m = p->bins + 1;
    if (p->method == ACTENT_IP_IDNNS) {
        *m = p->bins;
        actent_linspace(-1.0, 1.0, *m, *e);
        for (size_t i = 0; i < *m; i++)
            (*e)[i] = (double)(float)(*e)[i]; /* IDNNs' bins.astype(np.float32) */
    } else if (p->method == ACTENT_IP_COUNT) {
        float lo, hi;
        k->minmax(L->t, nv, &lo, &hi);
        actent_linspace(lo, hi, *m, *e);
    } else {
        struct act_edges *me = actent_mass_edges(L->t, nv, p->bins);
        if (!me) {
            free(*e);
            *e = NULL;
            return actent_fail(err, len, "out of memory for the equal-mass edges");
        }
        *m = me->nbins + 1;
        memcpy(*e, me->edge, *m * sizeof **e);
        actent_edges_free(me);
    }
    return 0;
}

/* the layer's row patterns by p's rule */
static int patterns(const struct act_kernels *k, const struct actent_ip_layer *L,
                    const struct actent_ip_params *p, struct actent_patterns *pt, char *err,
                    size_t len)
{
    struct coder c = {.k = k, .t = L->t, .d = L->d, .w = (float)p->width};
    double *e = NULL;
    /* fixed width: a NaN or infinity fails the kernel's range test, so the
     * layer is scanned for them only then */
    if (p->method != ACTENT_IP_WIDTH &&
        (actent_ip_check_finite(L, err, len) != 0 || edges(k, L, p, &e, &c.m, err, len) != 0))
        return -1;
    c.e = e;
    c.idnns = p->method == ACTENT_IP_IDNNS;
    float *thr = NULL;
    if (e && p->method != ACTENT_IP_MASS && c.m > 1 && e[c.m - 1] > e[0] &&
        (thr = malloc((c.m + 2) * sizeof *thr)) != NULL) {
        c.inv = (double)(c.m - 1) / (e[c.m - 1] - e[0]);
        thr[0] = -INFINITY; /* edge k <= v exactly when thr[1 + k] <= v (kernels.h) */
        for (size_t i = 0; i < c.m; i++)
            thr[1 + i] = actent_f32_ceil(e[i]);
        thr[c.m + 1] = INFINITY;
        c.thr = thr;
    }
    int rc = actent_patterns_find(code_rows, &c, L->n, L->d, pt);
    free(e);
    free(thr);
    if (rc < 0)
        return actent_fail(err, len, "out of memory for the pattern table of %zu rows", L->n);
    if (rc > 0)
        return actent_ip_check_finite(L, err, len) != 0
                   ? -1
                   : actent_fail(err, len,
                                 "width %g: floor(t / width) leaves the int32 range for a value "
                                 "of the layer (use a wider bin)",
                                 p->width);
    return 0;
}

/* I(T; Y) with Y permuted `shuffles` times: the mean and sd over them */
static int null_ity(struct actent_patterns *pt, const struct actent_ip_layer *L,
                    const struct actent_ip_params *p, double ht, struct actent_ip_result *r)
{
    int32_t *y = malloc(L->n * sizeof *y);
    if (!y)
        return -1;
    memcpy(y, L->y, L->n * sizeof *y);
    struct actent_rng rng;
    actent_rng_seed(&rng, p->seed);
    struct actent_ip_moments mo = {0};
    for (size_t k = 0; k < p->shuffles; k++) {
        actent_rng_shuffle_i32(&rng, y, L->n);
        double c;
        if (actent_patterns_cond_bits(pt, p->est, y, L->ny, &c) != 0) {
            free(y);
            return -1;
        }
        actent_ip_moments_add(&mo, ht - c);
    }
    free(y);
    r->null_mean = mo.mean;
    r->null_sd = actent_ip_moments_sd(&mo);
    return 0;
}

int actent_ip_compute(const struct act_kernels *k, const struct actent_ip_layer *L,
                      const struct actent_ip_params *p, struct actent_ip_result *r, char *err,
                      size_t len)
{
    if (actent_ip_check(k, L, p, err, len) != 0)
        return -1;
    if (p->method == ACTENT_IP_KDE_UPPER || p->method == ACTENT_IP_KDE_LOWER) {
        struct actent_ip_result up, lo;
        if (actent_ip_kde(k, L, &p->noise_var, 1, p->shuffles, p->seed, &up, &lo, err, len) != 0)
            return -1;
        *r = p->method == ACTENT_IP_KDE_UPPER ? up : lo;
        return 0;
    }
    struct actent_patterns pt;
    if (patterns(k, L, p, &pt, err, len) != 0)
        return -1;
    int rc;
    struct actent_ip_result out = {0};
    out.patterns = pt.npat;
    out.saturated = pt.npat == L->n;
    out.ht = actent_patterns_bits(&pt, p->est);
    double hty = 0.0, htx = 0.0;
    rc = actent_patterns_cond_bits(&pt, p->est, L->y, L->ny, &hty);
    if (rc == 0 && L->x)
        rc = actent_patterns_cond_bits(&pt, p->est, L->x, L->nx, &htx);
    out.ity = out.ht - hty;
    out.ixt = out.ht - htx;
    out.null_mean = out.null_sd = out.ixt_sd = out.ity_sd = NAN;
    if (rc == 0 && p->shuffles > 0)
        rc = null_ity(&pt, L, p, out.ht, &out);
    if (rc == 0 && p->bootstrap > 0)
        rc = actent_ip_bootstrap(&pt, L, p, &out);
    actent_patterns_free(&pt);
    if (rc != 0)
        return actent_fail(err, len, "out of memory for the conditional counts");
    *r = out;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

size_t actent_ip_dense_ids(const int64_t *v, size_t n, int32_t *out)
{
    if (n == 0)
        return 0;
    int64_t lo = v[0], hi = v[0];
    for (size_t i = 1; i < n; i++) {
        lo = v[i] < lo ? v[i] : lo;
        hi = v[i] > hi ? v[i] : hi;
    }
    /* the span as unsigned: exact for any int64 pair */
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    size_t m = 0;
    if (span < 4 * (uint64_t)n + 1024) { /* the usual 0 .. C - 1: a table, O(n + span) */
        int32_t *at = malloc((size_t)(span + 1) * sizeof *at);
        if (!at)
            return 0;
        for (uint64_t u = 0; u <= span; u++)
            at[u] = -1;
        for (size_t i = 0; i < n; i++)
            at[(uint64_t)v[i] - (uint64_t)lo] = 0;
        for (uint64_t u = 0; u <= span; u++)
            if (at[u] == 0)
                at[u] = (int32_t)m++;
        for (size_t i = 0; i < n; i++)
            out[i] = at[(uint64_t)v[i] - (uint64_t)lo];
        free(at);
        return m;
    }
    uint64_t *key = malloc(2 * n * sizeof *key), *sorted = key + n;
    if (!key)
        return 0;
    for (size_t i = 0; i < n; i++) /* the sign bit flipped: unsigned order is signed order */
        key[i] = sorted[i] = (uint64_t)v[i] ^ ((uint64_t)1 << 63);
    qsort(sorted, n, sizeof *sorted, cmp_u64);
    for (size_t i = 0; i < n; i++)
        if (m == 0 || sorted[m - 1] != sorted[i])
            sorted[m++] = sorted[i];
    for (size_t i = 0; i < n; i++) {
        size_t at = 0, len = m; /* the rank of key[i]: the last sorted[at] <= key[i] */
        while (len > 1) {
            size_t half = len / 2;
            at = sorted[at + half] <= key[i] ? at + half : at;
            len -= half;
        }
        out[i] = (int32_t)at;
    }
    free(key);
    return m;
}
