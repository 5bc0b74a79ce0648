/* infoplane.c - the information plane's entry points (actent.h): options
 * by name to the core's parameters (src/core/infoplane.h). */
#include "infoplane.h"

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

int actent_info_plane(const actent_table *tb, const float *t, size_t n, size_t d, const int32_t *y,
                      size_t nclasses, const int32_t *x, size_t nx,
                      const struct actent_ip_options *o, struct actent_ip_result *out, char *err,
                      size_t errlen)
{
    const struct act_kernels *k = actent_api_table(tb, err, errlen);
    struct actent_ip_params p;
    if (!k || params(o, &p, err, errlen) != 0)
        return -1;
    if (!out)
        return actent_fail(err, errlen, "out is NULL");
    struct actent_ip_layer L = {.t = t, .n = n, .d = d, .y = y, .ny = nclasses, .x = x, .nx = nx};
    return actent_ip_compute(k, &L, &p, out, err, errlen);
}

int actent_info_plane_kde(const actent_table *tb, const float *t, size_t n, size_t d,
                          const int32_t *y, size_t nclasses, const double *vars, size_t nvar,
                          const struct actent_ip_options *o, struct actent_ip_result *upper,
                          struct actent_ip_result *lower, char *err, size_t errlen)
{
    const struct act_kernels *k = actent_api_table(tb, err, errlen);
    if (!k)
        return -1;
    if (!vars || !upper || !lower)
        return actent_fail(err, errlen, "%s is NULL", !vars ? "vars" : !upper ? "upper" : "lower");
    struct actent_ip_layer L = {.t = t, .n = n, .d = d, .y = y, .ny = nclasses};
    return actent_ip_kde(k, &L, vars, nvar, o ? o->shuffles : 0, o ? o->seed : 0, upper, lower, err,
                         errlen);
}
