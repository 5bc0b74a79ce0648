/* act_list.h - the activations, once, in the notebook's order, then the
 * activations networks use today (appended, so the notebook's stream is unchanged).
 *
 * X(ENUM, name, exact): exact = 1 means every kernel table must return the
 * scalar reference's bits (piecewise-linear ops repeating numpy's float32
 * steps); exact = 0 means a table declares a max ULP error instead.
 *
 * The order is the notebook's and drives the copy-neighbour transform's
 * random stream: do not sort. The list generates bookkeeping (enum, names,
 * test cases, benchmark registrations, the tables' slots), never math: each
 * activation's math is defined once, in double, in its scalar file
 * (struct act_def in kernels.h), and each kernel file declares its own bound
 * (struct act_bound). */
#ifndef ACT_LIST_H
#define ACT_LIST_H

#define ACT_LIST(X)                                                                                \
    X(SIGMOID, sigmoid, 0)                                                                         \
    X(TANH, tanh, 0)                                                                               \
    X(RELU, relu, 1)                                                                               \
    X(SOFTSIGN, softsign, 0)                                                                       \
    X(SOFTPLUS, softplus, 0)                                                                       \
    X(HARD_SIGMOID, hard_sigmoid, 1)                                                               \
    X(SELU, selu, 0)                                                                               \
    X(RELU6, relu6, 1)                                                                             \
    X(ELU, elu, 0)                                                                                 \
    X(LEAKY_RELU, leaky_relu, 1)                                                                   \
    X(LINEAR, linear, 1)                                                                           \
    X(GELU, gelu, 0)                                                                               \
    X(GELU_TANH, gelu_tanh, 0)                                                                     \
    X(SILU, silu, 0)                                                                               \
    X(MISH, mish, 0)                                                                               \
    X(HARDSWISH, hardswish, 1)                                                                     \
    X(HARDSIGMOID, hardsigmoid, 1)

#endif
