/* cli.c - argument parsing: every rejection names the argument and the reason. */
#include "cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_list.h"
#include "dispatch.h"
#include "errmsg.h"
#include "repeats.h"

/* Above this the sample alone would need more than 256 GiB. */
#define MAX_N ((uint64_t)1 << 36)
#define MAX_BINS ((uint64_t)1 << 24)
#define MAX_ITERATIONS ((uint64_t)1 << 20)

/* A whole decimal integer in [lo, hi]: no sign, no spaces, no suffix. */
static int parse_uint(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out,
                      char *err, size_t len)
{
    return actent_arg_uint(opt, s, lo, hi, out, err, len);
}

/* --activations: the list's message names the option */
static int parse_activations(const char *s, bool *use, char *err, size_t len)
{
    char why[512];
    if (actent_activations_parse(s, use, why, sizeof why) != 0)
        return actent_fail(err, len, "--activations: %s", why);
    return 0;
}

enum { GIVEN_N = 1, GIVEN_DIST = 2, GIVEN_SIGMA = 4, GIVEN_NOISE = 8, GIVEN_NONFINITE = 16 };
#define MAX_REPEATS ACTENT_REPEATS_MAX

/* --estimator, --noise-var, --kde-max-pairs, --binning, --repeats: 0, -1, or 1 when opt is none
 * of them */
static int estimator_option(struct actent_cli *c, const char *opt, const char *value, char *err,
                            size_t len)
{
    struct actent_experiment_opts *o = &c->exp;
    uint64_t u = 0;
    if (strcmp(opt, "--estimator") == 0) {
        enum actent_estimator e = actent_estimator_from_name(value);
        if (e == ACTENT_EST_COUNT)
            return actent_fail(err, len,
                               "--estimator must be plugin, miller-madow, grassberger, "
                               "jackknife or kde, not '%s'",
                               value);
        o->estimator = e;
    } else if (strcmp(opt, "--noise-var") == 0) {
        if (actent_arg_positive(opt, value, &o->noise_var, err, len))
            return -1;
        if (o->noise_var < 1e-12 || o->noise_var > 1e12)
            return actent_fail(err, len, "--noise-var %s: must lie in [1e-12, 1e12]", value);
        c->given |= GIVEN_NOISE;
    } else if (strcmp(opt, "--kde-max-pairs") == 0) {
        if (actent_arg_positive(opt, value, &o->kde_max_pairs, err, len))
            return -1;
    } else if (strcmp(opt, "--binning") == 0) {
        if (strcmp(value, "width") == 0)
            o->binning = ACTENT_BIN_WIDTH;
        else if (strcmp(value, "mass") == 0)
            o->binning = ACTENT_BIN_MASS;
        else
            return actent_fail(err, len, "--binning must be width or mass, not '%s'", value);
    } else if (strcmp(opt, "--repeats") == 0) {
        if (parse_uint(opt, value, 1, MAX_REPEATS, &u, err, len))
            return -1;
        c->repeats = (size_t)u;
    } else {
        return 1;
    }
    return 0;
}

/* Combinations of the options above that mean nothing. */
static int estimator_check(const struct actent_cli *c, char *err, size_t len)
{
    const struct actent_experiment_opts *o = &c->exp;
    if (o->estimator == ACTENT_EST_KDE && !(c->given & GIVEN_NOISE))
        return actent_fail(err, len, "--estimator kde needs --noise-var V (the noise variance)");
    if (o->estimator != ACTENT_EST_KDE && (c->given & GIVEN_NOISE))
        return actent_fail(err, len, "--noise-var applies only to --estimator kde");
    if (o->binning == ACTENT_BIN_MASS && o->mode == ACTENT_NOTEBOOK)
        return actent_fail(err, len,
                           "--binning mass bins input and outputs alike: it needs --mode "
                           "consistent");
    if (o->population && c->grid.ninputs)
        return actent_fail(err, len,
                           "--population needs a sample (uniform or normal), not --input");
    if (o->population && o->binning == ACTENT_BIN_MASS)
        return actent_fail(err, len, "--population is defined for --binning width only");
    if (c->repeats > 1 && (uint64_t)o->seed + c->repeats - 1 > UINT32_MAX)
        return actent_fail(err, len, "--seed %u with --repeats %zu runs past seed %u", o->seed,
                           c->repeats, UINT32_MAX);
    if (c->repeats > 1 && c->grid.ninputs)
        return actent_fail(err, len, "--repeats draws new samples: it does not apply with --input");
    return 0;
}

