/* source.c - see source.h. */
#include "source.h"

size_t actent_dtype_size(enum act_dtype type)
{
    return type == ACT_F64 ? 8 : type == ACT_F32 ? 4 : 2;
}

void actent_src_blocks(const struct act_kernels *k, const struct actent_src *s, size_t at,
                       size_t len, actent_block_fn fn, void *ctx)
{
    if (s->type == ACT_F32) {
        fn(ctx, (const float *)s->x + at, len);
        return;
    }
    float buf[ACTENT_SOURCE_BLOCK];
    size_t size = actent_dtype_size(s->type);
    const char *p = (const char *)s->x + at * size;
    act_widen_fn widen = k->widen[s->type];
    for (size_t i = 0; i < len; i += ACTENT_SOURCE_BLOCK) {
        size_t m = len - i < ACTENT_SOURCE_BLOCK ? len - i : ACTENT_SOURCE_BLOCK;
        widen(p + i * size, buf, m);
        fn(ctx, buf, m);
    }
}

float actent_src_at(const struct act_kernels *k, const struct actent_src *s, size_t i)
{
    if (s->type == ACT_F32)
        return ((const float *)s->x)[i];
    float v;
    k->widen[s->type]((const char *)s->x + i * actent_dtype_size(s->type), &v, 1);
    return v;
}
