/* cli.c - argument parsing: every rejection names the argument and the reason. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Above this the sample alone would need more than 256 GiB. */
#define MAX_N ((uint64_t)1 << 36)
#define MAX_BINS ((uint64_t)1 << 24)
#define MAX_ITERATIONS ((uint64_t)1 << 20)

static int bad(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
    return -1;
}

/* A whole decimal integer in [lo, hi]: no sign, no spaces, no suffix. */
static int parse_uint(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                      char *err, size_t len)
{
    if (*s < '0' || *s > '9')
        return bad(err, len, "%s expects a whole number from %llu to %llu, not '%s'", opt,
                   (unsigned long long)lo, (unsigned long long)hi, s);
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end != '\0')
        return bad(err, len, "%s expects a whole number, not '%s'", opt, s);
    if (errno == ERANGE || v < lo || v > hi)
        return bad(err, len, "%s must be from %llu to %llu (got %s)", opt, (unsigned long long)lo,
                   (unsigned long long)hi, s);
    *out = v;
    return 0;
}

/* A finite number > 0. */
static int parse_positive(const char *opt, const char *s, double *out, char *err, size_t len)
{
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v) || !(v > 0.0))
        return bad(err, len, "%s expects a finite number above 0, not '%s'", opt, s);
    *out = v;
    return 0;
}

/* "relu,tanh" or "all": which activations to run (always in the notebook's order). */
static int parse_activations(const char *s, bool *use, char *err, size_t len)
{
    if (strcmp(s, "all") == 0) {
        for (int i = 0; i < ACT_COUNT; i++)
            use[i] = true;
        return 0;
    }
    bool seen[ACT_COUNT] = {false};
    const char *p = s;
    for (;;) {
        size_t n = strcspn(p, ",");
        char name[64];
        if (n == 0 || n >= sizeof name)
            goto unknown;
        memcpy(name, p, n);
        name[n] = '\0';
        enum act_op op = act_from_name(name);
        if (op == ACT_COUNT)
            goto unknown;
        if (seen[op])
            return bad(err, len, "--activations lists '%s' twice", name);
        seen[op] = true;
        if (p[n] == '\0')
            break;
        p += n + 1;
        continue;
    unknown:;
        char valid[256] = "";
        size_t used = 0;
        for (int i = 0; i < ACT_COUNT && used < sizeof valid; i++)
            used += (size_t)snprintf(valid + used, sizeof valid - used, "%s%s", i ? ", " : "",
                                     act_name((enum act_op)i));
        return bad(err, len, "--activations: unknown activation '%.*s' (valid: %s, or all)",
                   (int)(n < 64 ? n : 64), p, valid);
    }
    memcpy(use, seen, sizeof seen);
    return 0;
}

/* One comma-separated item into buf (NUL-terminated). */
static int list_item(const char *opt, const char *p, size_t n, char *buf, size_t cap, char *err,
                     size_t len)
{
    if (n >= cap)
        return bad(err, len, "%s: '%.24s...' is too long for a value", opt, p);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return 0;
}

/* Appends v unless the list is full or has it already. */
static int list_add_u64(const char *opt, uint64_t *out, size_t *m, uint64_t v, char *err,
                        size_t len)
{
    if (*m == ACTENT_SWEEP_MAX)
        return bad(err, len, "%s lists more than %d values", opt, ACTENT_SWEEP_MAX);
    for (size_t q = 0; q < *m; q++)
        if (out[q] == v)
            return bad(err, len, "%s lists %llu twice", opt, (unsigned long long)v);
    out[(*m)++] = v;
    return 0;
}

