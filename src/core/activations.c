/* activations.c - a list of activations as the CLI, the API and the module
 * take it: names (kernels/act_list.h) and the sets all, notebook and modern,
 * in any mix, each activation named once. */
#include "activations.h"

#include <stdio.h>
#include <string.h>

#include "errmsg.h"
#include "kernels.h"

/* the named sets a list accepts, alone or among names: [*from, *to) */
static bool activation_set(const char *name, int *from, int *to)
{
    if (strcmp(name, "all") == 0)
        *from = 0, *to = ACT_COUNT;
    else if (strcmp(name, "notebook") == 0)
        *from = 0, *to = ACT_NOTEBOOK_COUNT;
    else if (strcmp(name, "modern") == 0)
        *from = ACT_NOTEBOOK_COUNT, *to = ACT_COUNT;
    else
        return false;
    return true;
}

int actent_activations_parse(const char *s, bool *use, char *err, size_t len)
{
    /* which item of the list named each activation, so a repeat names both */
    char by[ACT_COUNT][64] = {{0}};
    const char *p = s;
    for (;;) {
        size_t n = strcspn(p, ",");
        char name[64];
        if (n == 0 || n >= sizeof name)
            goto unknown;
        memcpy(name, p, n);
        name[n] = '\0';
        int from, to;
        enum act_op op = act_from_name(name);
        if (op != ACT_COUNT)
            from = (int)op, to = (int)op + 1;
        else if (!activation_set(name, &from, &to))
            goto unknown;
        for (int i = from; i < to; i++) {
            if (by[i][0] && strcmp(by[i], name) == 0)
                return actent_fail(err, len, "the list names '%s' twice", name);
            if (by[i][0])
                return actent_fail(err, len,
                                   "the list names '%s' twice ('%s' and '%s' both hold it)",
                                   act_name((enum act_op)i), by[i], name);
            snprintf(by[i], sizeof by[i], "%s", name);
        }
        if (p[n] == '\0')
            break;
        p += n + 1;
        continue;
    unknown:;
        char valid[512] = "";
        size_t used = 0;
        for (int i = 0; i < ACT_COUNT && used < sizeof valid; i++)
            used += (size_t)snprintf(valid + used, sizeof valid - used, "%s%s", i ? ", " : "",
                                     act_name((enum act_op)i));
        return actent_fail(err, len,
                           "unknown activation '%.*s' (valid: %s, or the sets all, notebook, "
                           "modern)",
                           (int)(n < 64 ? n : 64), p, valid);
    }
    for (int i = 0; i < ACT_COUNT; i++)
        use[i] = by[i][0] != '\0';
    return 0;
}
