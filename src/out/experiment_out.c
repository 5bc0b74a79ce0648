/* experiment_out.c - an experiment's result as a table and as JSON. */
#include <stdlib.h>

#include "experiment_out.h"
#include "extra_out.h"
#include "machine.h"
#include "numfmt.h"

/* indices of r->acts sorted by entropy, ascending, ties in run order */
static void sorted_order(const struct actent_experiment *r, size_t *idx)
{
    for (size_t i = 0; i < r->nacts; i++)
        idx[i] = i;
    for (size_t i = 1; i < r->nacts; i++)
        for (size_t j = i; j > 0 && r->acts[idx[j]].entropy < r->acts[idx[j - 1]].entropy; j--) {
            size_t t = idx[j];
            idx[j] = idx[j - 1];
            idx[j - 1] = t;
        }
}

static void describe(FILE *f, const struct actent_experiment *r)
{
    const struct actent_experiment_opts *o = &r->opts;
    fprintf(f, "actent experiment: %s mode, table %s\n", actent_mode_name(o->mode), o->k->name);
    if (o->input) {
        fputs("input: ", f);
        actent_input_line(f, o->input, o->n, ", ");
        fprintf(f, "; transform seed %u\n", o->seed);
    } else if (o->dist == ACTENT_NORMAL)
        fprintf(f, "sample: normal(0, %g), n = %zu, seed %u\n", o->sigma, o->n, o->seed);
    else
        fprintf(f, "sample: uniform on [-1, 1], n = %zu, seed %u\n", o->n, o->seed);
    if (o->mode == ACTENT_NOTEBOOK)
        fprintf(f,
                "binning: input np.histogram(x, bins=%zu) (%zu bins), outputs "
                "np.linspace(min, max, %zu) edges (%zu bins)\n"
                "         as in the notebook; the bin counts differ, so even linear loses about "
                "log2(%zu/%zu) bits\n",
                r->nbins_in, r->nbins_in, r->nbins_out + 1, r->nbins_out, r->nbins_in,
                r->nbins_out);
    else
        fprintf(f, "binning: input and outputs alike, %zu bins on [min, max] (np.linspace edges)\n",
                r->nbins_in);
    fprintf(f, "copy-neighbour: %zu iterations\n", o->iterations);
}

void actent_experiment_print(FILE *f, const struct actent_experiment *r)
{
    char a[32], b[32], c[32], d[32];
    describe(f, r);
    fprintf(f, "\ninput entropy: %s bits\n\n", actent_fmt_double(a, sizeof a, r->input_entropy));
    fprintf(f, "%-14s %-20s %-22s %-20s %s\n", "activation", "entropy (bits)", "reduction",
            "after copy-neighbour", "further reduction");
    size_t idx[ACT_COUNT];
    sorted_order(r, idx);
    for (size_t i = 0; i < r->nacts; i++) {
        const struct actent_act_result *x = &r->acts[idx[i]];
        fprintf(f, "%-14s %-20s %-22s %-20s %s\n", act_name(x->op),
                actent_fmt_double(a, sizeof a, x->entropy),
                actent_fmt_double(b, sizeof b, x->reduction),
                actent_fmt_double(c, sizeof c, x->entropy_transformed),
                actent_fmt_double(d, sizeof d, x->further_reduction));
    }
    actent_extra_print(f, r);
}

void actent_json_u64_array(struct json *j, const char *key, const uint64_t *v, size_t n)
{
    json_key(j, key);
    json_arr_begin(j, true);
    for (size_t i = 0; i < n; i++)
        json_uint(j, v[i]);
    json_arr_end(j);
}

/* "input": where the values came from (a file, or the caller's array through
 * the library), its shape and dtype as stored, and what was left out */
static void input_json(struct json *j, const struct actent_input_info *in)
{
    json_key(j, "input");
    json_obj_begin(j);
    json_kstr(j, "source", in->path ? "file" : "array");
    if (in->path)
        json_kstr(j, "file", in->path);
    json_key(j, "shape");
    json_arr_begin(j, true);
    for (int i = 0; i < in->ndim; i++)
        json_uint(j, in->shape[i]);
    json_arr_end(j);
    json_kstr(j, "dtype", in->dtype);
    json_kbool(j, "fortran_order", in->fortran_order);
    json_kuint(j, "values", in->values);
    json_kuint(j, "nonfinite_dropped", in->nonfinite_dropped);
    json_obj_end(j);
}

