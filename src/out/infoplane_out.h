/* infoplane_out.h - the information plane's rows: a table on a stream, and
 * JSON (docs/infoplane.schema.json). */
#ifndef ACTENT_INFOPLANE_OUT_H
#define ACTENT_INFOPLANE_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "infoplane.h"

/* one (layer, epoch, method, parameter) */
struct actent_ip_row {
    const char *layer;  /* the file */
    size_t epoch;       /* the index in an (E, N, d) stack; 0 for one (N, d) layer */
    const char *method; /* "width", ..., "kde" (both bounds: r upper, lower) */
    double param;       /* width, bins or noise_var, as the method takes */
    const char *estimator;
    size_t n, d;
    struct actent_ip_result r, lower;
};

struct actent_ip_run {
    const char *command, *table;
    size_t shuffles, bootstrap;
    uint32_t seed;
    const struct actent_ip_row *rows;
    size_t nrows;
};

void actent_ip_write_table(FILE *f, const struct actent_ip_run *run);
void actent_ip_write_json(FILE *f, const struct actent_ip_run *run);

#endif
