/* table_avx512.c - the AVX-512 table: 16 lanes, tails through mask registers.
 * Every kernel repeats the AVX2 kernel's steps operation for operation (same
 * constants, same order, same roundings), so it gives the AVX2 table's bits
 * and declares the AVX2 table's measured bounds; the exhaustive verify in
 * results/<machine>/verify-avx512.json checks both. */
#include "../cpu.h"
#include "ops_avx512.h"

/* every slot from the one list: act_<op>_avx512, act_<op>_hist_avx512 */
#define ACT_SLOT(E, name, exact) [ACT_##E] = act_##name##_avx512,
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = act_##name##_hist_avx512,
#define ACT_BOUND_SLOT(E, name, exact) [ACT_##E] = &act_##name##_avx512_bound,

const struct act_kernels act_table_avx512 = {
    .name = "avx512",
    .detail = "AVX-512 F/BW/VL/DQ+FMA, 16 lanes, mask-register tails, vpternlogd counting",
    .cpu_ok = act_cpu_avx512,
    .activate = {ACT_LIST(ACT_SLOT)},
    .activate_hist = {ACT_LIST(ACT_HIST_SLOT)},
    .bound = {ACT_LIST(ACT_BOUND_SLOT)},
    .minmax = act_minmax_avx512,
    .minmax_turn = act_minmax_turn_avx512,
    .hist_edges = act_hist_edges_avx512,
    .hist_uniform = act_hist_uniform_avx512,
    .kde_rows = act_kde_rows_avx512,
    .widen = {[ACT_F16] = act_widen_f16_avx512,
              [ACT_BF16] = act_widen_bf16_avx512,
              [ACT_F64] = act_widen_f64_avx512},
    .quant_width = act_quant_width_avx512,
    .quant_edges = act_quant_edges_avx512,
    .kde_dist = act_kde_dist_avx512,
    .kde_tile = act_kde_tile_avx512,
    .kde_bound = ACT_KDE_BOUND, /* tests/test_kde.c measures it */
};
