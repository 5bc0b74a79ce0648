/* act_list.h - the activations, once, in the notebook's order, then the
 * activations networks use today (appended, so the notebook's stream is unchanged).
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
    X(LINEAR, linear, 1)                                                                           \
    X(GELU, gelu, 0)                                                                               \
    X(GELU_TANH, gelu_tanh, 0)                                                                     \
    X(SILU, silu, 0)                                                                               \
    X(MISH, mish, 0)                                                                               \
    X(HARDSWISH, hardswish, 1)

/* The activations that are not monotonic: each falls to one interior minimum
 * and rises after it, so on an input range [lo, hi] containing the minimiser
 * x* the output's minimum is f(x*), not f(lo) or f(hi) (the maximum stays at
 * an end). M(ENUM, x*): x* is the float32 nearest the exact minimiser of the
 * definition (scipy.optimize on the double formulas; hardswish's is -1.5
 * exactly). src/pipeline.c adds f(x*) to its predicted range. Data, not math:
 * the kernels never read it. */
#define ACT_INTERIOR_MIN(M)                                                                        \
    M(GELU, -0x1.80ead2p-1f)                                                                       \
    M(GELU_TANH, -0x1.8142ap-1f)                                                                   \
    M(SILU, -0x1.474974p+0f)                                                                       \
    M(MISH, -0x1.31432cp+0f)                                                                       \
    M(HARDSWISH, -0x1.8p+0f)

#endif
