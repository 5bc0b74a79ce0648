/* widen_scalar.c - float16, bfloat16 and float64 elements to float32, the
 * reference the other tables' widen entries are checked against
 * (tests/test_tables.c, every one of the 2^16 half-width values).
 *
 * float16, without float arithmetic on subnormals (a caller running with
 * denormals-are-zero, as torch.set_flush_denormal(True) sets, would lose
 * them): a normal half's bits move into float32's places with the exponent
 * rebiased (15 -> 127) by an integer add; a subnormal half is its fraction
 * times 2^-24, an integer converted exactly and scaled to a normal float32;
 * an all-ones exponent (inf, NaN) is set directly, keeping the payload. */
#include <string.h>

#include "ops_scalar.h"

static float f16_to_f32(uint16_t h)
{
    uint32_t em = h & 0x7fffu, sign = (uint32_t)(h & 0x8000u) << 16, r;
    float f = (float)em * 0x1p-24f; /* subnormal (em < 0x400): exact, and normal */
    memcpy(&r, &f, 4);
    if (em >= 0x7c00u)
        r = (em << 13) | 0x7f800000u;
    else if (em >= 0x400u)
        r = (em << 13) + (112u << 23);
    r |= sign;
    memcpy(&f, &r, 4);
    return f;
}

void act_widen_f16_scalar(const void *x, float *y, size_t n)
{
    const unsigned char *p = x;
    for (size_t i = 0; i < n; i++) {
        uint16_t h;
        memcpy(&h, p + 2 * i, 2);
        y[i] = f16_to_f32(h);
    }
}

/* bfloat16 is a float32's upper half */
void act_widen_bf16_scalar(const void *x, float *y, size_t n)
{
    const unsigned char *p = x;
    for (size_t i = 0; i < n; i++) {
        uint16_t h;
        memcpy(&h, p + 2 * i, 2);
        uint32_t u = (uint32_t)h << 16;
        memcpy(&y[i], &u, 4);
    }
}

void act_widen_f64_scalar(const void *x, float *y, size_t n)
{
    const unsigned char *p = x;
    for (size_t i = 0; i < n; i++) {
        double d;
        memcpy(&d, p + 8 * i, 8);
        y[i] = (float)d;
    }
}
