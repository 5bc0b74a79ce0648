/* table_avx2_sleef.c - the avx2-sleef table: what a careful engineer builds
 * first, the transcendental activations on SLEEF 3.5's AVX2 vector functions
 * (u10: at most 1 ulp from the true value), through the same loops as the
 * AVX2 table (kernels/avx2/loop_avx2.h). It runs where the AVX2 table runs.
 *
 * Unlike the other ISA folders this one holds only the files SLEEF changes:
 * relu, relu6, leaky_relu, linear and hard_sigmoid must be bit-identical on
 * every table and need no math library, and min/max and the histograms do
 * not depend on the activation, so those slots point at the AVX2 table's
 * functions (kernels/avx2/ops_avx2.h). softsign needs only a division; it is
 * here in its plain float32 form, the one a first version would use.
 *
 * gelu, gelu_tanh, silu and mish are computed in double on SLEEF's
 * double-precision functions (f64_avx2_sleef.h): on its float32 functions the
 * argument's rounding, magnified in the negative tails, cost up to 214 ulp,
 * and no table declares more than 2.
 *
 * Bounds (ACT_BOUND in each file): the largest distance from the scalar
 * reference over all 2^32 inputs, `actent verify --exhaustive` on SLEEF
 * 3.5.1 (Debian 12). */
#include "../avx2/ops_avx2.h"
#include "../cpu.h"
#include "ops_avx2_sleef.h"

/* every slot from the one list: exact ops (exact = 1) take the avx2 table's
 * function, the others this folder's act_<op>_avx2_sleef */
#define PICK_1(name, suffix) act_##name##suffix##_avx2
#define PICK_0(name, suffix) act_##name##suffix##_avx2_sleef
#define ACT_SLOT(E, name, exact) [ACT_##E] = PICK_##exact(name, ),
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = PICK_##exact(name, _hist),
#define BOUND_1(name) &act_##name##_avx2_bound
#define BOUND_0(name) &act_##name##_avx2_sleef_bound
#define ACT_BOUND_SLOT(E, name, exact) [ACT_##E] = BOUND_##exact(name),

const struct act_kernels act_table_avx2_sleef = {
    .name = "avx2-sleef",
    .detail = "AVX2+FMA, 8 lanes, SLEEF 3.5 u10 vector functions",
    .cpu_ok = act_cpu_avx2_fma, /* SLEEF's avx2 functions use FMA too */
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

/* The peer "sleef-u35": SLEEF's faster 3.5-ulp functions where it has them
 * (tanh only: SLEEF 3.5 has no u35 exp, expm1 or log1p). Benchmarked and
 * measured, never dispatched. */
const struct act_peer act_peer_sleef_u35 = {
    .name = "sleef-u35",
    .isa = "avx2",
    .cpu_ok = act_cpu_avx2_fma,
    .activate = {[ACT_TANH] = act_tanh_avx2_sleef_u35},
};
