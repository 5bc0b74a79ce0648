/* test_bounds.c - what is declared once is true where it is used.
 *
 * Each activation's definition (kernels.h, act_defs, in its scalar file):
 * present, its breakpoints in order, its turn a minimum, and the scalar
 * reference of a transcendental activation f rounded once. Each kernel file's
 * bound (ACT_BOUND): an exact activation declares 0 on every table, no table
 * declares more than 2 ULP, and the declared worst input reaches exactly the
 * bound on this CPU (so a bound that no longer fits its kernel fails here,
 * naming both). The
 * full 2^32 sweep that finds them is `actent verify --exhaustive`. */
#include "test_util.h"

#include <string.h>

#include "kernels.h"

static void definitions(void **state)
{
    (void)state;
    for (int op = 0; op < ACT_COUNT; op++) {
        const struct act_def *d = act_defs[op];
        const char *name = act_name((enum act_op)op);
        if (!d || !d->f || !d->df)
            fail_msg("%s: no definition (ACT_DEFINE in kernels/scalar/%s_scalar.c)", name, name);
        for (int i = 1; i < d->nbp; i++)
            if (!(d->bp[i] > d->bp[i - 1]))
                fail_msg("%s: breakpoints out of order", name);
        if (!isnan(d->turn)) { /* a minimum: f falls before it and rises after */
            double h = 1e-3, t = d->turn;
            if (!(d->f(t - h) > d->f(t) && d->f(t + h) > d->f(t)) || !(fabs(d->df(t)) < 1e-12))
                fail_msg("%s: turn %a is not the minimum (f' = %g there)", name, t, d->df(t));
        }
        /* the scalar reference: f rounded once (transcendental), f up to the
         * float32 steps' rounding (exact); f' against f's central difference */
        for (double x = -7.0; x <= 7.0; x += 0.0625) {
            float xf = (float)x, y;
            act_table_scalar.activate[op](&xf, &y, 1);
            double want = d->f(xf);
            bool ok = act_exact((enum act_op)op) ? fabs(y - want) <= 2e-7 * fmax(1.0, fabs(want))
                                                 : y == (float)want;
            if (!ok)
                fail_msg("%s(%a): scalar %a, definition %a", name, x, (double)y, want);
            double e = 1e-6, num = (d->f(x + e) - d->f(x - e)) / (2 * e);
            bool kink = false;
            for (int i = 0; i < d->nbp; i++)
                kink |= fabs(x - d->bp[i]) <= e;
            if (!kink && !(fabs(num - d->df(x)) <= 1e-6 * fmax(1.0, fabs(num))))
                fail_msg("%s'(%a): definition %.12g, central difference %.12g", name, x, d->df(x),
                         num);
        }
    }
}

static void declared_bounds(void **state)
{
    (void)state;
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        for (int op = 0; op < ACT_COUNT; op++) {
            const char *name = act_name((enum act_op)op);
            const struct act_bound *b = k->bound[op];
            if (!b)
                fail_msg("%s/%s: no bound", name, k->name);
            if (act_exact((enum act_op)op) && (b->ulp != 0 || b->worst != 0.0f))
                fail_msg("%s/%s: exact, but declares %u ulp", name, k->name, b->ulp);
            if (b->ulp > 2)
                fail_msg("%s/%s: declares %u ulp, above the 2 every table must hold", name, k->name,
                         b->ulp);
            if (b->ulp == 0 && b->worst != 0.0f)
                fail_msg("%s/%s: a worst input for a bound of 0", name, k->name);
            if (b->ulp > 0 && !isfinite(b->worst))
                fail_msg("%s/%s: bound %u without a finite worst input", name, k->name, b->ulp);
            if (!k->cpu_ok() || b->ulp == 0)
                continue;
            /* the worst input reaches the bound exactly, alone and among others */
            float x[19], y[19], want;
            for (int i = 0; i < 19; i++)
                x[i] = (float)i * 0.125f - 1.0f;
            x[11] = b->worst;
            act_table_scalar.activate[op](&b->worst, &want, 1);
            k->activate[op](x, y, 19);
            uint32_t d = ulp_distance(y[11], want);
            if (d != b->ulp)
                fail_msg("%s/%s: declared %u ulp at x = %a, but got %a against %a: %u ulp", name,
                         k->name, b->ulp, (double)b->worst, (double)y[11], (double)want, d);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(definitions),
                                       cmocka_unit_test(declared_bounds)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
