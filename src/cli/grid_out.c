/* grid_out.c - the experiment's JSON document around its results:
 * {"schema", "command", "sweep": the values the grid took, "results": [...]}. */
#include "grid_out.h"

#include "experiment_out.h"

void actent_grid_json_begin(struct json *j, const struct actent_grid *g,
                            const struct actent_experiment_opts *base)
{
    json_obj_begin(j);
    json_kstr(j, "schema", ACTENT_EXPERIMENT_SCHEMA);
    if (base->command)
        json_kstr(j, "command", base->command);
    json_key(j, "sweep");
    json_obj_begin(j);
    if (g->ninputs) {
        json_key(j, "inputs");
        json_arr_begin(j, false);
        for (size_t i = 0; i < g->ninputs; i++)
            json_str(j, g->inputs[i]);
        json_arr_end(j);
    } else {
        actent_json_u64_array(j, "n", g->n, g->nn);
    }
    if (actent_grid_normal(g, base)) {
        json_key(j, "sigma");
        json_arr_begin(j, true);
        for (size_t i = 0; i < g->nsigma; i++)
            json_num(j, g->sigma[i]);
        json_arr_end(j);
    }
    actent_json_u64_array(j, "bins", g->bins, g->nbins);
    json_obj_end(j);
    json_key(j, "results");
    json_arr_begin(j, false);
}

void actent_grid_json_end(struct json *j)
{
    json_arr_end(j);
    json_obj_end(j);
}
