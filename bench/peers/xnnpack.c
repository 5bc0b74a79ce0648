/* xnnpack.c - XNNPACK's elementwise operators as a peer: sigmoid, elu,
 * leaky_relu (slope 0.2), relu and relu6 (clamp), linear (copy), hardswish.
 * XNNPACK has no tanh, softsign, softplus, hard_sigmoid, selu, gelu,
 * gelu_tanh, silu or mish operator in the Debian release this targets. One operator per bound
 * buffer, created and set up at bind time; run executes it with no thread pool, so on the calling
 * thread only. XNNPACK picks its own microkernels for the CPU at init. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <xnnpack.h>

#include "peers.h"

static int xnn_init(char *why, size_t len)
{
    enum xnn_status s = xnn_initialize(NULL);
    if (s != xnn_status_success) {
        snprintf(why, len, "xnn_initialize failed (status %d)", (int)s);
        return -1;
    }
    return 0;
}

static void xnn_describe(char *buf, size_t len)
{
    snprintf(buf, len,
             "XNNPACK %s; microkernels chosen by XNNPACK for this CPU at run time; "
             "operators run with no thread pool (one thread)",
             ACTENT_XNNPACK_VERSION);
}

static bool xnn_has(enum act_op op)
{
    switch (op) {
    case ACT_SIGMOID:
    case ACT_ELU:
    case ACT_LEAKY_RELU:
    case ACT_RELU:
    case ACT_RELU6:
    case ACT_LINEAR:
    case ACT_HARDSWISH:
        return true;
    default:
        return false;
    }
}

static enum xnn_status create(enum act_op op, xnn_operator_t *o)
{
    switch (op) {
    case ACT_SIGMOID:
        return xnn_create_sigmoid_nc_f32(1, 1, 1, 0, o);
    case ACT_ELU:
        return xnn_create_elu_nc_f32(1, 1, 1, 1.0f, 0, o);
    case ACT_LEAKY_RELU:
        return xnn_create_leaky_relu_nc_f32(1, 1, 1, 0.2f, 0, o);
    case ACT_RELU:
        return xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, INFINITY, 0, o);
    case ACT_RELU6:
        return xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, 6.0f, 0, o);
    case ACT_LINEAR:
        return xnn_create_copy_nc_x32(1, 1, 1, 0, o);
    case ACT_HARDSWISH:
        return xnn_create_hardswish_nc_f32(1, 1, 1, 0, o);
    default:
        return xnn_status_unsupported_parameter;
    }
}

static enum xnn_status setup(enum act_op op, xnn_operator_t o, const float *x, float *y, size_t n)
{
    switch (op) {
    case ACT_SIGMOID:
        return xnn_setup_sigmoid_nc_f32(o, n, x, y, NULL);
    case ACT_ELU:
        return xnn_setup_elu_nc_f32(o, n, x, y, NULL);
    case ACT_LEAKY_RELU:
        return xnn_setup_leaky_relu_nc_f32(o, n, x, y, NULL);
    case ACT_RELU:
    case ACT_RELU6:
        return xnn_setup_clamp_nc_f32(o, n, x, y, NULL);
    case ACT_LINEAR:
        return xnn_setup_copy_nc_x32(o, n, x, y, NULL);
    case ACT_HARDSWISH:
        return xnn_setup_hardswish_nc_f32(o, n, x, y, NULL);
    default:
        return xnn_status_unsupported_parameter;
    }
}

static void *xnn_bind(enum act_op op, const float *x, float *y, size_t n, char *why, size_t len)
{
    xnn_operator_t o = NULL;
    enum xnn_status s = create(op, &o);
    if (s == xnn_status_success)
        s = setup(op, o, x, y, n);
    if (s != xnn_status_success) {
        snprintf(why, len, "XNNPACK %s operator: status %d", act_name(op), (int)s);
        if (o)
            xnn_delete_operator(o);
        return NULL;
    }
    return o;
}

static void xnn_run(void *h) { xnn_run_operator(h, NULL); }

static void xnn_unbind(void *h) { xnn_delete_operator(h); }

const struct bench_lib bench_lib_xnnpack = {
    .name = "xnnpack",
    .init = xnn_init,
    .describe = xnn_describe,
    .has = xnn_has,
    .bind = xnn_bind,
    .run = xnn_run,
    .unbind = xnn_unbind,
};
