/* table_avx2.c - the AVX2+FMA table: 8 lanes. Piecewise-linear ops are
 * bit-identical to scalar; each transcendental op declares its measured bound
 * (see its file's header and `actent verify --exhaustive`). */
#include "../cpu.h"
#include "ops_avx2.h"

/* every slot from the one list: act_<op>_avx2, act_<op>_hist_avx2 */
#define ACT_SLOT(E, name, exact) [ACT_##E] = act_##name##_avx2,
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = act_##name##_hist_avx2,
#define ACT_BOUND_SLOT(E, name, exact) [ACT_##E] = &act_##name##_avx2_bound,

const struct act_kernels act_table_avx2 = {
    .name = "avx2",
    .detail = "AVX2+FMA, 8 lanes",
    .cpu_ok = act_cpu_avx2_fma,
    .activate = {ACT_LIST(ACT_SLOT)},
    .activate_hist = {ACT_LIST(ACT_HIST_SLOT)},
    .bound = {ACT_LIST(ACT_BOUND_SLOT)},
    .minmax = act_minmax_avx2,
    .minmax_turn = act_minmax_turn_avx2,
    .hist_edges = act_hist_edges_avx2,
    .hist_uniform = act_hist_uniform_avx2,
    .kde_rows = act_kde_rows_avx2,
    .widen = {[ACT_F16] = act_widen_f16_avx2,
              [ACT_BF16] = act_widen_bf16_avx2,
              [ACT_F64] = act_widen_f64_avx2},
    .quant_width = act_quant_width_avx2,
    .quant_edges = act_quant_edges_avx2,
    .kde_dist = act_kde_dist_avx2,
    .kde_tile = act_kde_tile_avx2,
    .kde_bound = ACT_KDE_BOUND, /* tests/test_kde.c measures it */
};
