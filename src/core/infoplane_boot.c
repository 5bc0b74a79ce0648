/* infoplane_boot.c - bootstrap error bars for the binned information plane:
 * the rows resampled with replacement (np.random.RandomState(seed).randint(0,
 * N, N) per replicate), each replicate's I(X;T) and I(T;Y) from the same
 * patterns (a resampled row keeps its pattern and class), their sd (ddof 0). */
#include <stdlib.h>

#include "infoplane.h"
#include "patterns.h"
#include "rng.h"

int actent_ip_bootstrap(struct actent_patterns *pt, const struct actent_ip_layer *L,
                        const struct actent_ip_params *p, struct actent_ip_result *r)
{
    size_t n = L->n;
    uint32_t *id = malloc(n * sizeof *id);
    int32_t *y = malloc(n * sizeof *y), *x = L->x ? malloc(n * sizeof *x) : NULL;
    int rc = !id || !y || (L->x && !x) ? -1 : 0;
    struct actent_rng rng;
    actent_rng_seed(&rng, p->seed);
    struct actent_ip_moments mx = {0}, my = {0};
    for (size_t b = 0; rc == 0 && b < p->bootstrap; b++) {
        for (size_t k = 0; k < n; k++) {
            size_t i = (size_t)actent_rng_interval(&rng, n - 1);
            id[k] = pt->id[i];
            y[k] = L->y[i];
            if (x)
                x[k] = L->x[i];
        }
        double h, hy, hx = 0.0;
        rc = actent_patterns_bits_of(pt, p->est, id, &h);
        if (rc == 0)
            rc = actent_patterns_cond_bits_of(pt, p->est, id, y, L->ny, &hy);
        if (rc == 0 && x)
            rc = actent_patterns_cond_bits_of(pt, p->est, id, x, L->nx, &hx);
        if (rc == 0) {
            actent_ip_moments_add(&mx, h - hx);
            actent_ip_moments_add(&my, h - hy);
        }
    }
    free(id);
    free(y);
    free(x);
    r->ixt_sd = actent_ip_moments_sd(&mx);
    r->ity_sd = actent_ip_moments_sd(&my);
    return rc;
}
