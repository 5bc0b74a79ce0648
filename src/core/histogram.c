/* histogram.c - numpy's bin edges. */
#include "histogram.h"

#include <errno.h>
#include <math.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* More bins than this is a mistake, not an analysis: counts alone would need gigabytes. */
#define ACTENT_MAX_BINS ((size_t)1 << 24)

void actent_linspace(double lo, double hi, size_t num, double *out)
{
    if (num == 0)
        return;
    size_t div = num - 1;
    double delta = hi - lo;
    double step = div ? delta / (double)div : delta;
    /* numpy's two branches: i * step + lo, or (i / div) * delta + lo when the
     * step underflows to zero (gh-5437); the test hoisted out of the loop */
    if (step == 0.0 && div)
        for (size_t i = 0; i < num; i++)
            out[i] = ((double)i / (double)div) * delta + lo;
    else
        for (size_t i = 0; i < num; i++)
            out[i] = (double)i * step + lo;
    if (num > 1)
        out[num - 1] = hi;
}

/* the float next to a finite f toward +inf (up) or -inf, by its bits: nextafterf without the
 * call, which every edge of every histogram pays for otherwise */
static inline float f32_step(float f, bool up)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if ((u & 0x7fffffffu) == 0)
        u = up ? 1u : 0x80000001u; /* from either zero to the smallest subnormal */
    else if ((u >> 31) == (up ? 0u : 1u))
        u++; /* away from zero */
    else
        u--; /* toward zero */
    memcpy(&f, &u, sizeof f);
    return f;
}

float actent_f32_ceil(double d)
{
    float f = (float)d;
    return (double)f < d ? f32_step(f, true) : f;
}

float actent_f32_floor(double d)
{
    float f = (float)d;
    return (double)f > d ? f32_step(f, false) : f;
}

/* numpy's min_scalar_type: a double scalar combines with a float32 array in
 * float32 unless it is finite and outside (-3.4e38, 3.4e38) */
static bool beyond_f32(double v) { return isfinite(v) && !(v > -3.4e38 && v < 3.4e38); }

/* One allocation: the struct, then nbins + 1 doubles, then two float arrays. */
static struct act_edges *alloc_edges(size_t nbins, double **edge, float **thresh, float **edge32)
{
    if (nbins == 0 || nbins > ACTENT_MAX_BINS) {
        errno = EINVAL;
        return NULL;
    }
    size_t m = nbins + 1;
    size_t head =
        (sizeof(struct act_edges) + alignof(double) - 1) / alignof(double) * alignof(double);
    char *p = malloc(head + m * (sizeof(double) + 2 * sizeof(float)));
    if (!p)
        return NULL;
    *edge = (double *)(p + head);
    *thresh = (float *)(*edge + m);
    *edge32 = *thresh + m;
    return (struct act_edges *)p;
}

/* the smallest float >= d, by integer steps the compiler vectorises: the
 * rounded f moves one ulp up when it fell below d (for d in float range) */
static inline float f32_ceil_bits(double d)
{
    float f = (float)d;
    int32_t u;
    memcpy(&u, &f, sizeof u);
    int32_t below = (double)f < d;
    /* up one ulp: +1 on the bits of a positive f, -1 of a negative one; from
     * +-0 to the smallest subnormal */
    int32_t zero = (u & 0x7fffffff) == 0;
    u = zero ? (below ? 1 : u) : u + (below ? (u < 0 ? -1 : 1) : 0);
    memcpy(&f, &u, sizeof f);
    return f;
}

static void fill_thresholds(struct act_edges *e, const double *edge, float *thresh, size_t m)
{
    for (size_t i = 0; i < m; i++)
        thresh[i] = f32_ceil_bits(edge[i]);
    e->thresh_hi = actent_f32_floor(edge[m - 1]);
}

/* the uniform mode's kept range [first, last] as float32 bounds (struct act_edges) */
static void fill_keep(struct act_edges *e)
{
    e->keep_lo = actent_f32_ceil(e->first);
    e->keep_hi = actent_f32_floor(e->last);
}

/* given-edges fields for np.linspace(lo, hi, nbins + 1) into caller storage */
static void fill_linspace(struct act_edges *e, double *edge, float *thresh, float *edge32,
                          double lo, double hi, size_t nbins)
{
    size_t m = nbins + 1;
    actent_linspace(lo, hi, m, edge);
    for (size_t i = 0; i < m; i++)
        edge32[i] = (float)edge[i];
    fill_thresholds(e, edge, thresh, m);
    e->nbins = nbins;
    e->lo = edge[0];
    e->hi = edge[nbins];
    e->edge = edge;
    e->thresh = thresh;
    e->edge32 = edge32;
    /* the uniform-mode fields describe the same range, for completeness */
    e->first = lo;
    e->last = hi;
    e->first32 = (float)lo;
    e->norm = (double)nbins / (hi - lo);
    e->norm32 = (float)e->norm;
    e->wide_sub = beyond_f32(lo);
    e->wide_norm = beyond_f32(e->norm);
    fill_keep(e);
    e->uniform_near = false; /* given edges: the uniform mode is not asked of them */
}

static bool valid_range(double lo, double hi)
{
    if (isfinite(lo) && isfinite(hi) && lo <= hi)
        return true;
    errno = EINVAL;
    return false;
}