/* START:STOP or START:STOP:STEP, STOP included when a step lands on it */
static int parse_range(const char *opt, char *it, uint64_t lo, uint64_t hi, uint64_t *out,
                       size_t *m, char *err, size_t len)
{
    char whole[64], step_opt[80];
    snprintf(whole, sizeof whole, "%s", it);
    snprintf(step_opt, sizeof step_opt, "%s step", opt);
    char *c1 = strchr(it, ':'), *c2 = strchr(c1 + 1, ':');
    *c1 = '\0';
    if (c2)
        *c2 = '\0';
    uint64_t a = 0, b = 0, step = 1;
    if (parse_uint(opt, it, lo, hi, &a, err, len) ||
        parse_uint(opt, c1 + 1, lo, hi, &b, err, len) ||
        (c2 && parse_uint(step_opt, c2 + 1, 1, hi, &step, err, len)))
        return -1;
    if (b < a)
        return bad(err, len,
                   "%s: the range '%s' runs backwards (START:STOP:STEP with START <= STOP)", opt,
                   whole);
    for (uint64_t v = a;; v += step) {
        if (list_add_u64(opt, out, m, v, err, len) != 0)
            return -1;
        if (b - v < step)
            return 0;
    }
}

/* "10,20,50", "10:100:10" or a mix: whole numbers in [lo, hi], no repeats */
static int parse_u64_list(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                          size_t *count, char *err, size_t len)
{
    size_t m = 0;
    for (const char *p = s;; p++) {
        size_t n = strcspn(p, ",");
        char it[64];
        if (list_item(opt, p, n, it, sizeof it, err, len) != 0)
            return -1;
        uint64_t v = 0;
        if (strchr(it, ':')) {
            if (parse_range(opt, it, lo, hi, out, &m, err, len) != 0)
                return -1;
        } else if (parse_uint(opt, it, lo, hi, &v, err, len) != 0 ||
                   list_add_u64(opt, out, &m, v, err, len) != 0) {
            return -1;
        }
        p += n;
        if (*p == '\0')
            break;
    }
    *count = m;
    return 0;
}

/* "0.5,1,2": finite numbers above 0, no repeats; no ranges for non-integers */
static int parse_sigma_list(const char *s, double *out, size_t *count, char *err, size_t len)
{
    size_t m = 0;
    for (const char *p = s;; p++) {
        size_t n = strcspn(p, ",");
        char it[64];
        if (list_item("--sigma", p, n, it, sizeof it, err, len) != 0)
            return -1;
        if (strchr(it, ':'))
            return bad(err, len, "--sigma takes a list such as 0.5,1,2, not a range ('%s')", it);
        double v = 0.0;
        if (parse_positive("--sigma", it, &v, err, len) != 0)
            return -1;
        if (m == ACTENT_SWEEP_MAX)
            return bad(err, len, "--sigma lists more than %d values", ACTENT_SWEEP_MAX);
        for (size_t q = 0; q < m; q++)
            if (out[q] == v)
                return bad(err, len, "--sigma lists %g twice", v);
        out[m++] = v;
        p += n;
        if (*p == '\0')
            break;
    }
    *count = m;
    return 0;
}

enum { GIVEN_N = 1, GIVEN_DIST = 2, GIVEN_SIGMA = 4 };

