/* cmd_infoplane.h - actent infoplane: I(X;T) and I(T;Y) of saved layers. */
#ifndef ACTENT_CMD_INFOPLANE_H
#define ACTENT_CMD_INFOPLANE_H

#include <stddef.h>

#include "grid.h"
#include "infoplane.h"

#define ACTENT_IP_MAX_LAYERS 256
#define ACTENT_IP_MAX_SWEEP ACTENT_GRID_MAX

struct actent_ip_cli {
    const char *layers[ACTENT_IP_MAX_LAYERS];
    size_t nlayers;
    const char *labels, *inputs, *json, *isa;
    const char *method;                 /* as given: width, ..., kde, kde-upper, kde-lower */
    double values[ACTENT_IP_MAX_SWEEP]; /* widths, bin counts or noise variances */
    size_t nvalues;
    const char *estimator;
    size_t shuffles, bootstrap;
    uint32_t seed;
    unsigned threads;
};

/* Parses `actent infoplane` options (argv[2..argc)). 0; -1 with a message
 * naming the option. */
int actent_ip_cli_parse(int argc, char *const *argv, struct actent_ip_cli *c, char *err,
                        size_t len);

/* Runs it: 0, 1 when a layer or the computation fails, 2 for bad options. */
int actent_cmd_infoplane(int argc, char *const *argv, const char *command);

#endif
