/* infoplane_kde.c - the information plane's KDE bounds (infoplane.h): the
 * pairs by tiles, every noise variance's sums from the same tile. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "errmsg.h"
#include "infoplane.h"
#include "rng.h"

#define TILE_ROWS 64
#define TILE_COLS ACT_KDE_ROWS /* at most */

/* Columns per tile: a tile's columns, packed feature-major (d x cols
 * floats), stay in the core's L2 (about 256 KiB) while every row tile
 * passes them, and each step over k reads one short contiguous run instead
 * of a cache line on a page of its own. */
static size_t tile_cols(size_t d)
{
    size_t c = TILE_COLS;
    while (c > 32 && c * d * sizeof(float) > (256u << 10))
        c /= 2;
    return c;
}

struct kde_pass {
    const struct act_kernels *k;
    const struct actent_ip_layer *L;
    const float *tt; /* the layer by column tiles: tile j0 / cols at tt + j0 * d, d x cols */
    size_t cols;
    float *D;        /* TILE_ROWS x TILE_COLS */
    const double *c; /* nc exponent scales, 1 / (2 s2) and 1 / (8 s2) per variance */
    size_t nc;
    double *all, *cls; /* nc x n sums over every j, and over the j of i's class */
};

/* every pair i < j once; each sum starts at 1, the j = i term */
static void pass(struct kde_pass *q, const int32_t *y)
{
    const struct actent_ip_layer *L = q->L;
    size_t n = L->n, d = L->d;
    for (size_t i = 0; i < q->nc * n; i++)
        q->all[i] = q->cls[i] = 1.0;
    size_t cols = q->cols;
    for (size_t j0 = 0; j0 < n; j0 += cols) {
        size_t jn = n - j0 < cols ? n - j0 : cols;
        for (size_t i0 = 0; i0 < j0 + jn; i0 += TILE_ROWS) {
            size_t ni = j0 + jn - i0 < TILE_ROWS ? j0 + jn - i0 : TILE_ROWS;
            q->k->kde_dist(L->t + i0 * d, ni, d, q->tt + j0 * d, jn, cols, d, q->D, TILE_COLS);
            if (i0 + ni > j0) /* the tile meets the diagonal: only j > i counts */
                for (size_t r = 0; r < ni; r++)
                    for (size_t c = 0; c < jn && j0 + c <= i0 + r; c++)
                        q->D[r * TILE_COLS + c] = INFINITY;
            for (size_t m = 0; m < q->nc; m++) {
                double *a = q->all + m * n, *s = q->cls + m * n;
                q->k->kde_tile(q->D, ni, jn, TILE_COLS, q->c[m], y + i0, y + j0, a + i0, a + j0,
                               s + i0, s + j0);
            }
        }
    }
}

/* H(T) and H(T|Y) in nats from one exponent's sums: hc = d/2 + d/2 ln(2 pi s2') (+ the
 * lower bound's d/2 ln(1/4)) is what the bound adds to ln n - mean ln s */
static void bounds(const struct actent_ip_layer *L, const int32_t *y, const double *all,
                   const double *cls, double hc, double *ht, double *hty, double *lsum, size_t *cnt)
{
    size_t n = L->n;
    double la = 0.0;
    for (size_t c = 0; c < L->ny; c++)
        lsum[c] = 0.0, cnt[c] = 0;
    for (size_t i = 0; i < n; i++) {
        la += log(all[i]);
        lsum[y[i]] += log(cls[i]);
        cnt[y[i]]++;
    }
    *ht = hc + log((double)n) - la / (double)n;
    double h = 0.0;
    for (size_t c = 0; c < L->ny; c++)
        if (cnt[c])
            h += (double)cnt[c] / (double)n * (hc + log((double)cnt[c]) - lsum[c] / (double)cnt[c]);
    *hty = h;
}

