/* verify_windows.h - the edge windows the histogram check excuses moves by
 * (verify_hist.c explains them): for inner edge j (1..K-1), the lowest and
 * highest threshold over the edge sets a ULP bound allows, as ordered
 * integers. */
#ifndef ACTENT_VERIFY_WINDOWS_H
#define ACTENT_VERIFY_WINDOWS_H

#include <stddef.h>
#include <stdint.h>

#include "histogram.h"

struct windows {
    size_t nbins;
    int64_t *lo, *hi; /* nbins + 1 entries; 1..nbins-1 used */
};

/* w (lo and hi allocated, nbins set) from scalar's edges es, the table's et
 * and the edges of every range [lo -+ bound, hi -+ bound] ulps; 0, or -1 when
 * some range's edges cannot be built */
int actent_windows_build(struct windows *w, struct actent_edges_buf *eb, const struct act_edges *es,
                         const struct act_edges *et, float lo, float hi, uint32_t bound);

/* the bins a value v in bin b (by scalar's edges) may reach within radius
 * ulps: [*bmin, *bmax], bmin = #{j : hi[j] <= o - radius}, bmax = #{j :
 * lo[j] <= o + radius} */
void actent_windows_reach(const struct windows *w, float v, uint32_t radius, size_t b, size_t *bmin,
                          size_t *bmax);

#endif