/* Options of `actent experiment`; `value` is its argument. */
static int experiment_option(struct actent_cli *c, const char *opt, const char *value, char *err,
                             size_t len)
{
    struct actent_experiment_opts *o = &c->exp;
    struct actent_grid *s = &c->grid;
    uint64_t u = 0;
    if (strcmp(opt, "--n") == 0) {
        if (actent_arg_u64_list(opt, value, 1, MAX_N, s->n, &s->nn, err, len))
            return -1;
        o->n = (size_t)s->n[0];
        c->given |= GIVEN_N;
    } else if (strcmp(opt, "--seed") == 0) {
        if (parse_uint(opt, value, 0, UINT32_MAX, &u, err, len))
            return -1;
        o->seed = (uint32_t)u;
    } else if (strcmp(opt, "--bins") == 0) {
        if (actent_arg_u64_list(opt, value, 1, MAX_BINS, s->bins, &s->nbins, err, len))
            return -1;
        o->bins = (size_t)s->bins[0];
    } else if (strcmp(opt, "--iterations") == 0) {
        if (parse_uint(opt, value, 0, MAX_ITERATIONS, &u, err, len))
            return -1;
        o->iterations = (size_t)u;
    } else if (strcmp(opt, "--sigma") == 0) {
        if (actent_arg_positive_list(opt, value, s->sigma, &s->nsigma, err, len))
            return -1;
        o->sigma = s->sigma[0];
        c->given |= GIVEN_SIGMA;
    } else if (strcmp(opt, "--dist") == 0) {
        if (strcmp(value, "uniform") == 0)
            o->dist = ACTENT_UNIFORM;
        else if (strcmp(value, "normal") == 0)
            o->dist = ACTENT_NORMAL;
        else
            return actent_fail(err, len, "--dist must be uniform or normal, not '%s'", value);
        c->given |= GIVEN_DIST;
    } else if (strcmp(opt, "--mode") == 0) {
        if (strcmp(value, "notebook") == 0)
            o->mode = ACTENT_NOTEBOOK;
        else if (strcmp(value, "consistent") == 0)
            o->mode = ACTENT_CONSISTENT;
        else
            return actent_fail(err, len, "--mode must be notebook or consistent, not '%s'", value);
    } else if (strcmp(opt, "--activations") == 0) {
        return parse_activations(value, o->use, err, len);
    } else if (strcmp(opt, "--threads") == 0) {
        if (parse_uint(opt, value, 1, 64, &u, err, len))
            return -1;
        o->threads = (unsigned)u;
    } else if (strcmp(opt, "--input") == 0) {
        if (!*value)
            return actent_fail(err, len, "--input expects an .npy file name");
        if (s->ninputs == ACTENT_INPUTS_MAX)
            return actent_fail(err, len, "--input is given more than %d times", ACTENT_INPUTS_MAX);
        s->inputs[s->ninputs++] = value;
    } else if (strcmp(opt, "--nonfinite") == 0) {
        if (strcmp(value, "error") == 0)
            s->nonfinite = ACTENT_NONFINITE_ERROR;
        else if (strcmp(value, "drop") == 0)
            s->nonfinite = ACTENT_NONFINITE_DROP;
        else
            return actent_fail(err, len, "--nonfinite must be error or drop, not '%s'", value);
        c->given |= GIVEN_NONFINITE;
    } else if (strcmp(opt, "--json") == 0) {
        if (!*value)
            return actent_fail(err, len, "--json expects a file name, or - for standard output");
        c->json = value;
    } else {
        return estimator_option(c, opt, value, err, len); /* 1: not an experiment option */
    }
    return 0;
}

