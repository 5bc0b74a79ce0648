/* entropy.c - Shannon entropy with scipy's arithmetic and numpy's summation order. */
#include "entropy.h"

#include <math.h>
#include <stdlib.h>

/* numpy's pairwise_sum (loops_utils.h): plain below 8 values, eight
 * interleaved accumulators up to 128, halves (kept multiples of 8) above. */
static double pairwise(const double *a, size_t n)
{
    if (n < 8) {
        double res = 0.0;
        for (size_t i = 0; i < n; i++)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (size_t j = 0; j < 8; j++)
            r[j] = a[j];
        size_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (size_t j = 0; j < 8; j++)
                r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += a[i];
        return res;
    }
    size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, n2) + pairwise(a + n2, n - n2);
}

double actent_pairwise_sum(const double *a, size_t n) { return pairwise(a, n); }

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

/* the terms entr(c / total) a block at a time, into t[0..k). Equal counts
 * give equal terms, so each distinct count's logarithm is taken once (a
 * histogram's counts repeat: empty bins, the flat parts of relu-like
 * outputs, the similar counts of a smooth density). */
#define MEMO 64

static void terms(const uint64_t *counts, size_t k, double total, double *t)
{
    /* every slot starts as count 0, whose term needs no logarithm (and is
     * NaN when all counts are 0, as scipy's 0/0 makes it) */
    uint64_t key[MEMO];
    double val[MEMO];
    double zero = entr(0.0 / total);
    for (size_t j = 0; j < MEMO; j++) {
        key[j] = 0;
        val[j] = zero;
    }
    for (size_t i = 0; i < k; i++) {
        uint64_t c = counts[i];
        size_t h = (size_t)((c * UINT64_C(0x9E3779B97F4A7C15)) >> 58);
        if (key[h] != c) {
            key[h] = c;
            val[h] = entr((double)c / total);
        }
        t[i] = val[h];
    }
}

double actent_entropy_bits(const uint64_t *counts, size_t k)
{
    if (!counts)
        return NAN;
    /* scipy divides by np.sum of the counts: their exact integer sum, rounded
     * to double once. numpy's sum wraps past 2^64 (scipy then gives -inf or
     * 0); 128 bits do not, so huge counts get the true entropy. */
    __extension__ unsigned __int128 total = 0;
    for (size_t i = 0; i < k; i++)
        total += counts[i];
    double t[256], s;
    if (k <= sizeof t / sizeof t[0]) {
        terms(counts, k, (double)total, t);
        s = 0.0 + pairwise(t, k);
    } else {
        double *big = malloc(k * sizeof *big);
        if (!big)
            return NAN;
        terms(counts, k, (double)total, big);
        s = 0.0 + pairwise(big, k);
        free(big);
    }
    return s / log(2.0);
}
