/* population.c - binned entropies from the input's CDF, and their limit. */
#include "population.h"

#include <math.h>
#include <stdlib.h>

#include "errmsg.h"
#include "histogram.h"

#define SELU_SCALE 1.0507009873554805
#define SELU_ALPHA 1.6732632423543772

static double sigm(double x) { return 1.0 / (1.0 + exp(-x)); }
static double f_sigmoid(double x) { return sigm(x); }
static double d_sigmoid(double x) { return sigm(x) * (1.0 - sigm(x)); }
static double f_tanh(double x) { return tanh(x); }
static double d_tanh(double x) { return 1.0 - tanh(x) * tanh(x); }
static double f_relu(double x) { return x > 0.0 ? x : 0.0; }
static double d_relu(double x) { return x > 0.0 ? 1.0 : 0.0; }
static double f_softsign(double x) { return x / (1.0 + fabs(x)); }
static double d_softsign(double x) { return 1.0 / ((1.0 + fabs(x)) * (1.0 + fabs(x))); }
static double f_softplus(double x) { return fmax(x, 0.0) + log1p(exp(-fabs(x))); }
static double f_hsig(double x) { return x < -2.5 ? 0.0 : x > 2.5 ? 1.0 : 0.2 * x + 0.5; }
static double d_hsig(double x) { return x < -2.5 || x > 2.5 ? 0.0 : 0.2; }
static double f_selu(double x)
{
    return x > 0.0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * expm1(x);
}
static double d_selu(double x) { return x > 0.0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * exp(x); }
static double f_relu6(double x) { return x < 0.0 ? 0.0 : x > 6.0 ? 6.0 : x; }
static double d_relu6(double x) { return x < 0.0 || x > 6.0 ? 0.0 : 1.0; }
static double f_elu(double x) { return x > 0.0 ? x : expm1(x); }
static double d_elu(double x) { return x > 0.0 ? 1.0 : exp(x); }
static double f_leaky(double x) { return x > 0.0 ? x : 0.2 * x; }
static double d_leaky(double x) { return x > 0.0 ? 1.0 : 0.2; }
static double f_linear(double x) { return x; }
static double d_one(double x) { return (void)x, 1.0; }

/* f, f', and the points between which f is monotone (flat or strictly) */
struct act_f64 {
    double (*f)(double), (*df)(double);
    int nbp;
    double bp[3];
};

static const struct act_f64 acts[ACT_COUNT] = {
    [ACT_SIGMOID] = {f_sigmoid, d_sigmoid, 0, {0}},
    [ACT_TANH] = {f_tanh, d_tanh, 0, {0}},
    [ACT_RELU] = {f_relu, d_relu, 1, {0.0}},
    [ACT_SOFTSIGN] = {f_softsign, d_softsign, 1, {0.0}}, /* |x|: a kink for the quadrature */
    [ACT_SOFTPLUS] = {f_softplus, f_sigmoid, 0, {0}},
    [ACT_HARD_SIGMOID] = {f_hsig, d_hsig, 2, {-2.5, 2.5}},
    [ACT_SELU] = {f_selu, d_selu, 1, {0.0}},
    [ACT_RELU6] = {f_relu6, d_relu6, 2, {0.0, 6.0}},
    [ACT_ELU] = {f_elu, d_elu, 1, {0.0}},
    [ACT_LEAKY_RELU] = {f_leaky, d_leaky, 1, {0.0}},
    [ACT_LINEAR] = {f_linear, d_one, 0, {0}},
};

struct dist {
    enum actent_dist kind;
    double sigma, a, b, za, z; /* normal: Phi(a/sigma), Phi(b/sigma) - Phi(a/sigma) */
};