int actent_ip_kde(const struct act_kernels *k, const struct actent_ip_layer *L, const double *vars,
                  size_t nvar, size_t shuffles, uint32_t seed, struct actent_ip_result *upper,
                  struct actent_ip_result *lower, char *err, size_t len)
{
    struct actent_ip_params p = {.method = ACTENT_IP_KDE_UPPER, .est = ACTENT_EST_PLUGIN};
    if (nvar == 0)
        return actent_fail(err, len, "no noise variance given");
    for (size_t v = 0; v < nvar; v++) {
        p.noise_var = vars[v];
        if (actent_ip_check(k, L, &p, err, len) != 0)
            return -1;
    }
    if (actent_ip_check_finite(L, err, len) != 0)
        return -1;
    const double pi = 3.14159265358979323846, ln2 = log(2.0);
    size_t n = L->n, d = L->d, nc = 2 * nvar;
    struct kde_pass q = {.k = k, .L = L, .nc = nc};
    size_t cols = tile_cols(d), padded = (n + cols - 1) / cols * cols;
    float *tt = malloc(padded * d * sizeof *tt);
    q.D = malloc(TILE_ROWS * TILE_COLS * sizeof *q.D);
    double *c = malloc(nc * sizeof *c);
    q.all = malloc(nc * n * sizeof *q.all);
    q.cls = malloc(nc * n * sizeof *q.cls);
    double *lsum = malloc(L->ny * sizeof *lsum);
    size_t *cnt = malloc(L->ny * sizeof *cnt);
    int32_t *y = malloc(n * sizeof *y);
    int rc = 0;
    if (!tt || !q.D || !c || !q.all || !q.cls || !lsum || !cnt || !y) {
        rc = actent_fail(err, len, "out of memory for the KDE tiles of %zu x %zu", n, d);
        goto done;
    }
    for (size_t i = 0; i < n; i++) /* row i: column i % cols of tile i / cols */
        for (size_t j = 0; j < d; j++)
            tt[(i - i % cols) * d + j * cols + i % cols] = L->t[i * d + j];
    for (size_t v = 0; v < nvar; v++) {
        c[2 * v] = 1.0 / (2.0 * vars[v]);
        c[2 * v + 1] = 1.0 / (8.0 * vars[v]);
    }
    q.tt = tt;
    q.cols = cols;
    q.c = c;
    double dd = (double)d;
    /* round 0 with the labels as given, then one per permutation */
    memcpy(y, L->y, n * sizeof *y);
    struct actent_rng rng;
    actent_rng_seed(&rng, seed);
    struct actent_ip_moments *mo = calloc(nc, sizeof *mo);
    if (!mo) {
        rc = actent_fail(err, len, "out of memory for the permutations' moments");
        goto done;
    }
    for (size_t round = 0; round <= shuffles; round++) {
        if (round > 0)
            actent_rng_shuffle_i32(&rng, y, n);
        pass(&q, y);
        for (size_t v = 0; v < nvar; v++) {
            double noise = dd / 2.0 * (log(2.0 * pi * vars[v]) + 1.0);
            for (int b = 0; b < 2; b++) {
                double s2 = b == 0 ? vars[v] : 4.0 * vars[v];
                double hc =
                    dd / 2.0 + dd / 2.0 * log(2.0 * pi * s2) + (b ? dd / 2.0 * log(0.25) : 0);
                double ht, hty;
                bounds(L, y, q.all + (2 * v + b) * n, q.cls + (2 * v + b) * n, hc, &ht, &hty, lsum,
                       cnt);
                struct actent_ip_result *r = b == 0 ? &upper[v] : &lower[v];
                double ity = (ht - hty) / ln2;
                if (round == 0)
                    *r = (struct actent_ip_result){.ht = ht / ln2,
                                                   .ixt = (ht - noise) / ln2,
                                                   .ity = ity,
                                                   .null_mean = NAN,
                                                   .null_sd = NAN,
                                                   .ixt_sd = NAN,
                                                   .ity_sd = NAN};
                else
                    actent_ip_moments_add(&mo[2 * v + b], ity);
            }
        }
    }
    for (size_t v = 0; v < nvar && shuffles; v++)
        for (int b = 0; b < 2; b++) {
            struct actent_ip_result *r = b == 0 ? &upper[v] : &lower[v];
            r->null_mean = mo[2 * v + b].mean;
            r->null_sd = actent_ip_moments_sd(&mo[2 * v + b]);
        }
    free(mo);
done:
    free(tt);
    free(q.D);
    free(c);
    free(q.all);
    free(q.cls);
    free(lsum);
    free(cnt);
    free(y);
    return rc;
}