struct act_edges *actent_edges_linspace(double lo, double hi, size_t nbins)
{
    if (!valid_range(lo, hi))
        return NULL;
    double *edge;
    float *thresh, *edge32;
    struct act_edges *e = alloc_edges(nbins, &edge, &thresh, &edge32);
    if (e)
        fill_linspace(e, edge, thresh, edge32, lo, hi, nbins);
    return e;
}

struct act_edges *actent_edges_given(const double *edges, size_t nbins)
{
    double *edge;
    float *thresh, *edge32;
    struct act_edges *e = alloc_edges(nbins, &edge, &thresh, &edge32);
    if (!e)
        return NULL;
    size_t m = nbins + 1;
    memcpy(edge, edges, m * sizeof *edge);
    for (size_t i = 0; i < m; i++)
        edge32[i] = (float)edge[i];
    fill_thresholds(e, edge, thresh, m);
    e->nbins = nbins;
    e->lo = edge[0];
    e->hi = edge[nbins];
    e->edge = edge;
    e->thresh = thresh;
    e->edge32 = edge32;
    /* the uniform-mode fields, for completeness: no kernel's uniform mode reads these edges */
    e->first = edge[0];
    e->last = edge[nbins];
    e->first32 = (float)edge[0];
    e->norm = (double)nbins / (edge[nbins] - edge[0]);
    e->norm32 = (float)e->norm;
    e->wide_sub = beyond_f32(edge[0]);
    e->wide_norm = beyond_f32(e->norm);
    fill_keep(e);
    e->uniform_near = false;
    return e;
}

int actent_edges_buf_init(struct actent_edges_buf *b, size_t cap)
{
    memset(b, 0, sizeof *b);
    if (cap == 0 || cap > ACTENT_MAX_BINS)
        return -1;
    b->edge = malloc((cap + 1) * sizeof *b->edge);
    b->thresh = malloc((cap + 1) * sizeof *b->thresh);
    b->edge32 = malloc((cap + 1) * sizeof *b->edge32);
    if (!b->edge || !b->thresh || !b->edge32) {
        actent_edges_buf_free(b);
        return -1;
    }
    b->cap = cap;
    return 0;
}

void actent_edges_buf_free(struct actent_edges_buf *b)
{
    free(b->edge);
    free(b->thresh);
    free(b->edge32);
    memset(b, 0, sizeof *b);
}

const struct act_edges *actent_edges_buf_linspace(struct actent_edges_buf *b, double lo, double hi,
                                                  size_t nbins)
{
    if (!valid_range(lo, hi) || nbins == 0 || nbins > b->cap)
        return NULL;
    fill_linspace(&b->e, b->edge, b->thresh, b->edge32, lo, hi, nbins);
    return &b->e;
}

/* numpy's estimate for the uniform mode, float32 steps */
static size_t uniform_estimate(const struct act_edges *e, float v)
{
    float f = (v - e->first32) * e->norm32;
    return f >= 1.0f ? (f < (float)e->nbins ? (size_t)f : e->nbins - 1) : 0;
}

/* true when numpy's estimate is within one bin of the bin by the float32 edges everywhere:
 * at each inner edge it is at least j - 1, and just below it at most j (both monotonic) */
static bool uniform_near(const struct act_edges *e)
{
    for (size_t j = 1; j < e->nbins; j++) {
        float t = e->edge32[j];
        if (uniform_estimate(e, t) + 1 < j || uniform_estimate(e, f32_step(t, false)) > j)
            return false;
    }
    return true;
}

struct act_edges *actent_edges_uniform(float min, float max, size_t nbins)
{
    if (!valid_range(min, max))
        return NULL;
    double *edge;
    float *thresh, *edge32;
    struct act_edges *e = alloc_edges(nbins, &edge, &thresh, &edge32);
    if (!e)
        return NULL;
    size_t m = nbins + 1;
    double first = min, last = max, range;
    if (min == max) {
        /* numpy widens an empty range; float32 - 0.5 promotes to double */
        first = (double)min - 0.5;
        last = (double)max + 0.5;
        range = last - first;
    } else {
        /* numpy subtracts the float32 outer edges in float32 */
        range = (double)(max - min);
    }
    actent_linspace(first, last, m, edge);
    for (size_t i = 0; i < m; i++)
        edge32[i] = (float)edge[i];
    /* given-edges view of the same bins: numpy compares against the float32 edges */
    for (size_t i = 0; i < m; i++)
        edge[i] = edge32[i];
    fill_thresholds(e, edge, thresh, m);
    e->nbins = nbins;
    e->lo = edge[0];
    e->hi = edge[nbins];
    e->edge = edge;
    e->thresh = thresh;
    e->edge32 = edge32;
    e->first = first;
    e->last = last;
    e->first32 = (float)first;
    e->norm = (double)nbins / range;
    e->norm32 = (float)e->norm;
    /* a float32 first edge subtracts in float32; only the widened double one can be wide */
    e->wide_sub = min == max && beyond_f32(first);
    e->wide_norm = beyond_f32(e->norm);
    fill_keep(e);
    e->uniform_near = !e->wide_sub && !e->wide_norm && uniform_near(e);
    return e;
}

void actent_edges_free(struct act_edges *e) { free(e); }
