/* fuzz_cli.c - libFuzzer target: the bytes, split at NUL, as the arguments
 * after "actent". The parser does no I/O, so anything it accepts must be a
 * consistent set of options, and anything it refuses must say why. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 64

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_cli: property violated: %s\n", what);
        abort();
    }
}

static void check_accepted(const struct actent_cli *c)
{
    const struct actent_grid *s = &c->grid;
    if (c->cmd != ACTENT_CMD_EXPERIMENT)
        return;
    require(s->nn >= 1 && s->nn <= ACTENT_GRID_MAX, "n list size");
    require(s->nbins >= 1 && s->nbins <= ACTENT_GRID_MAX, "bins list size");
    require(s->nsigma >= 1 && s->nsigma <= ACTENT_GRID_MAX, "sigma list size");
    require(s->ninputs <= ACTENT_INPUTS_MAX, "inputs");
    require(actent_grid_runs(s) <= ACTENT_RUNS_MAX, "runs");
    for (size_t i = 0; i < s->nbins; i++)
        require(s->bins[i] >= (c->exp.mode == ACTENT_NOTEBOOK ? 2u : 1u), "bins lower bound");
    for (size_t i = 0; i < s->nn; i++)
        require(s->n[i] >= 1, "n lower bound");
    for (size_t i = 0; i < s->nsigma; i++)
        require(s->sigma[i] > 0.0 && isfinite(s->sigma[i]), "sigma finite and positive");
    require(s->nsigma == 1 || c->exp.dist == ACTENT_NORMAL, "sigma sweep needs normal");
    require(c->exp.n == s->n[0] && c->exp.bins == s->bins[0], "first values mirrored");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* each argument in its own allocation, so a read past its end is caught */
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    argv[argc++] = strdup("actent");
    for (size_t i = 0; i <= size && argc < MAX_ARGS;) {
        size_t n = 0;
        while (i + n < size && data[i + n] != 0)
            n++;
        argv[argc] = malloc(n + 1);
        memcpy(argv[argc], data + i, n);
        argv[argc++][n] = '\0';
        i += n + 1;
    }
    argv[argc] = NULL;
    struct actent_cli *c = malloc(sizeof *c);
    char err[1024];
    memset(err, 0, sizeof err);
    if (actent_cli_parse(argc, argv, c, err, sizeof err) == 0)
        check_accepted(c);
    else
        require(err[0] != '\0', "a refusal without a message");
    char usage[4096];
    actent_cli_usage(c->help_topic, usage, sizeof usage);
    free(c);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    return 0;
}
