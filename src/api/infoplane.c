/* infoplane.c - the information plane's entry points (actent.h): options
 * by name to the core's parameters, labels of any values to class numbers
 * (src/core/infoplane.h). */
#include "infoplane.h"

#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmsg.h"

static int params(const struct actent_ip_options *o, struct actent_ip_params *p, char *err,
                  size_t len)
{
    if (!o)
        return actent_fail(err, len, "options are NULL");
    if (!o->method)
        return actent_fail(err, len, "method is NULL");
    *p = (struct actent_ip_params){.method = actent_ip_method_from_name(o->method),
                                   .width = o->width,
                                   .bins = o->bins,
                                   .noise_var = o->noise_var,
                                   .est = o->estimator ? actent_estimator_from_name(o->estimator)
                                                       : ACTENT_EST_PLUGIN,
                                   .shuffles = o->shuffles,
                                   .bootstrap = o->bootstrap,
                                   .seed = o->seed};
    if (p->method == ACTENT_IP_METHODS)
        return actent_fail(err, len,
                           "unknown method '%s' (width, idnns, count, mass, kde-upper, "
                           "kde-lower)",
                           o->method);
    if (p->est == ACTENT_EST_COUNT || p->est == ACTENT_EST_KDE)
        return actent_fail(err, len,
                           "estimator '%s' is not one of plugin, miller-madow, grassberger, "
                           "jackknife",
                           o->estimator);
    return 0;
}

/* the labels (and ids) numbered 0 .. k - 1 into L; -1 with a message */
static int classes(struct actent_ip_layer *L, const int64_t *y, const int64_t *x, int32_t **buf,
                   char *err, size_t len)
{
    if (L->n < 2) /* the core names it; nothing to number */
        return 0;
    if (!y)
        return actent_fail(err, len, "the labels are NULL");
    *buf = malloc(2 * L->n * sizeof **buf);
    if (!*buf)
        return actent_fail(err, len, "out of memory for %zu labels", L->n);
    L->ny = actent_ip_dense_ids(y, L->n, *buf);
    L->y = *buf;
    if (x) {
        L->nx = actent_ip_dense_ids(x, L->n, *buf + L->n);
        L->x = *buf + L->n;
    }
    if (L->ny == 0 || (x && L->nx == 0))
        return actent_fail(err, len, "out of memory numbering the labels");
    return 0;
}

int actent_info_plane(const actent_table *tb, const float *t, size_t n, size_t d, const int64_t *y,
                      const int64_t *x, const struct actent_ip_options *o,
                      struct actent_ip_result *out, char *err, size_t errlen)
{
    const struct act_kernels *k = actent_api_table(tb, err, errlen);
    struct actent_ip_params p;
    if (!k || params(o, &p, err, errlen) != 0)
        return -1;
    if (!out)
        return actent_fail(err, errlen, "out is NULL");
    if (x && p.method >= ACTENT_IP_KDE_UPPER)
        return actent_fail(err, errlen,
                           "x (input ids) applies to the binning methods; %s bounds H(T | X) by "
                           "the noise's entropy",
                           o->method);
    struct actent_ip_layer L = {.t = t, .n = n, .d = d};
    int32_t *buf = NULL;
    int rc = classes(&L, y, x, &buf, err, errlen);
    if (rc == 0)
        rc = actent_ip_compute(k, &L, &p, out, err, errlen);
    free(buf);
    return rc;
}

int actent_info_plane_kde(const actent_table *tb, const float *t, size_t n, size_t d,
                          const int64_t *y, const double *vars, size_t nvar,
                          const struct actent_ip_options *o, struct actent_ip_result *upper,
                          struct actent_ip_result *lower, char *err, size_t errlen)
{
    const struct act_kernels *k = actent_api_table(tb, err, errlen);
    if (!k)
        return -1;
    if (!vars || !upper || !lower)
        return actent_fail(err, errlen, "%s is NULL", !vars ? "vars" : !upper ? "upper" : "lower");
    struct actent_ip_layer L = {.t = t, .n = n, .d = d};
    int32_t *buf = NULL;
    int rc = classes(&L, y, NULL, &buf, err, errlen);
    if (rc == 0)
        rc = actent_ip_kde(k, &L, vars, nvar, o ? o->shuffles : 0, o ? o->seed : 0, upper, lower,
                           err, errlen);
    free(buf);
    return rc;
}
