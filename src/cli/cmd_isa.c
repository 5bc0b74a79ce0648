/* cmd_isa.c - actent isa: the CPU's features, every table and peer built in,
 * whether each runs here (and what it lacks), and the table dispatch picks. */
#include "cmd_isa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu.h"
#include "dispatch.h"
#include "machine.h"

int actent_cmd_isa(const struct actent_cli *c)
{
    char model[256], features[256], why[1024];
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
