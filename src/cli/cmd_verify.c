/* cmd_verify.c - actent verify: every table (or the one --isa names) against
 * the scalar reference, the table to standard output, --json to a file
 * replaced only when the run completes. */
#include "cmd_verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispatch.h"
#include "cli_json.h"
#include "verify_out.h"

int actent_cmd_verify(struct actent_cli *c)
{
    char err[1024];
    const struct act_kernels *one;
    const char *env = getenv("ACTENT_ISA");
    const char *want = c->isa ? c->isa : env && *env ? env : NULL;
    bool all = want == NULL || strcmp(want, "auto") == 0;
    if (!all && actent_cli_table(c->isa, &one, err, sizeof err) != 0) {
        fprintf(stderr, "actent: %s\n", err);
        return 2;
    }
    struct actent_cli_json out;
    if (actent_cli_json_open(&out, c->json) != 0)
        return 1;
    c->ver.progress = stderr;
    c->ver.progress_bar = isatty(STDERR_FILENO);
    struct actent_verify r;
    int rc = all ? actent_verify_run(act_tables, act_ntables, act_peers, act_npeers, &c->ver, &r,
                                     err, sizeof err)
                 : actent_verify_run(&one, 1, NULL, 0, &c->ver, &r, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "actent: verify: %s\n", err);
        actent_cli_json_abort(&out);
        actent_verify_free(&r);
        return 1;
    }
    actent_verify_print(actent_cli_json_report(&out), &r);
    for (size_t i = 0; i < r.nmsgs; i++)
        fprintf(stderr, "actent: verify: %s\n", r.msgs[i]);
    rc = r.violations ? 1 : 0;
    struct json *j = actent_cli_json_writer(&out);
    if (j) {
        actent_verify_json(j, &r);
        fputc('\n', out.out.f);
        if (actent_cli_json_commit(&out) != 0)
            rc = 1;
    }
    actent_verify_free(&r);
    return rc;
}
