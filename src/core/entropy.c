/* entropy.c - Shannon entropy with scipy's arithmetic and numpy's summation order. */
#include "entropy.h"

#include <math.h>

/* numpy's pairwise_sum (loops_utils.h): plain below 8 values, eight
 * interleaved accumulators up to 128, halves (kept multiples of 8) above.
 * term(ctx, i) supplies a[i], so no array of terms is ever allocated. */
typedef double (*term_fn)(const void *ctx, size_t i);

static double pairwise(const void *ctx, term_fn term, size_t off, size_t n)
{
    if (n < 8) {
        double res = 0.0;
        for (size_t i = 0; i < n; i++)
            res += term(ctx, off + i);
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (size_t j = 0; j < 8; j++)
            r[j] = term(ctx, off + j);
        size_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (size_t j = 0; j < 8; j++)
                r[j] += term(ctx, off + i + j);
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += term(ctx, off + i);
        return res;
    }
    size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(ctx, term, off, n2) + pairwise(ctx, term, off + n2, n - n2);
}

static double array_term(const void *ctx, size_t i) { return ((const double *)ctx)[i]; }

double actent_pairwise_sum(const double *a, size_t n) { return pairwise(a, array_term, 0, n); }

/* scipy.special.entr */
static double entr(double x)
{
    if (isnan(x))
        return x;
    if (x > 0.0)
        return -x * log(x);
    if (x == 0.0)
        return 0.0;
    return -INFINITY;
}

struct entr_ctx {
    const uint64_t *counts;
    double total;
};

static double entr_term(const void *ctx, size_t i)
{
    const struct entr_ctx *c = ctx;
    return entr((double)c->counts[i] / c->total);
}

double actent_entropy_bits(const uint64_t *counts, size_t k)
{
    /* scipy divides by np.sum of the counts: their exact integer sum, rounded
     * to double once. numpy's sum wraps past 2^64 (scipy then gives -inf or
     * 0); 128 bits do not, so huge counts get the true entropy. */
    if (!counts)
        return NAN;
    __extension__ unsigned __int128 total = 0;
    for (size_t i = 0; i < k; i++)
        total += counts[i];
    struct entr_ctx c = {counts, (double)total};
    double s = 0.0 + pairwise(&c, entr_term, 0, k);
    return s / log(2.0);
}