/* What no single option can check: combinations, defaults for the lists. */
static int experiment_check(struct actent_cli *c, char *err, size_t len)
{
    struct actent_grid *s = &c->grid;
    static const char *const names[] = {"--n", "--dist", "--sigma"};
    for (int i = 0; i < 3; i++)
        if (s->ninputs && (c->given & (1u << i)))
            return actent_fail(err, len,
                               "%s does not apply with --input: the values come from the files",
                               names[i]);
    if (s->nsigma > 1 && c->exp.dist != ACTENT_NORMAL)
        return actent_fail(err, len, "--sigma lists several values, which needs --dist normal");
    if ((c->given & GIVEN_SIGMA) && c->exp.dist != ACTENT_NORMAL)
        return actent_fail(err, len,
                           "--sigma is the normal's scale: it needs --dist normal (the sample "
                           "is uniform on [-1, 1])");
    if (c->given & GIVEN_NONFINITE && !s->ninputs)
        return actent_fail(err, len,
                           "--nonfinite applies to --input files: a sample has no NaN or inf");
    if (s->nn == 0)
        s->n[s->nn++] = c->exp.n;
    if (s->nsigma == 0)
        s->sigma[s->nsigma++] = c->exp.sigma;
    if (s->nbins == 0)
        s->bins[s->nbins++] = c->exp.bins;
    for (size_t i = 0; i < s->nbins; i++)
        if (c->exp.mode == ACTENT_NOTEBOOK && s->bins[i] < 2)
            return actent_fail(err, len,
                               "--bins %llu: notebook mode needs at least 2 (its outputs get one "
                               "bin fewer)",
                               (unsigned long long)s->bins[i]);
    if (estimator_check(c, err, len) != 0)
        return -1;
    uint64_t runs = actent_grid_runs(s) * (c->repeats ? c->repeats : 1);
    if (runs > ACTENT_RUNS_MAX)
        return actent_fail(err, len, "the option grid would make %llu analyses (at most %d)",
                           (unsigned long long)runs, ACTENT_RUNS_MAX);
    return 0;
}

/* Options of `actent verify` that take a value. */
static int verify_option(struct actent_cli *c, const char *opt, const char *value, char *err,
                         size_t len)
{
    uint64_t u;
    if (strcmp(opt, "--threads") == 0) {
        if (parse_uint(opt, value, 1, 64, &u, err, len))
            return -1;
        c->ver.threads = (unsigned)u;
    } else if (strcmp(opt, "--activations") == 0) {
        return parse_activations(value, c->ver.use, err, len);
    } else if (strcmp(opt, "--json") == 0) {
        if (!*value)
            return actent_fail(err, len, "--json expects a file name, or - for standard output");
        c->json = value;
    } else {
        return 1;
    }
    return 0;
}

/* --quick and --exhaustive: flags without a value. 1 when arg is not one. */
static int verify_flag(struct actent_cli *c, const char *arg, bool *mode_set, char *err, size_t len)
{
    enum actent_verify_mode m;
    if (strcmp(arg, "--quick") == 0)
        m = ACTENT_VERIFY_QUICK;
    else if (strcmp(arg, "--exhaustive") == 0)
        m = ACTENT_VERIFY_EXHAUSTIVE;
    else
        return 1;
    if (*mode_set && c->ver.mode != m)
        return actent_fail(err, len, "verify: --quick and --exhaustive exclude each other");
    c->ver.mode = m;
    *mode_set = true;
    return 0;
}

/* Does this command take the option? Asks its parser, on a scratch copy. */
static bool known_option(const struct actent_cli *c, const char *opt)
{
    struct actent_cli scratch = *c;
    char e[256];
    if (strcmp(opt, "--isa") == 0)
        return true;
    if (c->cmd == ACTENT_CMD_EXPERIMENT)
        return experiment_option(&scratch, opt, "0", e, sizeof e) <= 0;
    if (c->cmd == ACTENT_CMD_VERIFY)
        return verify_option(&scratch, opt, "0", e, sizeof e) <= 0;
    return false;
}

