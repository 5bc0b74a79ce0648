/* libm.c - activations in plain C with libm's float functions, one value at a
 * time: what a program without any vector library computes. Built with the
 * project's flags (no -ffast-math, no ISA flags), so the compiler may not
 * vectorise the calls. The piecewise-linear ops have nothing to take from
 * libm and repeat the reference's float32 steps. */
#include <math.h>

#include "../../kernels/cpu.h"
#include "peers.h"

#define SELU_SCALE 1.0507009873554805f
#define SELU_ALPHA 1.6732632423543772f

static float sigmoid1(float x) { return 1.0f / (1.0f + expf(-x)); }
static float softsign1(float x) { return x / (1.0f + fabsf(x)); }
static float softplus1(float x) { return fmaxf(x, 0.0f) + log1pf(expf(-fabsf(x))); }
static float selu1(float x)
{
    return x > 0.0f ? SELU_SCALE * x : SELU_SCALE * (SELU_ALPHA * expm1f(x));
}
static float elu1(float x) { return x > 0.0f ? x : expm1f(x); }
static float relu1(float x) { return x > 0.0f ? x : 0.0f; }
static float relu6_1(float x) { return x > 0.0f ? (x < 6.0f ? x : 6.0f) : 0.0f; }
static float leaky1(float x) { return x > 0.0f ? x : 0.2f * x; }
static float hard_sigmoid1(float x) { return x < -2.5f ? 0.0f : x > 2.5f ? 1.0f : 0.2f * x + 0.5f; }

#define LIBM_ARRAY(fn, one)                                                                        \
    static void fn(const float *x, float *y, size_t n)                                             \
    {                                                                                              \
        for (size_t i = 0; i < n; i++)                                                             \
            y[i] = one(x[i]);                                                                      \
    }

LIBM_ARRAY(sigmoid_libm, sigmoid1)
LIBM_ARRAY(tanh_libm, tanhf)
LIBM_ARRAY(softsign_libm, softsign1)
LIBM_ARRAY(softplus_libm, softplus1)
LIBM_ARRAY(selu_libm, selu1)
LIBM_ARRAY(elu_libm, elu1)
LIBM_ARRAY(relu_libm, relu1)
LIBM_ARRAY(relu6_libm, relu6_1)
LIBM_ARRAY(leaky_relu_libm, leaky1)
LIBM_ARRAY(hard_sigmoid_libm, hard_sigmoid1)

static void linear_libm(const float *x, float *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = x[i];
}

const struct act_peer bench_peer_libm = {
    .name = "libm",
    .isa = "baseline C, one value at a time, glibc libm float functions",
    .cpu_ok = act_cpu_any,
    .activate =
        {
            [ACT_SIGMOID] = sigmoid_libm,
            [ACT_TANH] = tanh_libm,
            [ACT_RELU] = relu_libm,
            [ACT_SOFTSIGN] = softsign_libm,
            [ACT_SOFTPLUS] = softplus_libm,
            [ACT_HARD_SIGMOID] = hard_sigmoid_libm,
            [ACT_SELU] = selu_libm,
            [ACT_RELU6] = relu6_libm,
            [ACT_ELU] = elu_libm,
            [ACT_LEAKY_RELU] = leaky_relu_libm,
            [ACT_LINEAR] = linear_libm,
        },
};
