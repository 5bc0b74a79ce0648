/* main.c - the actent command: parse, dispatch, run, report. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_experiment.h"
#include "cmd_infoplane.h"
#include "cmd_isa.h"
#include "cmd_verify.h"
#include "machine.h"
#include "actent.h"

#define ERR_LEN 1024

/* argv joined with spaces, for the record in result files */
static void command_line(int argc, char **argv, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < argc && used < len; i++) {
        const char *a = i == 0 ? "actent" : argv[i];
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? " " : "", a);
    }
}

/* What a command printed must have reached standard output: a full disk or
 * a closed pipe is a failure, not a silent success. */
static int flushed(int rc)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    fprintf(stderr, "actent: cannot write to standard output: %s\n", strerror(errno));
    return rc ? rc : 1;
}

static int run_main(int argc, char **argv);

int main(int argc, char **argv) { return flushed(run_main(argc, argv)); }

static int run_main(int argc, char **argv)
{
    struct actent_cli c;
    char err[ERR_LEN], usage[4096];
    if (actent_cli_parse(argc, argv, &c, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    char command[2048];
    command_line(argc, argv, command, sizeof command);
    c.exp.command = command;
    switch (c.cmd) {
    case ACTENT_CMD_EXPERIMENT:
        return actent_cmd_experiment(&c);
    case ACTENT_CMD_ISA:
        return actent_cmd_isa(&c);
    case ACTENT_CMD_VERIFY:
        return actent_cmd_verify(&c);
    case ACTENT_CMD_INFOPLANE:
        return actent_cmd_infoplane(argc, argv, command);
    case ACTENT_CMD_MACHINE:
        actent_machine_id(usage, sizeof usage);
        printf("%s\n", usage);
        return 0;
    case ACTENT_CMD_VERSION:
        printf("actent %s\n", actent_version());
        return 0;
    case ACTENT_CMD_HELP:
        actent_cli_usage(c.help_topic, usage, sizeof usage);
        fputs(usage, stdout);
        return 0;
    }
    return 0;
}