int actent_cli_parse(int argc, char *const *argv, struct actent_cli *c, char *err, size_t len)
{
    memset(c, 0, sizeof *c);
    actent_experiment_defaults(&c->exp);
    c->exp.k = NULL;
    actent_verify_defaults(&c->ver);
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
    else if (strcmp(cmd, "verify") == 0)
        c->cmd = ACTENT_CMD_VERIFY;
    else if (strcmp(cmd, "infoplane") == 0) {
        c->cmd = ACTENT_CMD_INFOPLANE; /* its options are its own (cmd_infoplane.c) */
        for (int i = 2; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
                c->help_topic = cmd;
                c->cmd = ACTENT_CMD_HELP;
            }
        return 0;
    } else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        c->cmd = ACTENT_CMD_HELP;
        if (argc > 3)
            return actent_fail(err, len, "help: unexpected argument '%s' (help takes one command)",
                               argv[3]);
        if (argc > 2 && !actent_cli_help_topic(argv[2]))
            return actent_fail(err, len,
                               "help: no command '%s' (commands: experiment, verify, infoplane, "
                               "isa, machine, help, version)",
                               argv[2]);
        if (argc > 2)
            c->help_topic = argv[2];
        return 0;
    } else if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        c->cmd = ACTENT_CMD_VERSION;
    } else {
        return actent_fail(err, len,
                           "unknown command '%s' (commands: experiment, verify, infoplane, isa, "
                           "machine, help, version)",
                           cmd);
    }
    bool mode_set = false;
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            c->help_topic = cmd;
            c->cmd = ACTENT_CMD_HELP;
            return 0;
        }
        if (c->cmd == ACTENT_CMD_EXPERIMENT && strcmp(arg, "--population") == 0) {
            c->exp.population = true;
            continue;
        }
        if (c->cmd == ACTENT_CMD_VERIFY) {
            int rc = verify_flag(c, arg, &mode_set, err, len);
            if (rc <= 0) {
                if (rc < 0)
                    return -1;
                continue;
            }
        }
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0' || c->cmd == ACTENT_CMD_VERSION ||
            c->cmd == ACTENT_CMD_MACHINE)
            return actent_fail(err, len, "%s: unexpected argument '%s'", cmd, arg);
        /* --opt=value or --opt value */
        char opt[64];
        const char *eq = strchr(arg, '='), *value;
        size_t ol = eq ? (size_t)(eq - arg) : strlen(arg);
        if (ol >= sizeof opt)
            return actent_fail(err, len, "%s: unknown option '%.*s'", cmd, 64, arg);
        memcpy(opt, arg, ol);
        opt[ol] = '\0';
        if (eq) {
            value = eq + 1;
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            if (!known_option(c, opt))
                return actent_fail(err, len, "%s: unknown option '%s' (see: actent help %s)", cmd,
                                   opt, cmd);
            return actent_fail(err, len, "%s: option %s needs a value", cmd, opt);
        }
        if (strcmp(opt, "--isa") == 0) {
            if (!*value)
                return actent_fail(err, len, "--isa expects a table name (see: actent isa)");
            c->isa = value;
            continue;
        }
        int rc = c->cmd == ACTENT_CMD_EXPERIMENT ? experiment_option(c, opt, value, err, len)
                 : c->cmd == ACTENT_CMD_VERIFY   ? verify_option(c, opt, value, err, len)
                                                 : 1;
        if (rc < 0)
            return -1;
        if (rc > 0)
            return actent_fail(err, len, "%s: unknown option '%s' (see: actent help %s)", cmd, opt,
                               cmd);
    }
    return c->cmd == ACTENT_CMD_EXPERIMENT ? experiment_check(c, err, len) : 0;
}

int actent_cli_table(const char *isa, const struct act_kernels **out, char *err, size_t len)
{
    const char *env = getenv("ACTENT_ISA");
    const char *want = isa ? isa : env && *env ? env : NULL;
    char why[512];
    if (actent_select(want, out, why, sizeof why) == 0)
        return 0;
    if (isa)
        return actent_fail(err, len, "--isa %s: %s", isa, why);
    if (want)
        return actent_fail(err, len, "ACTENT_ISA=%s (from the environment): %s", want, why);
    return actent_fail(err, len, "%s", why);
}
