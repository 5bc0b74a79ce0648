/* table_neon.c - the NEON (Advanced SIMD) table: 4 lanes, baseline AArch64.
 * Piecewise-linear ops are bit-identical to scalar; the transcendental ops
 * repeat the AVX2 table's steps, give its bits and declare its bounds. */
#include "../cpu.h"
#include "ops_neon.h"

/* every slot from the one list: act_<op>_neon, act_<op>_hist_neon */
#define ACT_SLOT(E, name, exact) [ACT_##E] = act_##name##_neon,
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = act_##name##_hist_neon,
#define ACT_BOUND_SLOT(E, name, exact) [ACT_##E] = &act_##name##_neon_bound,

const struct act_kernels act_table_neon = {
    .name = "neon",
    .detail = "AArch64 Advanced SIMD, 4 lanes",
    .cpu_ok = act_cpu_neon,
    .activate = {ACT_LIST(ACT_SLOT)},
    .activate_hist = {ACT_LIST(ACT_HIST_SLOT)},
    .bound = {ACT_LIST(ACT_BOUND_SLOT)},
    .minmax = act_minmax_neon,
    .minmax_turn = act_minmax_turn_neon,
    .hist_edges = act_hist_edges_neon,
    .hist_uniform = act_hist_uniform_neon,
    .kde_rows = act_kde_rows_neon,
    .widen = {[ACT_F16] = act_widen_f16_neon,
              [ACT_BF16] = act_widen_bf16_neon,
              [ACT_F64] = act_widen_f64_neon},
    .quant_width = act_quant_width_neon,
    .quant_edges = act_quant_edges_neon,
    .kde_dist = act_kde_dist_neon,
    .kde_tile = act_kde_tile_neon,
    .kde_bound = ACT_KDE_BOUND, /* tests/test_kde.c measures it */
};
