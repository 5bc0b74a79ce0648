/* table_avx2.c - the AVX2+FMA table: 8 lanes. Piecewise-linear ops are
 * bit-identical to scalar; each transcendental op declares its measured bound
 * (see its file's header and `actent verify --exhaustive`). */
#include "../cpu.h"
#include "ops_avx2.h"

const struct act_kernels act_table_avx2 = {
    .name = "avx2",
    .detail = "AVX2+FMA, 8 lanes",
    .cpu_ok = act_cpu_avx2_fma,
    .activate =
        {
            [ACT_SIGMOID] = act_sigmoid_avx2,
            [ACT_TANH] = act_tanh_avx2,
            [ACT_RELU] = act_relu_avx2,
            [ACT_SOFTSIGN] = act_softsign_avx2,
            [ACT_SOFTPLUS] = act_softplus_avx2,
            [ACT_HARD_SIGMOID] = act_hard_sigmoid_avx2,
            [ACT_SELU] = act_selu_avx2,
            [ACT_RELU6] = act_relu6_avx2,
            [ACT_ELU] = act_elu_avx2,
            [ACT_LEAKY_RELU] = act_leaky_relu_avx2,
            [ACT_LINEAR] = act_linear_avx2,
        },
    .activate_hist =
        {
            [ACT_SIGMOID] = act_sigmoid_hist_avx2,
            [ACT_TANH] = act_tanh_hist_avx2,
            [ACT_RELU] = act_relu_hist_avx2,
            [ACT_SOFTSIGN] = act_softsign_hist_avx2,
            [ACT_SOFTPLUS] = act_softplus_hist_avx2,
            [ACT_HARD_SIGMOID] = act_hard_sigmoid_hist_avx2,
            [ACT_SELU] = act_selu_hist_avx2,
            [ACT_RELU6] = act_relu6_hist_avx2,
            [ACT_ELU] = act_elu_hist_avx2,
            [ACT_LEAKY_RELU] = act_leaky_relu_hist_avx2,
            [ACT_LINEAR] = act_linear_hist_avx2,
        },
    .max_ulp =
        {
            [ACT_SIGMOID] = 2,
            [ACT_TANH] = 2,
            [ACT_SOFTSIGN] = 1,
            [ACT_SOFTPLUS] = 2,
            [ACT_SELU] = 2,
            [ACT_ELU] = 1,
        },
    .minmax = act_minmax_avx2,
    .hist_edges = act_hist_edges_avx2,
    .hist_uniform = act_hist_uniform_avx2,
};
