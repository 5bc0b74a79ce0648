/* grid.c - the option grid: how many analyses, and what each one runs. */
#include "grid.h"

#include <string.h>
#include <sys/stat.h>

#include "errmsg.h"

uint64_t actent_grid_runs(const struct actent_grid *g)
{
    uint64_t sources = g->ninputs ? (uint64_t)g->ninputs : (uint64_t)g->nn * g->nsigma;
    return sources * g->nbins;
}

bool actent_grid_plain(const struct actent_grid *g)
{
    return g->ninputs == 0 && actent_grid_runs(g) == 1;
}

bool actent_grid_normal(const struct actent_grid *g, const struct actent_experiment_opts *base)
{
    return !g->ninputs && base->dist == ACTENT_NORMAL;
}

void actent_grid_plan(const struct actent_grid *g, const struct actent_experiment_opts *base,
                      uint64_t i, struct actent_run *run)
{
    run->opts = *base;
    run->opts.bins = (size_t)g->bins[i % g->nbins];
    uint64_t source = i / g->nbins;
    if (g->ninputs) {
        run->input = g->inputs[source];
        return;
    }
    run->input = NULL;
    run->opts.sigma = g->sigma[source % g->nsigma];
    run->opts.n = (size_t)g->n[source / g->nsigma];
}

int actent_grid_check_output(const struct actent_grid *g, const char *json, char *err, size_t len)
{
    struct stat out, in;
    if (!json || strcmp(json, "-") == 0 || stat(json, &out) != 0)
        return 0;
    for (size_t i = 0; i < g->ninputs; i++)
        if (stat(g->inputs[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return actent_fail(err, len,
                               "--json '%s' is the input file '%s': the result would replace it",
                               json, g->inputs[i]);
    return 0;
}
