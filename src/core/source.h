/* source.h - the values a pass reads: float32 in place, or float16, bfloat16
 * or float64 widened to float32 by the table a block at a time (kernels.h's
 * act_widen_fn), into a buffer on the stack that stays in L1, so no float32
 * copy of the input is ever made and the kernels see float32 as always. */
#ifndef ACTENT_SOURCE_H
#define ACTENT_SOURCE_H

#include <stddef.h>

#include "kernels.h"

/* values widened per block: 16 KiB of float32, a small part of any L1 the
 * tables run on, and long enough that a kernel call's fixed cost is noise */
#define ACTENT_SOURCE_BLOCK 4096

struct actent_src {
    const void *x;
    enum act_dtype type;
};

/* bytes per element of a type */
size_t actent_dtype_size(enum act_dtype type);

/* the float32 source x */
static inline struct actent_src actent_src_f32(const float *x)
{
    return (struct actent_src){.x = x, .type = ACT_F32};
}

typedef void (*actent_block_fn)(void *ctx, const float *x, size_t n);

/* fn(ctx, block, m) over elements [at, at + len) of s, in order: one call on
 * the memory itself for float32, else one per ACTENT_SOURCE_BLOCK values
 * widened by k. */
void actent_src_blocks(const struct act_kernels *k, const struct actent_src *s, size_t at,
                       size_t len, actent_block_fn fn, void *ctx);

/* element i of s as float32 (for messages naming one value) */
float actent_src_at(const struct act_kernels *k, const struct actent_src *s, size_t i);

#endif
