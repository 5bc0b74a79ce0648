/* npy_convert.c - an .npy file's elements to float32 in C order, in one pass.
 *
 * One loader per dtype and byte order, inlined into the copy loop; Fortran
 * data is gathered in C order. */
#include "npy_convert.h"

#include <string.h>

#include "npy.h"

float actent_half_to_float(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16, exp = (h >> 10) & 0x1fu, man = h & 0x3ffu;
    uint32_t bits;
    if (exp == 0x1f) {
        bits = sign | 0x7f800000u | man << 13; /* inf, or NaN with its payload kept */
    } else if (exp != 0) {
        bits = sign | (exp + 112) << 23 | man << 13; /* rebias 15 -> 127 */
    } else if (man == 0) {
        bits = sign;
    } else {
        /* subnormal half: shift the leading one up to the implicit bit */
        uint32_t e = 113;
        do {
            e--;
            man <<= 1;
        } while (!(man & 0x400u));
        bits = sign | e << 23 | (man & 0x3ffu) << 13;
    }
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

/* One element's loader per dtype and byte order; ovf counts float64 values
 * that are finite but round to infinity in float32. */
typedef float (*load_fn)(const unsigned char *p, uint64_t *ovf);

static inline float ld_f2(const unsigned char *p, uint64_t *ovf)
{
    (void)ovf;
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return actent_half_to_float(v);
}

static inline float ld_f2s(const unsigned char *p, uint64_t *ovf)
{
    (void)ovf;
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return actent_half_to_float(__builtin_bswap16(v));
}

static inline float ld_f4(const unsigned char *p, uint64_t *ovf)
{
    (void)ovf;
    float f;
    memcpy(&f, p, sizeof f);
    return f;
}

static inline float ld_f4s(const unsigned char *p, uint64_t *ovf)
{
    (void)ovf;
    uint32_t v;
    memcpy(&v, p, sizeof v);
    v = __builtin_bswap32(v);
    float f;
    memcpy(&f, &v, sizeof f);
    return f;
}

static inline float narrow(double d, uint64_t *ovf)
{
    float f = (float)d; /* what numpy's astype(np.float32) does: round to nearest */
    *ovf += (f - f != 0.0f) && (d - d == 0.0); /* f is inf or NaN while d is finite */
    return f;
}

static inline float ld_f8(const unsigned char *p, uint64_t *ovf)
{
    double d;
    memcpy(&d, p, sizeof d);
    return narrow(d, ovf);
}

static inline float ld_f8s(const unsigned char *p, uint64_t *ovf)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    v = __builtin_bswap64(v);
    double d;
    memcpy(&d, &v, sizeof d);
    return narrow(d, ovf);
}

/* Fortran order differs from C order only when two or more axes exceed 1. */
bool actent_npy_c_layout(const struct actent_npy_header *h)
{
    if (!h->fortran)
        return true;
    int wide = 0;
    for (int i = 0; i < h->ndim; i++)
        wide += h->shape[i] > 1;
    return wide <= 1;
}

/* dst[0..n) in C order from the file's elements. Fortran data is gathered:
 * the output is written in order, the last axis innermost, which in the
 * file strides by the product of the other axes. */
static inline __attribute__((always_inline)) void gather(const unsigned char *src,
                                                         const struct actent_npy_header *h,
                                                         size_t n, float *dst, uint64_t *ovf,
                                                         load_fn ld)
{
    size_t size = (size_t)h->itemsize;
    if (actent_npy_c_layout(h)) {
        for (size_t i = 0; i < n; i++)
            dst[i] = ld(src + i * size, ovf);
        return;
    }
    int k = h->ndim;
    uint64_t stride[ACTENT_NPY_MAX_DIMS], idx[ACTENT_NPY_MAX_DIMS] = {0};
    stride[0] = 1;
    for (int j = 1; j < k; j++)
        stride[j] = stride[j - 1] * h->shape[j - 1]; /* <= n: every axis is >= 1 here */
    size_t inner = (size_t)h->shape[k - 1], step = (size_t)stride[k - 1] * size, base = 0;
    for (size_t o = 0; o < n;) {
        const unsigned char *p = src + base * size;
        for (size_t t = 0; t < inner; t++, p += step)
            dst[o++] = ld(p, ovf);
        for (int j = k - 2; j >= 0; j--) {
            base += (size_t)stride[j];
            if (++idx[j] < h->shape[j])
                break;
            base -= (size_t)(stride[j] * h->shape[j]);
            idx[j] = 0;
        }
    }
}

bool actent_host_little(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

void actent_npy_convert(const unsigned char *src, const struct actent_npy_header *h, size_t n,
                        float *dst, uint64_t *ovf)
{
    bool swap = h->big == actent_host_little();
    switch (h->itemsize * 2 + swap) {
    case 4:
        gather(src, h, n, dst, ovf, ld_f2);
        break;
    case 5:
        gather(src, h, n, dst, ovf, ld_f2s);
        break;
    case 8:
        gather(src, h, n, dst, ovf, ld_f4);
        break;
    case 9:
        gather(src, h, n, dst, ovf, ld_f4s);
        break;
    case 16:
        gather(src, h, n, dst, ovf, ld_f8);
        break;
    default:
        gather(src, h, n, dst, ovf, ld_f8s);
        break;
    }
}
