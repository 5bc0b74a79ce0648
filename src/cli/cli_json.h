/* cli_json.h - the --json file of a command, written once for every command:
 * opened before any work (an unwritable path fails first), the JSON writer
 * over it, abandoned on failure (nothing replaced), committed at the end.
 * With --json -, standard output carries the JSON alone and the command's
 * report goes to standard error. */
#ifndef ACTENT_CLI_JSON_H
#define ACTENT_CLI_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "json.h"
#include "outfile.h"

struct actent_cli_json {
    bool on; /* --json was given */
    struct actent_out out;
    struct json j;
};

/* 0, or 1 after printing "actent: --json: <why>" (path NULL: no file, 0) */
int actent_cli_json_open(struct actent_cli_json *o, const char *path);
/* where the command's text report goes: standard error under --json - */
FILE *actent_cli_json_report(const struct actent_cli_json *o);
/* the writer, or NULL without --json */
struct json *actent_cli_json_writer(struct actent_cli_json *o);
/* the destination is left as it was */
void actent_cli_json_abort(struct actent_cli_json *o);
/* 0, or 1 after printing why the file could not be put in place */
int actent_cli_json_commit(struct actent_cli_json *o);

#endif
