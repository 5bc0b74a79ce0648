/* verify_out.c - `actent verify` results as tables on the terminal and as JSON. */
#include <math.h>
#include <string.h>

#include "cpu.h"
#include "machine.h"
#include "verify_out.h"

static const char *section_key[ACTENT_NSECTIONS] = {"notebook", "sweep", "specials"};

/* 33.8M, 612k, 12: counts in 6 columns */
static const char *short_count(char *buf, size_t len, uint64_t v)
{
    if (v < 100000)
        snprintf(buf, len, "%llu", (unsigned long long)v);
    else if (v < 100000000)
        snprintf(buf, len, "%.4gk", (double)v / 1e3);
    else
        snprintf(buf, len, "%.4gM", (double)v / 1e6);
    return buf;
}

static uint32_t bits_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* the section with the largest error, the sweep on a tie */
static const struct actent_ulp_stats *worst_section(const struct actent_verify_op *o)
{
    const struct actent_ulp_stats *w = &o->ulp[ACTENT_SEC_SWEEP];
    for (int s = 0; s < ACTENT_NSECTIONS; s++)
        if (o->ulp[s].max_ulp > w->max_ulp)
            w = &o->ulp[s];
    return w;
}

static void print_ulp(FILE *f, const struct actent_verify *r, const struct actent_verify_table *t)
{
    fprintf(f,
            "  ULP error against scalar (sweep histogram; max over the sweep, the notebook "
            "sample and %s)\n",
            "special values");
    fprintf(f, "  %-13s %5s %5s  %-16s", "activation", "bound", "max", "worst input");
    for (int b = 0; b < ACTENT_ULP_NBUCKETS; b++)
        fprintf(f, " %6s", actent_ulp_bucket_name((enum actent_ulp_bucket)b));
    fputc('\n', f);
    for (int op = 0; op < ACT_COUNT; op++) {
        const struct actent_verify_op *o = &t->ops[op];
        if (!r->opts.use[op])
            continue;
        if (t->peer && !t->peer->activate[op])
            continue;
        if (o->missing) {
            fprintf(f, "  %-13s no kernel\n", act_name(o->op));
            continue;
        }
        const struct actent_ulp_stats *w = worst_section(o);
        char bound[16], worst[32] = "-", c[16];
        snprintf(bound, sizeof bound, t->k ? "%u" : "-", o->bound);
        if (w->has_worst)
            snprintf(worst, sizeof worst, "%a", (double)w->worst_x);
        fprintf(f, "  %-13s %5s %5u  %-16s", act_name(o->op), bound, w->max_ulp, worst);
        for (int b = 0; b < ACTENT_ULP_NBUCKETS; b++)
            fprintf(f, " %6s", short_count(c, sizeof c, o->ulp[ACTENT_SEC_SWEEP].bucket[b]));
        fputs(o->violations ? "  FAIL\n" : "\n", f);
    }
}

static void print_hist(FILE *f, const struct actent_verify *r, const struct actent_verify_table *t)
{
    fprintf(f,
            "  histograms (%d bins): values moved / at risk, |entropy - scalar's| <= the "
            "derived tolerance; fused = unfused\n",
            49);
    fprintf(f, "  %-13s %-26s %-26s %-26s %s\n", "activation", "notebook (4096)", "uniform",
            "normal", "fused");
    for (int op = 0; op < ACT_COUNT; op++) {
        const struct actent_verify_op *o = &t->ops[op];
        if (!r->opts.use[op] || !o->nhist)
            continue;
        fprintf(f, "  %-13s", act_name(o->op));
        bool fused = true;
        for (size_t s = 0; s < o->nhist; s++) {
            const struct actent_hist_check *h = &o->hist[s];
            char cell[64];
            if (!h->ok)
                snprintf(cell, sizeof cell, "failed");
            else
                snprintf(cell, sizeof cell, "%llu/%llu %.1e<=%.1e", (unsigned long long)h->moved,
                         (unsigned long long)h->at_risk, fabs(h->entropy - h->entropy_ref),
                         h->tolerance);
            fprintf(f, " %-26s", cell);
            fused &= h->fused_equal;
        }
        fprintf(f, " %s\n", fused ? "ok" : "DIFFERS");
    }
}

static bool peer_has_activations(const struct act_peer *p)
{
    for (int op = 0; op < ACT_COUNT; op++)
        if (p->activate[op])
            return true;
    return false;
}

