/* main.c - the actent command: parse, dispatch, run, report. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_experiment.h"
#include "cpu.h"
#include "dispatch.h"
#include "machine.h"
#include "outfile.h"
#include "verify_out.h"
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

static int cmd_verify(struct actent_cli *c)
{
    char err[ERR_LEN];
    const struct act_kernels *one;
    const char *env = getenv("ACTENT_ISA");
    const char *want = c->isa ? c->isa : env && *env ? env : NULL;
    bool all = want == NULL || strcmp(want, "auto") == 0;
    if (!all && actent_cli_table(c->isa, &one, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    struct actent_out out = {0};
    if (c->json && actent_out_open(&out, c->json, err, sizeof err) != 0) {
        fprintf(stderr, "actent: --json: %s\n", err);
        return 1;
    }
    c->ver.progress = stderr;
    c->ver.progress_bar = isatty(STDERR_FILENO);
    struct actent_verify r;
    int rc = all ? actent_verify_run(act_tables, act_ntables, act_peers, act_npeers, &c->ver, &r,
                                     err, sizeof err)
                 : actent_verify_run(&one, 1, NULL, 0, &c->ver, &r, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "actent: verify: %s\n", err);
        if (c->json)
            actent_out_abort(&out);
        actent_verify_free(&r);
        return 1;
    }
    /* with --json -, standard output carries the JSON alone */
    actent_verify_print(c->json && out.to_stdout ? stderr : stdout, &r);
    for (size_t i = 0; i < r.nmsgs; i++)
        fprintf(stderr, "actent: verify: %s\n", r.msgs[i]);
    rc = r.violations ? 1 : 0;
    if (c->json) {
        struct json j;
        json_init(&j, out.f);
        actent_verify_json(&j, &r);
        fputc('\n', out.f);
        if (actent_out_commit(&out, err, sizeof err) != 0) {
            fprintf(stderr, "actent: --json: %s\n", err);
            rc = 1;
        }
    }
    actent_verify_free(&r);
    return rc;
}

static int cmd_isa(const struct actent_cli *c)
{
    char model[256], features[256], why[ERR_LEN];
    const struct act_kernels *pick;
    if (actent_cli_table(c->isa, &pick, why, sizeof why) != 0) {
        fprintf(stderr, "actent: %s\n", why);
        return 2;
    }
    actent_cpu_model(model, sizeof model);
    act_cpu_features(features, sizeof features);
    printf("cpu: %s\nfeatures: %s\n\ntables built in (best first):\n", model, features);
    int w = 0;
    for (size_t i = 0; i < act_ntables; i++)
        w = (int)strlen(act_tables[i]->name) > w ? (int)strlen(act_tables[i]->name) : w;
    for (size_t i = 0; i < act_npeers; i++)
        w = (int)strlen(act_peers[i]->name) > w ? (int)strlen(act_peers[i]->name) : w;
    for (size_t i = 0; i < act_ntables; i++) {
        const struct act_kernels *k = act_tables[i];
        printf("  %-*s  %-16s %s\n", w, k->name, k->cpu_ok() ? "runs here" : "cannot run here",
               k->detail);
        if (!k->cpu_ok()) {
            act_cpu_missing(k->cpu_ok, why, sizeof why);
            printf("  %-*s  %-16s missing: %s\n", w, "", "", why);
        }
    }
    if (act_npeers) {
        printf("\npeers (measured beside the tables, never dispatched):\n");
        for (size_t i = 0; i < act_npeers; i++)
            printf("  %-*s  %-16s %s\n", w, act_peers[i]->name,
                   act_peers[i]->cpu_ok() ? "runs here" : "cannot run here", act_peers[i]->isa);
    }
    const char *env = getenv("ACTENT_ISA");
    printf("\n%s picks: %s\n", c->isa ? c->isa : env && *env ? env : "auto", pick->name);
    return 0;
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
        return cmd_isa(&c);
    case ACTENT_CMD_VERIFY:
        return cmd_verify(&c);
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