static double phi_cdf(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

static struct dist dist_init(enum actent_dist kind, double sigma, double a, double b)
{
    struct dist d = {kind, sigma, a, b, 0.0, 1.0};
    if (kind == ACTENT_NORMAL) {
        d.za = phi_cdf(a / sigma);
        d.z = phi_cdf(b / sigma) - d.za;
    }
    return d;
}

/* P(X <= x) for X on [a, b] */
static double cdf(const struct dist *d, double x)
{
    if (x <= d->a)
        return 0.0;
    if (x >= d->b)
        return 1.0;
    if (d->kind == ACTENT_NORMAL)
        return (phi_cdf(x / d->sigma) - d->za) / d->z;
    return (x - d->a) / (d->b - d->a);
}

static double density(const struct dist *d, double x)
{
    if (d->kind == ACTENT_NORMAL)
        return exp(-0.5 * (x / d->sigma) * (x / d->sigma)) / (d->sigma * sqrt(2.0 * M_PI)) / d->z;
    return 1.0 / (d->b - d->a);
}

/* the pieces of [a, b] between f's breakpoints: p[0] = a < ... < p[np] = b */
static int pieces(const struct act_f64 *f, double a, double b, double *p)
{
    int np = 0;
    p[np++] = a;
    for (int i = 0; i < f->nbp; i++)
        if (f->bp[i] > a && f->bp[i] < b)
            p[np++] = f->bp[i];
    p[np] = b;
    return np;
}

/* x in [p, q] with f(x) = v, f monotone there (f(p) != f(q)), by bisection */
static double inverse(const struct act_f64 *f, double p, double q, double v)
{
    bool up = f->f(q) > f->f(p);
    if (up ? v <= f->f(p) : v >= f->f(p))
        return p;
    if (up ? v >= f->f(q) : v <= f->f(q))
        return q;
    for (int it = 0; it < 200; it++) {
        double m = 0.5 * (p + q);
        if (m <= p || m >= q)
            break;
        if ((f->f(m) < v) == up)
            p = m;
        else
            q = m;
    }
    return 0.5 * (p + q);
}

/* the bin of v on edges e[0..k]: the largest i with e[i] <= v; e[k] in the last */
static size_t bin_of(const double *e, size_t k, double v)
{
    size_t lo = 0, hi = k;
    while (hi - lo > 1) {
        size_t m = (lo + hi) / 2;
        if (e[m] <= v)
            lo = m;
        else
            hi = m;
    }
    return lo;
}

static double range_of(const struct act_f64 *f, const double *p, int np, double *lo)
{
    double mn = INFINITY, mx = -INFINITY;
    for (int i = 0; i <= np; i++) {
        mn = fmin(mn, f->f(p[i]));
        mx = fmax(mx, f->f(p[i]));
    }
    *lo = mn;
    return mx;
}

double actent_population_entropy(enum act_op op, enum actent_dist dist, double sigma, double a,
                                 double b, size_t nbins)
{
    const struct act_f64 *f = op < ACT_COUNT ? &acts[op] : NULL;
    if (!f || !f->f || nbins == 0)
        return NAN;
    struct dist d = dist_init(dist, sigma, a, b);
    double p[5], lo;
    int np = pieces(f, a, b, p);
    double hi = range_of(f, p, np, &lo);
    double *e = malloc((nbins + 1) * sizeof *e), *mass = calloc(nbins, sizeof *mass);
    if (!e || !mass) {
        free(e);
        free(mass);
        return NAN;
    }
    actent_linspace(lo, hi, nbins + 1, e);
    for (int k = 0; k < np; k++) {
        double fp = f->f(p[k]), fq = f->f(p[k + 1]);
        if (fp == fq) { /* flat: all its mass at one value */
            mass[bin_of(e, nbins, fp)] += cdf(&d, p[k + 1]) - cdf(&d, p[k]);
            continue;
        }
        double prev = cdf(&d, inverse(f, p[k], p[k + 1], e[0]));
        for (size_t i = 0; i < nbins; i++) {
            double c = cdf(&d, inverse(f, p[k], p[k + 1], e[i + 1]));
            mass[i] += fabs(c - prev);
            prev = c;
        }
    }
    double h = 0.0;
    for (size_t i = 0; i < nbins; i++)
        if (mass[i] > 0.0)
            h -= mass[i] * log2(mass[i]);
    free(e);
    free(mass);
    return h;
}

/* 8-point Gauss-Legendre nodes and weights on [-1, 1] (the positive half) */
static const double gl_x[4] = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267,
                               0.9602898564975363};
static const double gl_w[4] = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745,
                               0.1012285362903763};

double actent_population_limit(enum act_op op, enum actent_dist dist, double sigma, double a,
                               double b)
{
    const struct act_f64 *f = op < ACT_COUNT ? &acts[op] : NULL;
    if (!f || !f->f)
        return NAN;
    struct dist d = dist_init(dist, sigma, a, b);
    double p[5], lo;
    int np = pieces(f, a, b, p);
    double hi = range_of(f, p, np, &lo), e = 0.0;
    const int panels = 256;
    for (int k = 0; k < np; k++) {
        if (f->f(p[k]) == f->f(p[k + 1]) && cdf(&d, p[k + 1]) > cdf(&d, p[k]))
            return INFINITY; /* flat with positive mass: not one-to-one */
        double h = (p[k + 1] - p[k]) / panels;
        for (int j = 0; j < panels; j++) {
            double c = p[k] + (j + 0.5) * h;
            for (int g = 0; g < 8; g++) {
                double x = c + (g < 4 ? -gl_x[g] : gl_x[g - 4]) * h / 2;
                e += gl_w[g & 3] * h / 2 * density(&d, x) * log2(fabs(f->df(x)));
            }
        }
    }
    return -e + log2((hi - lo) / (b - a));
}

int actent_population_fill(struct actent_experiment *r, char *err, size_t len)
{
    const struct actent_experiment_opts *o = &r->opts;
    if (o->input)
        return actent_fail(err, len, "--population needs a sample (uniform or normal), not a file");
    if (o->binning == ACTENT_BIN_MASS)
        return actent_fail(err, len, "--population is defined for equal-width bins only");
    double a = -1.0, b = 1.0;
    if (o->dist == ACTENT_NORMAL) {
        a = r->in_lo;
        b = r->in_hi;
    }
    struct actent_extra *in = &r->input_est;
    in->pop_entropy = actent_population_entropy(ACT_LINEAR, o->dist, o->sigma, a, b, r->nbins_in);
    for (size_t i = 0; i < r->nacts; i++) {
        struct actent_extra *e = &r->acts[i].est;
        enum act_op op = r->acts[i].op;
        e->pop_entropy = actent_population_entropy(op, o->dist, o->sigma, a, b, r->nbins_out);
        e->pop_reduction = in->pop_entropy - e->pop_entropy;
        e->limit_reduction = actent_population_limit(op, o->dist, o->sigma, a, b);
    }
    return 0;
}
