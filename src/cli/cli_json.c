/* cli_json.c - the --json file of a command (cli_json.h). */
#include "cli_json.h"

#include <string.h>

int actent_cli_json_open(struct actent_cli_json *o, const char *path)
{
    char err[1024];
    memset(o, 0, sizeof *o);
    if (!path)
        return 0;
    if (actent_out_open(&o->out, path, err, sizeof err) != 0) {
        fprintf(stderr, "actent: --json: %s\n", err);
        return 1;
    }
    o->on = true;
    json_init(&o->j, o->out.f);
    return 0;
}

FILE *actent_cli_json_report(const struct actent_cli_json *o)
{
    return o->on && o->out.to_stdout ? stderr : stdout;
}

struct json *actent_cli_json_writer(struct actent_cli_json *o) { return o->on ? &o->j : NULL; }

void actent_cli_json_abort(struct actent_cli_json *o)
{
    if (o->on)
        actent_out_abort(&o->out);
    o->on = false;
}

int actent_cli_json_commit(struct actent_cli_json *o)
{
    char err[1024];
    if (!o->on)
        return 0;
    o->on = false;
    if (actent_out_commit(&o->out, err, sizeof err) != 0) {
        fprintf(stderr, "actent: --json: %s\n", err);
        return 1;
    }
    return 0;
}
