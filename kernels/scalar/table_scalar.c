/* table_scalar.c - the reference table: plain C, runs on every CPU. Its
 * bounds are 0 by definition: it is what the others are measured against.
 * Also every activation's definition (act_defs), from the one list: an
 * activation without act_<op>_def in its scalar file does not link. */
#include "ops_scalar.h"
#include "../cpu.h"

#define ACT_SLOT(E, name, exact) [ACT_##E] = act_##name##_scalar,
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = act_##name##_hist_scalar,
#define ACT_BOUND_SLOT(E, name, exact) [ACT_##E] = &act_bound_exact,
#define ACT_DEF_SLOT(E, name, exact) [ACT_##E] = &act_##name##_def,

const struct act_def *const act_defs[ACT_COUNT] = {ACT_LIST(ACT_DEF_SLOT)};

const struct act_bound act_bound_exact = {.ulp = 0, .worst = 0.0f};

const struct act_kernels act_table_scalar = {
    .name = "scalar",
    .detail = "portable C; transcendental ops in double, rounded once",
    .cpu_ok = act_cpu_any,
    .activate = {ACT_LIST(ACT_SLOT)},
    .activate_hist = {ACT_LIST(ACT_HIST_SLOT)},
    .bound = {ACT_LIST(ACT_BOUND_SLOT)},
    .minmax = act_minmax_scalar,
    .minmax_turn = act_minmax_turn_scalar,
    .hist_edges = act_hist_edges_scalar,
    .hist_uniform = act_hist_uniform_scalar,
    .kde_rows = act_kde_rows_scalar,
    .widen = {[ACT_F16] = act_widen_f16_scalar,
              [ACT_BF16] = act_widen_bf16_scalar,
              [ACT_F64] = act_widen_f64_scalar},
    .quant_width = act_quant_width_scalar,
    .quant_edges = act_quant_edges_scalar,
    .kde_dist = act_kde_dist_scalar,
    .kde_tile = act_kde_tile_scalar,
    .kde_bound = 0,
};
