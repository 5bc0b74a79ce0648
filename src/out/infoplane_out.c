/* infoplane_out.c - the information plane's rows as a table and as JSON. */
#include "infoplane_out.h"

#include <string.h>

#include "actent.h"
#include "json.h"
#include "machine.h"

static bool is_kde(const char *m) { return strncmp(m, "kde", 3) == 0; }

static const char *param_name(const char *m)
{
    return is_kde(m) ? "noise_var" : strcmp(m, "width") == 0 ? "width" : "bins";
}

void actent_ip_write_table(FILE *f, const struct actent_ip_run *run)
{
    fprintf(f, "%-24s %5s %-9s %10s %9s %9s %10s %9s%s\n", "layer", "epoch", "method", "param",
            "I(X;T)", "I(T;Y)", "H(T)", "patterns", run->shuffles ? "  I(T;Y) null" : "");
    if (run->bootstrap)
        fprintf(f, "(bootstrap: the sd of I(X;T) and I(T;Y) over %zu resamples)\n", run->bootstrap);
    for (size_t i = 0; i < run->nrows; i++) {
        const struct actent_ip_row *r = &run->rows[i];
        const char *name = strrchr(r->layer, '/') ? strrchr(r->layer, '/') + 1 : r->layer;
        for (int b = 0; b < (strcmp(r->method, "kde") == 0 ? 2 : 1); b++) {
            const struct actent_ip_result *v = b ? &r->lower : &r->r;
            const char *m = strcmp(r->method, "kde") ? r->method : b ? "kde-lower" : "kde-upper";
            fprintf(f, "%-24.24s %5zu %-9s %10.4g %9.4f %9.4f %10.4f ", name, r->epoch, m, r->param,
                    v->ixt, v->ity, v->ht);
            if (is_kde(m))
                fprintf(f, "%9s", "-");
            else
                fprintf(f, "%8llu%s", (unsigned long long)v->patterns, v->saturated ? "*" : " ");
            if (run->shuffles)
                fprintf(f, "  %.4f +- %.4f", v->null_mean, v->null_sd);
            if (run->bootstrap && !is_kde(m))
                fprintf(f, "  sd %.4f %.4f", v->ixt_sd, v->ity_sd);
            fputc('\n', f);
        }
    }
    bool any = false;
    for (size_t i = 0; i < run->nrows; i++)
        any |= run->rows[i].r.saturated;
    if (any)
        fprintf(f, "* every sample its own pattern: H(T) = log2 N, the estimate saturates\n");
}

static void values(struct json *j, const struct actent_ip_result *v, const char *suffix,
                   const struct actent_ip_run *run)
{
    static const char *const keys[] = {"ixt",         "ity",    "ht",    "ity_null_mean",
                                       "ity_null_sd", "ixt_sd", "ity_sd"};
    const double x[] = {v->ixt, v->ity, v->ht, v->null_mean, v->null_sd, v->ixt_sd, v->ity_sd};
    for (int i = 0; i < 7; i++) {
        if ((i >= 3 && i < 5 && !run->shuffles) || (i >= 5 && !run->bootstrap))
            continue;
        char key[32];
        snprintf(key, sizeof key, "%s%s", keys[i], suffix);
        json_knum(j, key, x[i]);
    }
}

void actent_ip_write_json(FILE *f, const struct actent_ip_run *run)
{
    struct json j;
    char buf[256];
    json_init(&j, f);
    json_obj_begin(&j);
    json_kstr(&j, "schema", "actent.infoplane/1");
    json_kstr(&j, "version", actent_version());
    json_kstr(&j, "command", run->command);
    actent_machine_id(buf, sizeof buf);
    json_kstr(&j, "machine", buf);
    actent_cpu_model(buf, sizeof buf);
    json_kstr(&j, "cpu", buf);
    json_kstr(&j, "table", run->table);
    json_kuint(&j, "shuffles", run->shuffles);
    json_kuint(&j, "bootstrap", run->bootstrap);
    json_kuint(&j, "seed", run->seed);
    json_key(&j, "rows");
    json_arr_begin(&j, false);
    for (size_t i = 0; i < run->nrows; i++) {
        const struct actent_ip_row *r = &run->rows[i];
        json_obj_begin(&j);
        json_kstr(&j, "layer", r->layer);
        json_kuint(&j, "epoch", r->epoch);
        json_kstr(&j, "method", r->method);
        json_knum(&j, param_name(r->method), r->param);
        if (!is_kde(r->method))
            json_kstr(&j, "estimator", r->estimator);
        json_kuint(&j, "n", r->n);
        json_kuint(&j, "d", r->d);
        if (strcmp(r->method, "kde") == 0) {
            values(&j, &r->r, "_upper", run);
            values(&j, &r->lower, "_lower", run);
        } else {
            values(&j, &r->r, "", run);
        }
        if (!is_kde(r->method)) {
            json_kuint(&j, "patterns", r->r.patterns);
            json_kbool(&j, "saturated", r->r.saturated);
        }
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    fputc('\n', f);
}
