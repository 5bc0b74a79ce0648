/* estimators.c - bias-corrected entropy from counts, and psi in double. */
#include "estimators.h"

#include <math.h>
#include <string.h>

#include "entropy.h"

static const char *const names[ACTENT_EST_COUNT] = {
    [ACTENT_EST_PLUGIN] = "plugin",
    [ACTENT_EST_MILLER_MADOW] = "miller-madow",
    [ACTENT_EST_GRASSBERGER] = "grassberger",
    [ACTENT_EST_JACKKNIFE] = "jackknife",
    [ACTENT_EST_KDE] = "kde",
};

enum actent_estimator actent_estimator_from_name(const char *s)
{
    for (int i = 0; i < ACTENT_EST_COUNT; i++)
        if (strcmp(s, names[i]) == 0)
            return (enum actent_estimator)i;
    return ACTENT_EST_COUNT;
}

const char *actent_estimator_name(enum actent_estimator e)
{
    return e < ACTENT_EST_COUNT ? names[e] : "?";
}

double actent_digamma(double x)
{
    if (!(x > 0.0))
        return NAN;
    /* psi(x) = psi(x + 1) - 1/x moves x past 12, where the series' first
     * omitted term (x^-14 / 12 < 7e-17) is below half an ulp of psi(12) */
    double acc = 0.0;
    while (x < 12.0) {
        acc -= 1.0 / x;
        x += 1.0;
    }
    double r = 1.0 / (x * x);
    /* Bernoulli terms B_2k / (2k x^2k), k = 1..6 */
    double series =
        r * (1.0 / 12 -
             r * (1.0 / 120 -
                  r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132 - r * (691.0 / 32760))))));
    return acc + log(x) - 0.5 / x - series;
}

static uint64_t total_of(const uint64_t *c, size_t k, size_t *nonempty)
{
    uint64_t n = 0;
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        n += c[i];
        m += c[i] != 0;
    }
    *nonempty = m;
    return n;
}

static double grassberger_nats(const uint64_t *c, size_t k, double n)
{
    double s = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (!c[i])
            continue;
        double ni = (double)c[i];
        double sign = (c[i] & 1) ? -1.0 : 1.0;
        double g = actent_digamma(ni) +
                   0.5 * sign * (actent_digamma((ni + 1.0) / 2.0) - actent_digamma(ni / 2.0));
        s += ni * g;
    }
    return log(n) - s / n;
}

/* Leaving out one sample of bin i gives counts with n_i - 1 there and N - 1
 * in all; n_i samples share that H_(-i). N H - (N-1)/N sum n_i H_(-i)
 * rewritten so nothing large cancels (N H alone is ~N times the answer):
 *   H + (N-1) ln(1 + 1/(N-1)) + (1/N) sum n_i (n_i - 1) ln(1 - 1/n_i). */
static double jackknife_nats(const uint64_t *c, size_t k, double n)
{
    double s = 0.0, t = 0.0;
    for (size_t i = 0; i < k; i++) {
        double ni = (double)c[i];
        if (c[i] > 0)
            s += ni * log(ni);
        if (c[i] > 1)
            t += ni * (ni - 1.0) * log1p(-1.0 / ni);
    }
    double h = log(n) - s / n;
    return h + (n - 1.0) * log1p(1.0 / (n - 1.0)) + t / n;
}

double actent_estimate_bits(enum actent_estimator e, const uint64_t *counts, size_t k)
{
    size_t m;
    uint64_t total = total_of(counts, k, &m);
    double n = (double)total;
    if (total == 0)
        return NAN;
    switch (e) {
    case ACTENT_EST_PLUGIN:
        return actent_entropy_bits(counts, k);
    case ACTENT_EST_MILLER_MADOW:
        return actent_entropy_bits(counts, k) + ((double)m - 1.0) / (2.0 * n) / log(2.0);
    case ACTENT_EST_GRASSBERGER:
        return grassberger_nats(counts, k, n) / log(2.0);
    case ACTENT_EST_JACKKNIFE:
        return total < 2 ? NAN : jackknife_nats(counts, k, n) / log(2.0);
    default:
        return NAN;
    }
}
