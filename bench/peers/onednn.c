/* onednn.c - oneDNN eltwise primitives as a peer (forward inference, f32,
 * one dimension): sigmoid (logistic), tanh, relu, softplus (soft_relu),
 * elu (alpha 1), relu6 (bounded_relu 6), leaky_relu (relu with slope 0.2),
 * linear (1 * x + 0); selu as elu(alpha) then a linear post-op (scale), and
 * hard_sigmoid as linear(0.2, 0.5) then a clip post-op to [0, 1]; gelu
 * (gelu_erf), gelu_tanh, silu (swish, alpha 1: x * sigmoid(1 * x)), mish and
 * hardswish (oneDNN 2.6's takes no alpha or beta: x * relu6(x + 3) / 6).
 * softsign has no primitive. The library runs on OpenMP: the thread count is set to
 * one, so primitives run on the calling thread. Primitives are made at bind
 * time (oneDNN compiles each one for the CPU, or falls back to reference
 * code, as it does for post-ops: each row's label names the implementation
 * oneDNN chose); run executes and waits. */
#include <dnnl.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#include "peers.h"

static dnnl_engine_t engine;
static dnnl_stream_t stream;

static int dnnl_init(char *why, size_t len)
{
    omp_set_num_threads(1);
    if (dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success ||
        dnnl_stream_create(&stream, engine, dnnl_stream_default_flags) != dnnl_success) {
        snprintf(why, len, "cannot create a oneDNN CPU engine and stream");
        return -1;
    }
    return 0;
}

static const char *isa_name(dnnl_cpu_isa_t isa)
{
    switch (isa) {
    case dnnl_cpu_isa_sse41:
        return "SSE4.1";
    case dnnl_cpu_isa_avx:
        return "AVX";
    case dnnl_cpu_isa_avx2:
        return "AVX2";
    case dnnl_cpu_isa_avx2_vnni:
        return "AVX2-VNNI";
    case dnnl_cpu_isa_avx512_core:
        return "AVX-512 core";
    case dnnl_cpu_isa_avx512_core_vnni:
        return "AVX-512 core VNNI";
    case dnnl_cpu_isa_avx512_core_bf16:
        return "AVX-512 core BF16";
    case dnnl_cpu_isa_avx512_core_amx:
        return "AVX-512 core AMX";
    default:
        return "other";
    }
}

static void dnnl_describe(char *buf, size_t len)
{
    const dnnl_version_t *v = dnnl_version();
    snprintf(buf, len,
             "oneDNN %d.%d.%d; JIT code for %s (dnnl_get_effective_cpu_isa); "
             "OpenMP threads: %d",
             v->major, v->minor, v->patch, isa_name(dnnl_get_effective_cpu_isa()),
             omp_get_max_threads());
}

struct alg {
    dnnl_alg_kind_t kind;
    float alpha, beta;
    dnnl_alg_kind_t post; /* dnnl_alg_kind_undef: none */
    float post_alpha, post_beta;
};

static bool alg_of(enum act_op op, struct alg *a)
{
    static const struct alg algs[ACT_COUNT] = {
        [ACT_SIGMOID] = {dnnl_eltwise_logistic, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_TANH] = {dnnl_eltwise_tanh, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_RELU] = {dnnl_eltwise_relu, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_SOFTSIGN] = {dnnl_alg_kind_undef, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_SOFTPLUS] = {dnnl_eltwise_soft_relu, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_HARD_SIGMOID] = {dnnl_eltwise_linear, 0.2f, 0.5f, dnnl_eltwise_clip, 0.0f, 1.0f},
        [ACT_SELU] = {dnnl_eltwise_elu, 1.6732632423543772f, 0, dnnl_eltwise_linear,
                      1.0507009873554805f, 0},
        [ACT_RELU6] = {dnnl_eltwise_bounded_relu, 6.0f, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_ELU] = {dnnl_eltwise_elu, 1.0f, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_LEAKY_RELU] = {dnnl_eltwise_relu, 0.2f, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_LINEAR] = {dnnl_eltwise_linear, 1.0f, 0.0f, dnnl_alg_kind_undef, 0, 0},
        [ACT_GELU] = {dnnl_eltwise_gelu_erf, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_GELU_TANH] = {dnnl_eltwise_gelu_tanh, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_SILU] = {dnnl_eltwise_swish, 1.0f, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_MISH] = {dnnl_eltwise_mish, 0, 0, dnnl_alg_kind_undef, 0, 0},
        [ACT_HARDSWISH] = {dnnl_eltwise_hardswish, 0, 0, dnnl_alg_kind_undef, 0, 0},
    };
    if (op >= ACT_COUNT || algs[op].kind == dnnl_alg_kind_undef)
        return false;
    *a = algs[op];
    return true;
}

