/* population.c - binned entropies from the input's CDF, and their limit. */
#include "population.h"

#include <math.h>
#include <stdlib.h>

#include "errmsg.h"
#include "histogram.h"

/* f, f' and the points between which f is monotone (flat or strictly):
 * the activation's definition (kernels.h, act_defs), its turn among the
 * breakpoints */
struct act_f64 {
    double (*f)(double), (*df)(double);
    int nbp;
    double bp[4];
};

static struct act_f64 definition(enum act_op op)
{
    const struct act_def *d = act_defs[op];
    struct act_f64 f = {d->f, d->df, 0, {0}};
    for (int i = 0; i < d->nbp; i++)
        f.bp[f.nbp++] = d->bp[i];
    if (!isnan(d->turn)) { /* in order among the others */
        int i = f.nbp++;
        for (; i > 0 && f.bp[i - 1] > d->turn; i--)
            f.bp[i] = f.bp[i - 1];
        f.bp[i] = d->turn;
    }
    return f;
}

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
    if (op >= ACT_COUNT || nbins == 0)
        return NAN;
    struct act_f64 def = definition(op), *f = &def;
    struct dist d = dist_init(dist, sigma, a, b);
    double p[6], lo;
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

/* p_Y(f(x)) / p_X(x) for x on piece k: the density of Y = f(X) at f(x), summed
 * over every preimage of f(x) (one per piece whose range holds it), over X's
 * density at x */
static double density_ratio(const struct act_f64 *f, const struct dist *d, const double *p, int np,
                            int k, double x)
{
    double y = f->f(x), px = density(d, x), sum = px / fabs(f->df(x));
    for (int j = 0; j < np; j++) {
        double fa = f->f(p[j]), fb = f->f(p[j + 1]);
        if (j == k || !(y > fmin(fa, fb) && y < fmax(fa, fb)))
            continue;
        double xj = inverse(f, p[j], p[j + 1], y);
        sum += density(d, xj) / fabs(f->df(xj));
    }
    return sum / px;
}

/* The integral of p_X log2(p_Y / p_X) over (a, b), inside piece k, by the
 * tanh-sinh rule (step 1/64, |t| <= 4): exact to about 1e-14 for an analytic
 * integrand, and untroubled by the integrable log singularities at the ends
 * that a turn gives. */
static double tanh_sinh(const struct act_f64 *f, const struct dist *d, const double *p, int np,
                        int k, double a, double b)
{
    const double h = 1.0 / 64.0, half_pi = 1.5707963267948966;
    double c = 0.5 * (a + b), r = 0.5 * (b - a), sum = 0.0;
    for (int i = -256; i <= 256; i++) {
        double t = i * h, u = half_pi * sinh(t), ch = cosh(u);
        double x = c + r * tanh(u), w = r * half_pi * cosh(t) / (ch * ch);
        if (!(x > a && x < b) || w == 0.0)
            continue;
        /* an ulp from a turn f' may round to 0: the log singularity there is
         * integrable and the node's weight (below 1e-14) carries nothing */
        double g = log2(density_ratio(f, d, p, np, k, x));
        if (isfinite(g))
            sum += w * density(d, x) * g;
    }
    return sum * h;
}

/* Piece k's integral, split where f(x) passes the value at another piece's
 * end: there a preimage appears or vanishes and the integrand jumps, which
 * the rule must see as an end, not inside. */
static double piece_integral(const struct act_f64 *f, const struct dist *d, const double *p, int np,
                             int k)
{
    double cut[8];
    int nc = 0;
    double fa = f->f(p[k]), fb = f->f(p[k + 1]);
    cut[nc++] = p[k];
    for (int j = 0; j <= np && nc < 7; j++) {
        double v = f->f(p[j]);
        if (v > fmin(fa, fb) && v < fmax(fa, fb)) {
            double x = inverse(f, p[k], p[k + 1], v);
            int i = nc++;
            for (; i > 1 && cut[i - 1] > x; i--) /* in order */
                cut[i] = cut[i - 1];
            cut[i] = x;
        }
    }
    cut[nc] = p[k + 1];
    double e = 0.0;
    for (int i = 0; i < nc; i++)
        if (cut[i + 1] > cut[i])
            e += tanh_sinh(f, d, p, np, k, cut[i], cut[i + 1]);
    return e;
}

double actent_population_limit(enum act_op op, enum actent_dist dist, double sigma, double a,
                               double b)
{
    if (op >= ACT_COUNT)
        return NAN;
    struct act_f64 def = definition(op), *f = &def;
    struct dist d = dist_init(dist, sigma, a, b);
    double p[6], lo;
    int np = pieces(f, a, b, p);
    double hi = range_of(f, p, np, &lo), e = 0.0;
    for (int k = 0; k < np; k++) {
        if (f->f(p[k]) == f->f(p[k + 1]) && cdf(&d, p[k + 1]) > cdf(&d, p[k]))
            return INFINITY; /* flat with positive mass: not one-to-one */
        e += piece_integral(f, &d, p, np, k);
    }
    /* h(X) - h(Y) = E[log2 p_Y(f(X)) - log2 p_X(X)], plus the ranges' ratio */
    return e + log2((hi - lo) / (b - a));
}

int actent_population_fill(struct actent_experiment *r, char *err, size_t len)
{
    const struct actent_experiment_opts *o = &r->opts;
    if (o->input)
        return actent_fail(err, len,
                           "--population needs a sample (uniform or normal), not given values (a "
                           "file or an array)");
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