void actent_verify_print(FILE *f, const struct actent_verify *r)
{
    char machine[128], model[256];
    actent_machine_id(machine, sizeof machine);
    actent_cpu_model(model, sizeof model);
    fprintf(f, "actent verify: %s mode on %s (%s), %u threads\n",
            actent_verify_mode_name(r->opts.mode), machine, model, r->opts.threads);
    if (r->stride == 1)
        fprintf(f, "sweep: all 2^32 float32 bit patterns");
    else
        fprintf(f, "sweep: float32 bit patterns k * %llu (%llu inputs)",
                (unsigned long long)r->stride, (unsigned long long)r->sweep_inputs);
    fprintf(f, " in %.1f s; samples: notebook 4096, uniform and normal %zu each\n",
            r->sweep_seconds, r->sample_n);
    for (size_t i = 0; i < r->ntables; i++) {
        const struct actent_verify_table *t = &r->tables[i];
        fprintf(f, "\n%s %s (%s)", t->k ? "table" : "peer", t->name, t->detail);
        if (!t->runs) {
            fprintf(f, ": this CPU cannot run it, skipped\n");
            continue;
        }
        if (t->peer && !peer_has_activations(t->peer)) {
            fprintf(f, ": no activations, nothing to measure here\n");
            continue;
        }
        fprintf(f, "%s\n  digest %016llx (%llu inputs per activation)\n",
                t->reference ? ": the reference" : "", (unsigned long long)t->digest,
                (unsigned long long)r->digest_inputs);
        if (!t->reference)
            print_ulp(f, r, t);
        if (t->k)
            print_hist(f, r, t);
    }
    fprintf(f, "\n%u violation%s in %.1f s\n", r->violations, r->violations == 1 ? "" : "s",
            r->total_seconds);
}

static void hexbits(char *buf, size_t len, float v) { snprintf(buf, len, "0x%08x", bits_of(v)); }

static void json_ulp(struct json *j, const struct actent_ulp_stats *u)
{
    char hx[16];
    json_obj_begin(j);
    json_kuint(j, "inputs", u->inputs);
    json_kuint(j, "max_ulp", u->max_ulp);
    if (u->has_worst) {
        json_knum(j, "worst_input", u->worst_x);
        hexbits(hx, sizeof hx, u->worst_x);
        json_kstr(j, "worst_input_bits", hx);
        json_knum(j, "worst_got", u->worst_got);
        json_knum(j, "worst_scalar", u->worst_want);
    }
    json_key(j, "histogram");
    json_obj_begin(j);
    for (int b = 0; b < ACTENT_ULP_NBUCKETS; b++)
        json_kuint(j, actent_ulp_bucket_name((enum actent_ulp_bucket)b), u->bucket[b]);
    json_obj_end(j);
    json_kuint(j, "zero_sign_differs", u->zero_sign);
    json_kuint(j, "beyond_bound", u->over);
    if (u->has_bad) {
        json_knum(j, "first_beyond_input", u->bad_x);
        hexbits(hx, sizeof hx, u->bad_x);
        json_kstr(j, "first_beyond_input_bits", hx);
    }
    json_obj_end(j);
}

static void json_hist(struct json *j, const struct actent_hist_check *h)
{
    json_obj_begin(j);
    json_kstr(j, "sample", h->sample);
    json_kuint(j, "n", h->n);
    json_kuint(j, "bins", h->nbins);
    json_kbool(j, "ok", h->ok);
    if (!h->ok) {
        json_kstr(j, "error", h->err);
    } else {
        json_kuint(j, "values_beyond_bound", h->beyond);
        json_kuint(j, "moved", h->moved);
        json_kuint(j, "moved_without_excuse", h->unexcused);
        json_kuint(j, "at_risk", h->at_risk);
        json_kbool(j, "counts_equal", h->counts_equal);
        json_kbool(j, "kernel_agrees_with_definition", h->kernel_agrees);
        json_kbool(j, "input_counts_equal", h->input_counts_equal);
        json_knum(j, "entropy", h->entropy);
        json_knum(j, "entropy_scalar", h->entropy_ref);
        json_knum(j, "entropy_tolerance", h->tolerance);
        json_knum(j, "entropy_rounding", h->rounding);
        json_kbool(j, "fused_equals_unfused", h->fused_equal);
        json_kuint(j, "fused_passes", (uint64_t)h->fused_passes);
        if (h->has_transform) {
            json_key(j, "copy_neighbour");
            json_obj_begin(j);
            json_kbool(j, "tolerance_derived", h->transform_ok);
            json_kuint(j, "moved", h->t_moved);
            json_kuint(j, "moved_without_excuse", h->t_unexcused);
            json_kuint(j, "at_risk", h->t_at_risk);
            json_knum(j, "entropy", h->t_entropy);
            json_knum(j, "entropy_scalar", h->t_entropy_ref);
            json_knum(j, "entropy_tolerance", h->t_tolerance);
            json_knum(j, "entropy_rounding", h->t_rounding);
            json_obj_end(j);
        }
    }
    json_obj_end(j);
}

