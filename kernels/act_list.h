/* act_list.h - the activations, once, in the notebook's order.
 *
 * X(ENUM, name, exact): exact = 1 means every kernel table must return the
 * scalar reference's bits (piecewise-linear ops repeating numpy's float32
 * steps); exact = 0 means a table declares a max ULP error instead.
 *
 * The order is the notebook's and drives the copy-neighbour transform's
 * random stream: do not sort. The list generates bookkeeping (enum, names,
 * test cases, benchmark registrations), never math. */
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
    X(LINEAR, linear, 1)

#endif
