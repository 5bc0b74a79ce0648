/* cmd_repeats.c - K samples of one analysis: compute all, sum up, output. */
#include "cmd_repeats.h"

#include <stdlib.h>

#include "errmsg.h"
#include "repeats_out.h"
#include "repeats.h"

int actent_run_repeats(const struct actent_run *run, size_t k, FILE *report, struct json *j,
                       char *err, size_t len)
{
    struct actent_experiment *r = calloc(k, sizeof *r);
    if (!r)
        return actent_fail(err, len, "out of memory for %zu repeats", k);
    size_t done = 0;
    int rc = 0;
    for (; done < k && rc == 0; done++) {
        struct actent_experiment_opts o = run->opts;
        o.seed = run->opts.seed + (uint32_t)done; /* the CLI checks this does not wrap */
        rc = actent_experiment_run(&o, &r[done], err, len);
    }
    if (rc == 0) {
        struct actent_summary s;
        actent_summarize(r, k, &s);
        actent_repeats_print(report, r, &s);
        if (j)
            actent_repeats_json(j, r, &s);
    } else {
        done--; /* the failed one freed itself */
    }
    for (size_t i = 0; i < done; i++)
        actent_experiment_free(&r[i]);
    free(r);
    return rc;
}
