/* verify_windows.c - the edge windows of verify_hist.c: where each inner
 * edge may lie when both ends of the range move by the bound (verify_windows.h). */
#include "verify_windows.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "ulp.h"

static int64_t ord(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return actent_ulp_ordered(u);
}

static void fold(struct windows *w, const struct act_edges *e)
{
    for (size_t j = 1; j < w->nbins; j++) {
        int64_t t = ord(e->thresh[j]);
        w->lo[j] = t < w->lo[j] ? t : w->lo[j];
        w->hi[j] = t > w->hi[j] ? t : w->hi[j];
    }
}

/* folds the edges of [lo, hi] into w; 0, or -1 when they cannot be built */
static int fold_range(struct windows *w, struct actent_edges_buf *eb, float lo, float hi)
{
    if (!(lo <= hi) || !isfinite(lo) || !isfinite(hi))
        return -1;
    const struct act_edges *e = actent_edges_buf_linspace(eb, lo, hi, w->nbins);
    if (!e)
        return -1;
    fold(w, e);
    return 0;
}

/* f moved along the float line, kept finite (edges need finite ends) */
static float finite_step(float f, int64_t steps)
{
    float g = actent_ulp_step(f, steps);
    return g > FLT_MAX ? FLT_MAX : g < -FLT_MAX ? -FLT_MAX : g;
}

int actent_windows_build(struct windows *w, struct actent_edges_buf *eb, const struct act_edges *es,
                         const struct act_edges *et, float lo, float hi, uint32_t bound)
{
    for (size_t j = 0; j <= w->nbins; j++) {
        w->lo[j] = INT64_MAX;
        w->hi[j] = INT64_MIN;
    }
    fold(w, es);
    fold(w, et);
    if (bound == 0)
        return 0;
    /* linear in (min, max) on the feasible region min <= max: its extremes
     * lie at the feasible corners, or where the corner (min+, max-) is cut
     * off by min = max, at (max-, max-) and (min+, min+) */
    float lm = finite_step(lo, -(int64_t)bound), lp = finite_step(lo, bound);
    float hm = finite_step(hi, -(int64_t)bound), hp = finite_step(hi, bound);
    int rc = fold_range(w, eb, lm, hm) | fold_range(w, eb, lm, hp) | fold_range(w, eb, lp, hp);
    if (lp <= hm)
        rc |= fold_range(w, eb, lp, hm);
    else
        rc |= fold_range(w, eb, hm, hm) | fold_range(w, eb, lp, lp);
    return rc;
}

/* both windows contain scalar's edge j, so bmin <= b <= bmax, and a short
 * walk from b finds them (no steps at all for most values) */
void actent_windows_reach(const struct windows *w, float v, uint32_t radius, size_t b, size_t *bmin,
                          size_t *bmax)
{
    int64_t o = ord(v);
    size_t lo = b, hi = b;
    while (lo >= 1 && w->hi[lo] > o - (int64_t)radius)
        lo--;
    while (hi + 1 < w->nbins && w->lo[hi + 1] <= o + (int64_t)radius)
        hi++;
    *bmin = lo;
    *bmax = hi;
}