static bool dnnl_has(enum act_op op)
{
    struct alg a;
    return alg_of(op, &a);
}

struct bound {
    dnnl_primitive_t prim;
    dnnl_memory_t src, dst;
    char impl[64];
};

static void dnnl_unbind(void *h)
{
    struct bound *b = h;
    if (b->prim)
        dnnl_primitive_destroy(b->prim);
    if (b->src)
        dnnl_memory_destroy(b->src);
    if (b->dst)
        dnnl_memory_destroy(b->dst);
    free(b);
}

static dnnl_status_t make(const struct alg *a, size_t n, const float *x, float *y, struct bound *b)
{
    dnnl_memory_desc_t md;
    dnnl_eltwise_desc_t ed;
    /* 1 x n: with a post-op, oneDNN 2.6.3 picks its reference code, which on a
     * one-dimensional tensor returns success without writing anything */
    dnnl_dims_t dims = {1, (dnnl_dim_t)n};
    dnnl_primitive_attr_t attr = NULL;
    dnnl_post_ops_t po = NULL;
    dnnl_primitive_desc_t pd = NULL;
    dnnl_status_t s = dnnl_memory_desc_init_by_tag(&md, 2, dims, dnnl_f32, dnnl_ab);
    if (s == dnnl_success)
        s = dnnl_eltwise_forward_desc_init(&ed, dnnl_forward_inference, a->kind, &md, a->alpha,
                                           a->beta);
    if (s == dnnl_success && a->post != dnnl_alg_kind_undef) {
        s = dnnl_primitive_attr_create(&attr);
        if (s == dnnl_success)
            s = dnnl_post_ops_create(&po);
        if (s == dnnl_success)
            s = dnnl_post_ops_append_eltwise(po, 1.0f, a->post, a->post_alpha, a->post_beta);
        if (s == dnnl_success)
            s = dnnl_primitive_attr_set_post_ops(attr, po);
    }
    if (s == dnnl_success)
        s = dnnl_primitive_desc_create(&pd, &ed, attr, engine, NULL);
    if (s == dnnl_success) {
        const char *impl = NULL;
        dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
        snprintf(b->impl, sizeof b->impl, "oneDNN %s", impl ? impl : "?");
        s = dnnl_primitive_create(&b->prim, pd);
    }
    if (s == dnnl_success)
        s = dnnl_memory_create(&b->src, &md, engine, (void *)x);
    if (s == dnnl_success)
        s = dnnl_memory_create(&b->dst, &md, engine, y);
    if (pd)
        dnnl_primitive_desc_destroy(pd);
    if (po)
        dnnl_post_ops_destroy(po);
    if (attr)
        dnnl_primitive_attr_destroy(attr);
    return s;
}

static void *dnnl_bind(enum act_op op, const float *x, float *y, size_t n, char *why, size_t len)
{
    struct alg a;
    struct bound *b = calloc(1, sizeof *b);
    if (!b || !alg_of(op, &a)) {
        snprintf(why, len, "oneDNN: no primitive for %s", act_name(op));
        free(b);
        return NULL;
    }
    dnnl_status_t s = make(&a, n, x, y, b);
    if (s != dnnl_success) {
        snprintf(why, len, "oneDNN %s primitive: status %d", act_name(op), (int)s);
        dnnl_unbind(b);
        return NULL;
    }
    return b;
}

static void dnnl_run(void *h)
{
    struct bound *b = h;
    dnnl_exec_arg_t args[2] = {{DNNL_ARG_SRC, b->src}, {DNNL_ARG_DST, b->dst}};
    dnnl_primitive_execute(b->prim, stream, 2, args);
    dnnl_stream_wait(stream);
}

static const char *dnnl_impl(void *h) { return ((struct bound *)h)->impl; }

const struct bench_lib bench_lib_onednn = {
    .name = "onednn",
    .init = dnnl_init,
    .describe = dnnl_describe,
    .has = dnnl_has,
    .bind = dnnl_bind,
    .run = dnnl_run,
    .unbind = dnnl_unbind,
    .impl = dnnl_impl,
};
