/* cli.h - the command line, parsed into plain values; no I/O, so it can be
 * tested and fuzzed on its own. */
#ifndef ACTENT_CLI_H
#define ACTENT_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "experiment.h"
#include "grid.h"
#include "verify.h"

enum actent_cmd {
    ACTENT_CMD_HELP,
    ACTENT_CMD_VERSION,
    ACTENT_CMD_EXPERIMENT,
    ACTENT_CMD_ISA,
    ACTENT_CMD_MACHINE,
    ACTENT_CMD_VERIFY,
    ACTENT_CMD_INFOPLANE /* parsed by the command itself (cmd_infoplane.h) */
};

struct actent_cli {
    enum actent_cmd cmd;
    struct actent_experiment_opts exp; /* experiment options; exp.k is left for dispatch */
    struct actent_verify_opts ver;     /* verify options; progress is left for main */
    const char *isa;                   /* --isa NAME, or NULL */
    const char *json;                  /* --json FILE, or NULL */
    const char *help_topic;            /* command whose help was asked for, or NULL */
    struct actent_grid grid;           /* --input files and the --n, --sigma, --bins lists;
                                            exp.n, exp.sigma, exp.bins hold their first values */
    unsigned given;                    /* experiment options seen, for checks across options */
    size_t repeats;                    /* --repeats K: samples seeded seed..seed+K-1 [1] */
};

/* Parses argv (argv[0] is the program). 0 on success; -1 with a message
 * naming the bad argument in err. */
int actent_cli_parse(int argc, char *const *argv, struct actent_cli *c, char *err, size_t len);

/* The table to run: --isa if given, else $ACTENT_ISA if set and non-empty,
 * else the best this CPU runs. -1 with a message naming where the bad name
 * came from (the option or the environment variable). */
int actent_cli_table(const char *isa, const struct act_kernels **out, char *err, size_t len);

/* true when `actent help TOPIC` has something to say: a command's name */
bool actent_cli_help_topic(const char *topic);

/* The usage text for a command (NULL: the overview; other commands: the overview). */
void actent_cli_usage(const char *topic, char *buf, size_t len);

#endif
