/* repeats.c - mean, SD and the 95 % interval over repeated samples. */
#include "repeats.h"

#include <math.h>

/* scipy.stats.t.ppf(0.975, df), df = 1..30 */
static const double t975[30] = {
    12.7062047364321, 4.30265272991127, 3.18244630528426, 2.7764451051978,  2.57058183661474,
    2.44691184879168, 2.3646242510103,  2.30600413503337, 2.26215716274099, 2.22813885196494,
    2.20098516008295, 2.17881282966342, 2.16036865646101, 2.14478668791693, 2.13144954555932,
    2.11990529922101, 2.10981557783318, 2.10092204024096, 2.09302405440826, 2.08596344726584,
    2.07961384472766, 2.07387306790401, 2.06865761041904, 2.06389856162802, 2.05953855275329,
    2.05552943864287, 2.05183051648028, 2.04840714179524, 2.0452296421327,  2.04227245630124};

double actent_t975(size_t df)
{
    if (df == 0)
        return NAN;
    if (df <= 30)
        return t975[df - 1];
    double z = 1.959963984540054, v = (double)df, z2 = z * z;
    double g1 = (z2 + 1) * z / 4, g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

void actent_stat_of(const double *v, size_t k, struct actent_stat *s)
{
    double m = 0.0;
    for (size_t i = 0; i < k; i++)
        m += v[i];
    m /= (double)k;
    s->mean = m;
    s->sd = s->lo = s->hi = NAN;
    if (k < 2)
        return;
    double ss = 0.0;
    for (size_t i = 0; i < k; i++)
        ss += (v[i] - m) * (v[i] - m);
    s->sd = sqrt(ss / (double)(k - 1));
    double h = actent_t975(k - 1) * s->sd / sqrt((double)k);
    s->lo = m - h;
    s->hi = m + h;
}

/* field(r[i]) for every repeat, summed up */
#define STAT(dst, expr)                                                                            \
    do {                                                                                           \
        for (size_t i = 0; i < k; i++)                                                             \
            v[i] = (expr);                                                                         \
        actent_stat_of(v, k, &(dst));                                                              \
    } while (0)

void actent_summarize(const struct actent_experiment *r, size_t k, struct actent_summary *s)
{
    double v[ACTENT_REPEATS_MAX] = {0};
    if (k == 0 || k > ACTENT_REPEATS_MAX)
        return;
    s->k = k;
    s->nacts = r[0].nacts;
    STAT(s->input_entropy, r[i].input_entropy);
    STAT(s->input_estimate, r[i].input_est.entropy);
    for (size_t a = 0; a < s->nacts; a++) {
        s->op[a] = r[0].acts[a].op;
        STAT(s->entropy[a], r[i].acts[a].entropy);
        STAT(s->reduction[a], r[i].acts[a].reduction);
        STAT(s->estimate[a], r[i].acts[a].est.entropy);
        STAT(s->estimate_reduction[a], r[i].acts[a].est.reduction);
    }
}
