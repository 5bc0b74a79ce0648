/* table_neon_sleef.c - the neon-sleef table: the transcendental activations
 * on SLEEF 3.5's AdvSIMD vector functions (u10: at most 1 ulp from the true
 * value), through the same loops as the NEON table (kernels/neon/loop_neon.h),
 * with the steps of kernels/avx2_sleef/. It runs where the NEON table runs.
 *
 * Like avx2_sleef/ this folder holds only the files SLEEF changes: relu,
 * relu6, leaky_relu, linear and hard_sigmoid must be bit-identical on every
 * table and need no math library, and min/max and the histograms do not
 * depend on the activation, so those slots point at the NEON table's
 * functions (kernels/neon/ops_neon.h). softsign needs only a division; it is
 * here in its plain float32 form, the one a first version would use.
 *
 * Bounds (ACT_BOUND in each file): the largest distance from the scalar
 * reference measured under qemu on every 61st float32 bit pattern (SLEEF
 * 3.5.1, Debian 12's arm64 package): the bounds the AVX2 functions reach over
 * all 2^32 inputs. gelu, gelu_tanh, silu and mish are computed in double on
 * SLEEF's double-precision functions (f64_neon_sleef.h), as avx2-sleef's are:
 * the scalar reference's formulas, so the same bits as avx2-sleef's
 * (`cross_isa` compares the digests). */
#include "../cpu.h"
#include "../neon/ops_neon.h"
#include "ops_neon_sleef.h"

/* every slot from the one list: exact ops (exact = 1) take the neon table's
 * function, the others this folder's act_<op>_neon_sleef */
#define PICK_1(name, suffix) act_##name##suffix##_neon
#define PICK_0(name, suffix) act_##name##suffix##_neon_sleef
#define ACT_SLOT(E, name, exact) [ACT_##E] = PICK_##exact(name, ),
#define ACT_HIST_SLOT(E, name, exact) [ACT_##E] = PICK_##exact(name, _hist),
#define BOUND_1(name) &act_##name##_neon_bound
#define BOUND_0(name) &act_##name##_neon_sleef_bound
#define ACT_BOUND_SLOT(E, name, exact) [ACT_##E] = BOUND_##exact(name),

const struct act_kernels act_table_neon_sleef = {
    .name = "neon-sleef",
    .detail = "AArch64 Advanced SIMD, 4 lanes, SLEEF 3.5 u10 vector functions",
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

/* The peer "sleef-u35": SLEEF's faster 3.5-ulp functions where it has them
 * (tanh only: SLEEF 3.5 has no u35 exp, expm1 or log1p). Benchmarked and
 * measured, never dispatched. */
const struct act_peer act_peer_sleef_u35_neon = {
    .name = "sleef-u35",
    .isa = "neon",
    .cpu_ok = act_cpu_neon,
    .activate = {[ACT_TANH] = act_tanh_neon_sleef_u35},
};
