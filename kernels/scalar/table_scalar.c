/* table_scalar.c - the reference table: plain C, runs on every CPU.
 * Its max_ulp entries are 0 by definition: it is what the others are measured against. */
#include "ops_scalar.h"
#include "../cpu.h"

#define ACT_SLOT(E, name, exact) [ACT_##E] = act_##name##_scalar,
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = act_##name##_hist_scalar,

const struct act_kernels act_table_scalar = {
    .name = "scalar",
    .detail = "portable C; transcendental ops in double, rounded once",
    .cpu_ok = act_cpu_any,
    .activate = {ACT_LIST(ACT_SLOT)},
    .activate_hist = {ACT_LIST(ACT_HIST_SLOT)},
    .max_ulp = {0},
    .minmax = act_minmax_scalar,
    .hist_edges = act_hist_edges_scalar,
    .hist_uniform = act_hist_uniform_scalar,
    .kde_rows = act_kde_rows_scalar,
    .kde_bound = 0,
};
