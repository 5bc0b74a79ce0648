/* infoplane.h - the information plane of one layer: I(X;T) and I(T;Y) for
 * the n x d activations T of n samples (rows), with labels Y, in bits.
 *
 * Binning (the row of each sample's bin codes is one symbol, T a discrete
 * variable; docs/infoplane.md gives each method's source):
 *   width  code = floor(t / w) in float32 (ibsgd, deep-bottleneck)
 *   idnns  code = np.digitize(t, e) on the float32 edges e =
 *          np.linspace(-1, 1, bins), where IDNNs' bins[digitize - 1] gives a
 *          value below -1 the last edge's code, as a value >= 1 (IDNNs)
 *   count  bins bins on np.linspace(min T, max T, bins + 1), np.histogram's
 *          rule (the last bin closed)
 *   mass   bins equal-mass bins on the layer's values (mass.h), the same rule
 * H(T) by an estimator over the pattern counts; I(X;T) = H(T) (a
 * deterministic network) or, given input ids x, H(T) - H(T | X);
 * I(T;Y) = H(T) - H(T | Y), H(T | Y) = sum_y p(y) H(T | Y = y).
 *
 * KDE (Kolchinsky and Tracey's bounds as ibsgd's kde.py computes them, each
 * point the centre of a Gaussian of variance s2 per dimension):
 *   upper   H = d/2 + d/2 ln(2 pi s2) + ln n - (1/n) sum_i ln sum_j e^(-D_ij / 2 s2)
 *   lower   the upper with 4 s2 for s2, plus d/2 ln(1/4)
 *   H(T|X) = d/2 (ln(2 pi s2) + 1); H(T|Y) the bound on each class's rows.
 * D_ij = |t_i - t_j|^2 by tiles of the table's kde_dist, the sums by its
 * kde_tile; memory O(n d), never n x n. */
#ifndef ACTENT_INFOPLANE_H
#define ACTENT_INFOPLANE_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actent.h" /* struct actent_ip_result, public as it is */
#include "estimators.h"
#include "kernels.h"

enum actent_ip_method {
    ACTENT_IP_WIDTH,
    ACTENT_IP_IDNNS,
    ACTENT_IP_COUNT,
    ACTENT_IP_MASS,
    ACTENT_IP_KDE_UPPER,
    ACTENT_IP_KDE_LOWER,
    ACTENT_IP_METHODS
};

/* "width", ...; ACTENT_IP_METHODS when unknown */
enum actent_ip_method actent_ip_method_from_name(const char *s);
const char *actent_ip_method_name(enum actent_ip_method m);

/* one layer at one epoch: t row-major (row i at t + i * d), y[i] in [0, ny),
 * x[i] in [0, nx) or x NULL */
struct actent_ip_layer {
    const float *t;
    size_t n, d;
    const int32_t *y;
    size_t ny;
    const int32_t *x;
    size_t nx;
};

struct actent_ip_params {
    enum actent_ip_method method;
    double width;              /* width */
    size_t bins;               /* idnns, count, mass */
    double noise_var;          /* kde-*: s2 */
    enum actent_estimator est; /* binning: plugin, miller-madow, grassberger, jackknife */
    size_t shuffles;           /* I(T;Y) with Y permuted, this many times */
    size_t bootstrap;          /* binning: replicates of the rows resampled */
    uint32_t seed;             /* np.random.RandomState(seed).shuffle, once per permutation */
};

/* Checks the layer's shape and labels and the parameters: -1 with a message
 * naming the first thing wrong (n < 2, d = 0, a label or id out of range, a
 * width, bin count or s2 out of its range); 0 when all is well. The values
 * are checked by actent_ip_check_finite, which the methods call where it
 * costs least (fixed width: only when a code leaves the int32 range). */
int actent_ip_check(const struct act_kernels *k, const struct actent_ip_layer *L,
                    const struct actent_ip_params *p, char *err, size_t len);

/* -1 with a message naming the first NaN or infinite t[i, j]; 0 when there is none */
int actent_ip_check_finite(const struct actent_ip_layer *L, char *err, size_t len);

/* The information plane of L by p (checked first). 0; -1 with a message. */
int actent_ip_compute(const struct act_kernels *k, const struct actent_ip_layer *L,
                      const struct actent_ip_params *p, struct actent_ip_result *r, char *err,
                      size_t len);

/* Both KDE bounds for each of nvar noise variances in one pass over the
 * pairs (the tiles are shared): upper[v] and lower[v] filled as
 * actent_ip_compute would for "kde-upper" and "kde-lower" with noise_var =
 * vars[v] (shuffles apply to both). 0; -1 with a message. */
int actent_ip_kde(const struct act_kernels *k, const struct actent_ip_layer *L, const double *vars,
                  size_t nvar, size_t shuffles, uint32_t seed, struct actent_ip_result *upper,
                  struct actent_ip_result *lower, char *err, size_t len);

/* Labels (any values) numbered 0 .. k - 1 in ascending order, as
 * np.unique(v, return_inverse=True) numbers them: out[i] = the rank of v[i]
 * among the distinct values. k; 0 when memory is short (or n is 0). */
size_t actent_ip_dense_ids(const int64_t *v, size_t n, int32_t *out);

/* binning: r->ixt_sd and r->ity_sd over p->bootstrap resamples of the rows
 * (infoplane_boot.c); 0, -1 when memory is short */
struct actent_patterns;
int actent_ip_bootstrap(struct actent_patterns *pt, const struct actent_ip_layer *L,
                        const struct actent_ip_params *p, struct actent_ip_result *r);

/* the null distribution's mean and sd (ddof 0, as np.std) by Welford's
 * updates, stable where the sum of squares would cancel */
struct actent_ip_moments {
    double n, mean, m2;
};
static inline void actent_ip_moments_add(struct actent_ip_moments *m, double v)
{
    m->n += 1.0;
    double d = v - m->mean;
    m->mean += d / m->n;
    m->m2 += d * (v - m->mean);
}
static inline double actent_ip_moments_sd(const struct actent_ip_moments *m)
{
    return m->n > 0 ? sqrt(m->m2 / m->n) : NAN;
}

#endif
