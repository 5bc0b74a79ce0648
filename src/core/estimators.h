/* estimators.h - entropy from a histogram's counts, beyond the plug-in:
 * the bias corrections of Miller-Madow, Grassberger (2003) and the jackknife,
 * and the Kolchinsky-Tracey KDE bounds on the values themselves.
 *
 * Every function returns bits. The formulas, in nats (N = sum of counts,
 * m = non-empty bins), are those of docs/semantics.md:
 *   plugin        H = -sum p_i ln p_i (scipy.stats.entropy)
 *   miller-madow  H + (m - 1) / (2N)
 *   grassberger   ln N - (1/N) sum n_i G(n_i),
 *                 G(n) = psi(n) + (-1)^n / 2 * (psi((n + 1)/2) - psi(n/2))
 *   jackknife     N H - (N - 1)/N sum_j H_(-j), H_(-j) the plug-in entropy
 *                 with sample j left out, taken from the counts (a sample in
 *                 bin i leaves n_i - 1 there), so O(bins), not N re-binnings,
 *                 rearranged so that nothing large cancels (estimators.c). */
#ifndef ACTENT_ESTIMATORS_H
#define ACTENT_ESTIMATORS_H

#include <stddef.h>
#include <stdint.h>

enum actent_estimator {
    ACTENT_EST_PLUGIN,
    ACTENT_EST_MILLER_MADOW,
    ACTENT_EST_GRASSBERGER,
    ACTENT_EST_JACKKNIFE,
    ACTENT_EST_KDE,
    ACTENT_EST_COUNT
};

/* "plugin", "miller-madow", ...; ACTENT_EST_COUNT when unknown */
enum actent_estimator actent_estimator_from_name(const char *s);
const char *actent_estimator_name(enum actent_estimator e);

/* psi(x) for x > 0 in double, to within a few ulp (recurrence up to 12, then
 * the asymptotic series); NaN for x <= 0 or NaN. */
double actent_digamma(double x);

/* A histogram estimator (not KDE) of counts[0..k) in bits; NaN when the
 * counts are all zero (the jackknife also needs N >= 2). */
double actent_estimate_bits(enum actent_estimator e, const uint64_t *counts, size_t k);

#endif