/* Options of `actent experiment`; `value` is its argument. */
static int experiment_option(struct actent_cli *c, const char *opt, const char *value, char *err,
                             size_t len)
{
    struct actent_experiment_opts *o = &c->exp;
    struct actent_sweep *s = &c->sweep;
    uint64_t u = 0;
    if (strcmp(opt, "--n") == 0) {
        if (parse_u64_list(opt, value, 1, MAX_N, s->n, &s->nn, err, len))
            return -1;
        o->n = (size_t)s->n[0];
        c->given |= GIVEN_N;
    } else if (strcmp(opt, "--seed") == 0) {
        if (parse_uint(opt, value, 0, UINT32_MAX, &u, err, len))
            return -1;
        o->seed = (uint32_t)u;
    } else if (strcmp(opt, "--bins") == 0) {
        if (parse_u64_list(opt, value, 1, MAX_BINS, s->bins, &s->nbins, err, len))
            return -1;
        o->bins = (size_t)s->bins[0];
    } else if (strcmp(opt, "--iterations") == 0) {
        if (parse_uint(opt, value, 0, MAX_ITERATIONS, &u, err, len))
            return -1;
        o->iterations = (size_t)u;
    } else if (strcmp(opt, "--sigma") == 0) {
        if (parse_sigma_list(value, s->sigma, &s->nsigma, err, len))
            return -1;
        o->sigma = s->sigma[0];
        c->given |= GIVEN_SIGMA;
    } else if (strcmp(opt, "--dist") == 0) {
        if (strcmp(value, "uniform") == 0)
            o->dist = ACTENT_UNIFORM;
        else if (strcmp(value, "normal") == 0)
            o->dist = ACTENT_NORMAL;
        else
            return bad(err, len, "--dist must be uniform or normal, not '%s'", value);
        c->given |= GIVEN_DIST;
    } else if (strcmp(opt, "--mode") == 0) {
        if (strcmp(value, "notebook") == 0)
            o->mode = ACTENT_NOTEBOOK;
        else if (strcmp(value, "consistent") == 0)
            o->mode = ACTENT_CONSISTENT;
        else
            return bad(err, len, "--mode must be notebook or consistent, not '%s'", value);
    } else if (strcmp(opt, "--activations") == 0) {
        return parse_activations(value, o->use, err, len);
    } else if (strcmp(opt, "--input") == 0) {
        if (!*value)
            return bad(err, len, "--input expects an .npy file name");
        if (s->ninputs == ACTENT_INPUTS_MAX)
            return bad(err, len, "--input is given more than %d times", ACTENT_INPUTS_MAX);
        s->inputs[s->ninputs++] = value;
    } else if (strcmp(opt, "--nonfinite") == 0) {
        if (strcmp(value, "error") == 0)
            s->nonfinite = ACTENT_NONFINITE_ERROR;
        else if (strcmp(value, "drop") == 0)
            s->nonfinite = ACTENT_NONFINITE_DROP;
        else
            return bad(err, len, "--nonfinite must be error or drop, not '%s'", value);
    } else if (strcmp(opt, "--json") == 0) {
        if (!*value)
            return bad(err, len, "--json expects a file name, or - for standard output");
        c->json = value;
    } else {
        return 1; /* not an experiment option */
    }
    return 0;
}

/* What no single option can check: combinations, defaults for the lists. */
static int experiment_check(struct actent_cli *c, char *err, size_t len)
{
    struct actent_sweep *s = &c->sweep;
    static const char *const names[] = {"--n", "--dist", "--sigma"};
    for (int i = 0; i < 3; i++)
        if (s->ninputs && (c->given & (1u << i)))
            return bad(err, len, "%s does not apply with --input: the values come from the files",
                       names[i]);
    if (s->nsigma > 1 && c->exp.dist != ACTENT_NORMAL)
        return bad(err, len, "--sigma lists several values, which needs --dist normal");
    if (s->nn == 0)
        s->n[s->nn++] = c->exp.n;
    if (s->nsigma == 0)
        s->sigma[s->nsigma++] = c->exp.sigma;
    if (s->nbins == 0)
        s->bins[s->nbins++] = c->exp.bins;
    for (size_t i = 0; i < s->nbins; i++)
        if (c->exp.mode == ACTENT_NOTEBOOK && s->bins[i] < 2)
            return bad(err, len, "--bins %llu: notebook mode needs at least 2 (its outputs get one "
                       "bin fewer)", (unsigned long long)s->bins[i]);
    uint64_t runs = actent_sweep_runs(s);
    if (runs > ACTENT_RUNS_MAX)
        return bad(err, len, "the sweep would make %llu analyses (at most %d)",
                   (unsigned long long)runs, ACTENT_RUNS_MAX);
    return 0;
}

