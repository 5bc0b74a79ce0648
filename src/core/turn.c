/* turn.c - the window around a non-monotonic activation's turn (turn.h). */
#include "turn.h"

#include <math.h>
#include <pthread.h>

/* the x on the side `dir` (-1 left, +1 right) of t where f first reaches
 * level, approached from outside: f(x) >= level is kept true, so the window
 * [x_left, x_right] holds every x with f(x) < level */
static double side(double (*f)(double), double t, double level, int dir)
{
    double in = 0.0, out = 1e-7 * fmax(1.0, fabs(t));
    while (f(t + dir * out) < level) {
        in = out;
        out *= 2.0;
        if (out > 1e6)
            return dir * INFINITY; /* f never climbs that far: no outside */
    }
    for (int i = 0; i < 80 && out - in > 0x1p-60 * fabs(t + dir * out); i++) {
        double mid = in + (out - in) / 2.0;
        if (f(t + dir * mid) < level)
            in = mid;
        else
            out = mid;
    }
    return t + dir * out;
}

/* the largest float <= d (+inf stays) and the smallest float >= d */
static float f32_down(double d)
{
    float f = (float)d;
    return (double)f > d ? nextafterf(f, -INFINITY) : f;
}

static float f32_up(double d)
{
    float f = (float)d;
    return (double)f < d ? nextafterf(f, INFINITY) : f;
}

static void compute(enum act_op op, uint32_t bound_ulp, struct actent_turn *w)
{
    const struct act_def *d = act_defs[op];
    double t = d->turn, ft = d->f(t);
    /* an ulp of the float32s up to |2 f(t)|, a binade up for safety */
    double u = ldexp(1.0, ilogb(2.0 * fabs(ft)) - 23);
    double e = ((double)bound_ulp + 8.0) * u;
    double level = ft + 3.0 * e;
    double xl = side(d->f, t, level, -1), xr = side(d->f, t, level, +1);
    w->wlo = f32_down(xl);
    w->whi = f32_up(xr);
    if (isinf(w->wlo) || isinf(w->whi)) {
        w->c = 0.0f; /* every finite x passes the kernels' test */
        w->r = INFINITY;
    } else {
        /* x - c is exact for x in the window (Sterbenz: the window is narrow
         * and away from 0), so the test holds for all of it */
        w->c = (float)(((double)w->wlo + (double)w->whi) / 2.0);
        w->r = f32_up(fmax((double)w->c - (double)w->wlo, (double)w->whi - (double)w->c));
    }
    double fl = isinf(w->wlo) ? INFINITY : d->f((double)w->wlo);
    double fr = isinf(w->whi) ? INFINITY : d->f((double)w->whi);
    double floor = fmin(fl, fr) - e;
    /* f in double is off by a few units of 2^-52 of itself; E is 2^-23 */
    floor -= 0x1p-40 * fabs(floor);
    w->floor = f32_down(floor);
}

enum { CACHED_BOUNDS = 4 };
static struct actent_turn cache[ACT_COUNT][CACHED_BOUNDS];
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void fill_cache(void)
{
    for (int op = 0; op < ACT_COUNT; op++)
        if (!isnan(act_defs[op]->turn))
            for (uint32_t b = 0; b < CACHED_BOUNDS; b++)
                compute((enum act_op)op, b, &cache[op][b]);
}

bool actent_turn_window(enum act_op op, uint32_t bound_ulp, struct actent_turn *t)
{
    if (op >= ACT_COUNT || isnan(act_defs[op]->turn))
        return false;
    if (bound_ulp < CACHED_BOUNDS) {
        pthread_once(&cache_once, fill_cache);
        *t = cache[op][bound_ulp];
    } else {
        compute(op, bound_ulp, t);
    }
    return true;
}