static void json_op(struct json *j, const struct actent_verify_table *t,
                    const struct actent_verify_op *o)
{
    char hx[32];
    json_obj_begin(j);
    json_kstr(j, "name", act_name(o->op));
    if (t->k)
        json_kuint(j, "max_ulp_declared", o->bound);
    json_kbool(j, "missing", o->missing);
    if (!o->missing) {
        snprintf(hx, sizeof hx, "%016llx", (unsigned long long)o->digest);
        json_kstr(j, "digest", hx);
        json_key(j, "ulp");
        json_obj_begin(j);
        for (int s = 0; s < ACTENT_NSECTIONS; s++) {
            if (t->reference && s == ACTENT_SEC_SWEEP)
                continue;
            json_key(j, section_key[s]);
            json_ulp(j, &o->ulp[s]);
        }
        json_obj_end(j);
        if (o->nhist) {
            json_key(j, "histograms");
            json_arr_begin(j, false);
            for (size_t s = 0; s < o->nhist; s++)
                json_hist(j, &o->hist[s]);
            json_arr_end(j);
        }
    }
    json_kuint(j, "violations", o->violations);
    json_obj_end(j);
}

static void json_table(struct json *j, const struct actent_verify *r,
                       const struct actent_verify_table *t)
{
    char hx[32];
    json_obj_begin(j);
    json_kstr(j, "table", t->name);
    json_kstr(j, "kind", t->k ? "table" : "peer");
    json_kstr(j, "detail", t->detail);
    json_kbool(j, "runs_here", t->runs);
    json_kbool(j, "reference", t->reference);
    if (t->runs && (t->k || peer_has_activations(t->peer))) {
        snprintf(hx, sizeof hx, "%016llx", (unsigned long long)t->digest);
        json_kstr(j, "digest", hx);
        json_key(j, "activations");
        json_arr_begin(j, false);
        for (int op = 0; op < ACT_COUNT; op++) {
            const act_unary_fn *a = t->k ? t->k->activate : t->peer->activate;
            if (r->opts.use[op] && (t->k || a[op]))
                json_op(j, t, &t->ops[op]);
        }
        json_arr_end(j);
    }
    json_kuint(j, "violations", t->violations);
    json_obj_end(j);
}

void actent_verify_json(struct json *j, const struct actent_verify *r)
{
    char buf[256];
    json_obj_begin(j);
    json_kstr(j, "schema", "actent.verify/1"); /* docs/verify.schema.json */
    json_kstr(j, "command", "verify");
    json_kstr(j, "mode", actent_verify_mode_name(r->opts.mode));
    actent_machine_id(buf, sizeof buf);
    json_kstr(j, "machine", buf);
    actent_cpu_model(buf, sizeof buf);
    json_kstr(j, "cpu", buf);
    act_cpu_features(buf, sizeof buf);
    json_kstr(j, "features", buf);
    json_kuint(j, "threads", r->opts.threads);
    json_kuint(j, "sweep_stride", r->stride);
    json_kuint(j, "sweep_inputs", r->sweep_inputs);
    json_kuint(j, "sample_n", r->sample_n);
    json_kuint(j, "digest_inputs", r->digest_inputs);
    json_knum(j, "sweep_seconds", r->sweep_seconds);
    json_knum(j, "total_seconds", r->total_seconds);
    json_kuint(j, "violations", r->violations);
    json_key(j, "messages");
    json_arr_begin(j, false);
    for (size_t i = 0; i < r->nmsgs; i++)
        json_str(j, r->msgs[i]);
    json_arr_end(j);
    json_key(j, "tables");
    json_arr_begin(j, false);
    for (size_t i = 0; i < r->ntables; i++)
        json_table(j, r, &r->tables[i]);
    json_arr_end(j);
    json_obj_end(j);
}
