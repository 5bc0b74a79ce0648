/* population.h - the analysis as N -> infinity, and as the bins -> infinity.
 *
 * For the uniform sample on [a, b] = [-1, 1], and the normal(0, sigma)
 * sample truncated to [a, b] = the sample's own [min, max] (a normal has no
 * finite range to bin), in double:
 *   - the binned entropy of X: B equal bins on [a, b];
 *   - of f(X): the analysis's output bins (B - 1 in notebook mode, else B)
 *     on f's range over [a, b]; a bin's probability is F(f^-1(upper edge)) -
 *     F(f^-1(lower edge)) summed over f's monotone pieces (f^-1 by bisection
 *     in double), a flat piece putting its whole mass in the bin of its value;
 *   - the limit of the reduction as the bins -> infinity, h(X) - h(f(X)) +
 *     log2((max f - min f) / (b - a)) = E[log2(p_Y(f(X)) / p_X(X))] + that
 *     ratio, p_Y summed over every preimage (for a one-to-one f, the familiar
 *     -E[log2 |f'(X)|] + ...); by the tanh-sinh rule on each monotone piece,
 *     cut where a preimage appears or vanishes; +inf when f is flat on a set
 *     of positive probability (relu, relu6: not one-to-one).
 * f, f', the breakpoints and the turn are the activation's definition
 * (kernels.h, act_defs): every activation of the list has them.
 * For relu on U(-1, 1) with B bins: H = -p0 log2 p0 - (B - 1) q log2 q,
 * q = 1/(2B), p0 = 1/2 + q. */
#ifndef ACTENT_POPULATION_H
#define ACTENT_POPULATION_H

#include <stddef.h>

#include "experiment.h"

/* Fills pop_entropy, pop_reduction and limit_reduction of r->input_est and
 * every r->acts[i].est. -1 with a message for a file input or mass bins. */
int actent_population_fill(struct actent_experiment *r, char *err, size_t len);

/* The population's binned entropy of f(X) (bits) with nbins equal bins on f's
 * range over [a, b]; dist uniform on [a, b], or normal(0, sigma) truncated
 * to it. NaN when op is out of range or nbins is 0. */
double actent_population_entropy(enum act_op op, enum actent_dist dist, double sigma, double a,
                                 double b, size_t nbins);

/* The reduction's limit as the bins -> inf (above), bits; +inf when f is
 * flat where X has mass; NaN when op is out of range. */
double actent_population_limit(enum act_op op, enum actent_dist dist, double sigma, double a,
                               double b);

#endif
