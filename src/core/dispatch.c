/* dispatch.c - walks the registry best first; names no ISA. */
#include "dispatch.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "errmsg.h"

void actent_table_names(char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < act_ntables && used < len; i++)
        used +=
            (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", act_tables[i]->name);
}

int actent_select(const char *want, const struct act_kernels **out, char *why, size_t len)
{
    bool any = want == NULL || strcmp(want, "auto") == 0;
    for (size_t i = 0; i < act_ntables; i++) {
        const struct act_kernels *k = act_tables[i];
        if (!any && strcmp(k->name, want) != 0)
            continue;
        if (k->cpu_ok()) {
            *out = k;
            return 0;
        }
        if (!any)
            return actent_fail(why, len, "ISA '%s' is built in, but this CPU cannot run it", want);
    }
    char names[256];
    actent_table_names(names, sizeof names);
    if (any)
        return actent_fail(why, len, "no built-in table runs on this CPU (this build has: %s)",
                           names);
    return actent_fail(why, len, "unknown ISA '%s' (this build has: %s, or auto)", want, names);
}