int actent_cli_parse(int argc, char *const *argv, struct actent_cli *c, char *err, size_t len)
{
    memset(c, 0, sizeof *c);
    actent_experiment_defaults(&c->exp);
    c->exp.k = NULL;
    if (argc < 2) {
        c->cmd = ACTENT_CMD_HELP;
        return 0;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "experiment") == 0)
        c->cmd = ACTENT_CMD_EXPERIMENT;
    else if (strcmp(cmd, "isa") == 0)
        c->cmd = ACTENT_CMD_ISA;
    else if (strcmp(cmd, "machine") == 0)
        c->cmd = ACTENT_CMD_MACHINE;
    else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        c->cmd = ACTENT_CMD_HELP;
        if (argc > 2)
            c->help_topic = argv[2];
        return 0;
    } else if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        c->cmd = ACTENT_CMD_VERSION;
        return 0;
    } else {
        return bad(err, len, "unknown command '%s' (commands: experiment, isa, machine, help, "
                             "version)", cmd);
    }
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            c->help_topic = cmd;
            c->cmd = ACTENT_CMD_HELP;
            return 0;
        }
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0')
            return bad(err, len, "%s: unexpected argument '%s'", cmd, arg);
        /* --opt=value or --opt value */
        char opt[64];
        const char *eq = strchr(arg, '='), *value;
        size_t ol = eq ? (size_t)(eq - arg) : strlen(arg);
        if (ol >= sizeof opt)
            return bad(err, len, "%s: unknown option '%.*s'", cmd, 64, arg);
        memcpy(opt, arg, ol);
        opt[ol] = '\0';
        if (eq) {
            value = eq + 1;
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            return bad(err, len, "%s: option %s needs a value", cmd, opt);
        }
        if (strcmp(opt, "--isa") == 0) {
            if (!*value)
                return bad(err, len, "--isa expects a table name (see: actent isa)");
            c->isa = value;
            continue;
        }
        int rc = c->cmd == ACTENT_CMD_EXPERIMENT ? experiment_option(c, opt, value, err, len) : 1;
        if (rc < 0)
            return -1;
        if (rc > 0)
            return bad(err, len, "%s: unknown option '%s' (see: actent help %s)", cmd, opt, cmd);
    }
    return c->cmd == ACTENT_CMD_EXPERIMENT ? experiment_check(c, err, len) : 0;
}

void actent_cli_usage(const char *topic, char *buf, size_t len)
{
    if (topic && strcmp(topic, "experiment") == 0) {
        snprintf(buf, len,
                 "usage: actent experiment [options]\n"
                 "  How much entropy each activation removes from a layer (the notebook's analysis).\n"
                 "  --mode notebook|consistent  notebook: input 50 bins, outputs 49 (as the notebook);\n"
                 "                              consistent: input and outputs binned alike [notebook]\n"
                 "  --input FILE.npy      a layer's activations from a file instead of a sample;\n"
                 "                        repeat for several (float16/32/64, any shape, C or\n"
                 "                        Fortran order, analysed flattened in C order)\n"
                 "  --nonfinite error|drop  NaN or inf in a file: stop with an error, or leave\n"
                 "                        them out and report how many [error]\n"
                 "  --n N                 sample size [4096]\n"
                 "  --seed S              np.random.seed: the sample and the transform [0]\n"
                 "  --dist uniform|normal uniform on [-1, 1], or normal(0, sigma) [uniform]\n"
                 "  --sigma X             the normal's scale [1]\n"
                 "  --bins K              input bins [50]\n"
                 "  Sweeps: --n and --bins take a list (10,20,50) or an inclusive range\n"
                 "  START:STOP:STEP (10:100:10), or both (5,10:100:10); --sigma takes a list\n"
                 "  (0.5,1,2) with --dist normal. One analysis per combination, one row each.\n"
                 "  --iterations I        copy-neighbour iterations [200]\n"
                 "  --activations a,b,c   a subset, run in the notebook's order [all]\n"
                 "  --isa NAME            kernel table (see: actent isa) [$ACTENT_ISA or auto]\n"
                 "  --json FILE           also write the result as JSON (- for stdout)\n");
        return;
    }
    snprintf(buf, len,
             "usage: actent <command> [options]\n"
             "  experiment   the notebook's entropy analysis (actent help experiment)\n"
             "  isa          the kernel tables built in, and which this CPU runs\n"
             "  machine      this machine's id, as used for results/<machine>/\n"
             "  help [cmd]   this text, or a command's options\n"
             "  version      the version\n");
}