void actent_experiment_json(struct json *j, const struct actent_experiment *r)
{
    const struct actent_experiment_opts *o = &r->opts;
    char cpu[256], machine[256];
    actent_cpu_model(cpu, sizeof cpu);
    actent_machine_id(machine, sizeof machine);
    json_obj_begin(j);
    json_kstr(j, "mode", actent_mode_name(o->mode));
    json_kstr(j, "table", o->k->name);
    json_kstr(j, "cpu", cpu);
    json_kstr(j, "machine", machine);
    if (o->command)
        json_kstr(j, "command", o->command);
    json_kuint(j, "n", o->n);
    json_kuint(j, "seed", o->seed);
    if (o->input) {
        input_json(j, o->input);
    } else {
        json_kstr(j, "dist", actent_dist_name(o->dist));
        if (o->dist == ACTENT_NORMAL)
            json_knum(j, "sigma", o->sigma);
    }
    json_kuint(j, "bins", o->bins);
    json_kuint(j, "input_bins", r->nbins_in);
    json_kuint(j, "output_bins", r->nbins_out);
    json_kuint(j, "iterations", o->iterations);
    json_kuint(j, "threads", r->threads);
    json_knum(j, "input_min", r->in_lo);
    json_knum(j, "input_max", r->in_hi);
    json_knum(j, "input_entropy", r->input_entropy);
    actent_json_u64_array(j, "input_counts", r->input_counts, r->nbins_in);
    actent_extra_json_input(j, r);
    json_key(j, "activations");
    json_arr_begin(j, false);
    size_t idx[ACT_COUNT];
    sorted_order(r, idx);
    for (size_t i = 0; i < r->nacts; i++) {
        const struct actent_act_result *a = &r->acts[idx[i]];
        json_obj_begin(j);
        json_kstr(j, "name", act_name(a->op));
        json_knum(j, "entropy", a->entropy);
        json_knum(j, "reduction", a->reduction);
        json_knum(j, "entropy_after_transform", a->entropy_transformed);
        json_knum(j, "further_reduction", a->further_reduction);
        json_knum(j, "min", a->lo);
        json_knum(j, "max", a->hi);
        actent_json_u64_array(j, "counts", a->counts, r->nbins_out);
        actent_json_u64_array(j, "counts_after_transform", a->counts_transformed, r->nbins_out);
        actent_extra_json_act(j, r, a);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}

void actent_input_line(FILE *f, const struct actent_input_info *in, size_t n, const char *sep)
{
    char shape[ACTENT_NPY_MAX_DIMS * 24];
    actent_npy_shape_str(in->ndim, in->shape, shape, sizeof shape);
    fprintf(f, "%s%sshape %s, dtype %s%s, n = %zu", in->path ? in->path : "array", sep, shape,
            in->dtype, in->fortran_order ? " (Fortran order)" : "", n);
    if (in->nonfinite_dropped)
        fprintf(f, " (%llu non-finite values left out)", (unsigned long long)in->nonfinite_dropped);
}

/* The compact report: a heading, then one row per analysis with the input's
 * entropy and the entropy after each activation, in the notebook's order. */
void actent_experiment_head(FILE *f, const struct actent_experiment_opts *o, bool files,
                            bool normal)
{
    fprintf(f, "actent experiment: %s mode, table %s, copy-neighbour %zu iterations, seed %u\n",
            actent_mode_name(o->mode), o->k->name, o->iterations, o->seed);
    if (!files)
        fprintf(f, "sample: %s\n", normal ? "normal(0, sigma)" : "uniform on [-1, 1]");
    fprintf(f,
            "entropy (bits) of the input and after each activation; --json has every number\n\n");
    if (!files)
        fprintf(f, "%-10s ", "n");
    if (normal)
        fprintf(f, "%-10s ", "sigma");
    fprintf(f, "%-8s %10s", "bins", "input");
    for (int op = 0; op < ACT_COUNT; op++)
        if (o->use[op])
            fprintf(f, " %12s", act_name((enum act_op)op));
    fputc('\n', f);
}

void actent_experiment_row(FILE *f, const struct actent_experiment *r, bool files, bool normal)
{
    const struct actent_experiment_opts *o = &r->opts;
    if (!files)
        fprintf(f, "%-10zu ", o->n);
    if (normal)
        fprintf(f, "%-10g ", o->sigma);
    fprintf(f, "%-8zu %10.6f", o->bins, r->input_entropy);
    for (size_t i = 0; i < r->nacts; i++)
        fprintf(f, " %12.6f", r->acts[i].entropy);
    fputc('\n', f);
    fflush(f); /* a long grid shows each row as it finishes */
}
