/* npy.c - .npy files into one float32 array: checks first, then one pass.
 *
 * Every size is checked against the bytes present before anything is
 * allocated, so a header that claims terabytes costs nothing; products and
 * byte counts are computed with overflow checks in 64 bits. */
#include "npy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(char *err, size_t len, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(char *err, size_t len, const char *name, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(err, len, "%s: %s", name, msg);
    return -1;
}

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
static bool c_layout(const struct actent_npy_header *h)
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
    if (c_layout(h)) {
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

static bool host_little(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

static void convert(const unsigned char *src, const struct actent_npy_header *h, size_t n,
                    float *dst, uint64_t *ovf)
{
    bool swap = h->big == host_little();
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

static bool usable_in_place(const struct actent_npy_header *h, const unsigned char *src)
{
    return h->itemsize == 4 && h->big != host_little() && c_layout(h) &&
           (uintptr_t)src % alignof(float) == 0;
}

/* n = product of the dimensions; bytes = n * itemsize. numpy refuses an
 * overflow among the non-zero axes even when another axis is zero. */
static int sizes(const char *name, const struct actent_npy_header *h, uint64_t *n, uint64_t *bytes,
                 char *err, size_t len)
{
    char shape[ACTENT_NPY_MAX_DIMS * 24];
    uint64_t p = 1;
    bool zero = false;
    for (int i = 0; i < h->ndim; i++) {
        if (h->shape[i] == 0)
            zero = true;
        else if (__builtin_mul_overflow(p, h->shape[i], &p))
            goto overflow;
    }
    if (__builtin_mul_overflow(p, (uint64_t)h->itemsize, bytes) || *bytes > (uint64_t)INT64_MAX ||
        p > SIZE_MAX / sizeof(float))
        goto overflow;
    *n = zero ? 0 : p;
    *bytes = *n * (uint64_t)h->itemsize;
    return 0;
overflow:
    actent_npy_shape_str(h->ndim, h->shape, shape, sizeof shape);
    return fail(err, len, name, "shape %s of %s overflows 64-bit sizes", shape,
                actent_npy_type_name(h));
}

/* magic, version and header length; *off = where the header text starts */
static int preamble(const char *name, const unsigned char *b, size_t size, int *version,
                    size_t *off, uint32_t *hlen, char *err, size_t len)
{
    static const unsigned char magic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
    if (size == 0)
        return fail(err, len, name, "file is empty (not an .npy file)");
    if (memcmp(b, magic, size < 6 ? size : 6) != 0) {
        char hex[3 * 8 + 1] = "";
        for (size_t i = 0, o = 0; i < size && i < 8; i++)
            o += (size_t)snprintf(hex + o, sizeof hex - o, "%s%02x", i ? " " : "", b[i]);
        return fail(err, len, name,
                    "not an .npy file (bad magic: it starts with %s, not 93 4e 55 4d 50 59)", hex);
    }
    if (size < 8)
        return fail(err, len, name, "truncated: %zu bytes, too short for an .npy preamble", size);
    if (b[6] < 1 || b[6] > 3 || b[7] != 0)
        return fail(err, len, name,
                    "unsupported .npy format version %u.%u (actent reads 1.0, 2.0 and 3.0)", b[6],
                    b[7]);
    *version = b[6];
    *off = *version == 1 ? 10 : 12;
    if (size < *off)
        return fail(err, len, name,
                    "truncated header: the file ends inside the header length "
                    "(%zu bytes)",
                    size);
    *hlen = (uint32_t)b[8] | (uint32_t)b[9] << 8;
    if (*version > 1)
        *hlen |= (uint32_t)b[10] << 16 | (uint32_t)b[11] << 24;
    if (*hlen > ACTENT_NPY_MAX_HEADER)
        return fail(err, len, name, "header length %lu is absurd (at most %d bytes)",
                    (unsigned long)*hlen, ACTENT_NPY_MAX_HEADER);
    if (*hlen > size - *off)
        return fail(err, len, name,
                    "truncated header: %lu bytes declared, the file has %zu after the preamble",
                    (unsigned long)*hlen, size - *off);
    return 0;
}

int actent_npy_parse(const char *name, const void *buf, size_t size, unsigned flags,
                     struct actent_npy *a, char *err, size_t len)
{
    memset(a, 0, sizeof *a);
    const unsigned char *b = buf;
    size_t off = 0;
    uint32_t hlen = 0;
    if (preamble(name, b, size, &a->version, &off, &hlen, err, len) != 0)
        return -1;
    char herr[512];
    if (actent_npy_header_parse((const char *)b + off, hlen, &a->h, herr, sizeof herr) != 0)
        return fail(err, len, name, "%s", herr);
    uint64_t n = 0, bytes = 0;
    if (sizes(name, &a->h, &n, &bytes, err, len) != 0)
        return -1;
    off += hlen;
    size_t have = size - off;
    char shape[ACTENT_NPY_MAX_DIMS * 24];
    actent_npy_shape_str(a->h.ndim, a->h.shape, shape, sizeof shape);
    if (bytes > have)
        return fail(err, len, name,
                    "truncated data: shape %s of %s needs %llu bytes, the file has %zu after "
                    "the header",
                    shape, actent_npy_type_name(&a->h), (unsigned long long)bytes, have);
    if (bytes < have)
        return fail(err, len, name,
                    "shape %s of %s is %llu bytes, but the file has %zu after the header "
                    "(%llu unexpected trailing bytes)",
                    shape, actent_npy_type_name(&a->h), (unsigned long long)bytes, have,
                    (unsigned long long)(have - bytes));
    a->n = (size_t)n;
    a->data_offset = off;
    if (flags & ACTENT_NPY_HEADER_ONLY)
        return 0;
    if ((flags & ACTENT_NPY_BORROW) && usable_in_place(&a->h, b + off)) {
        a->data = (const float *)(const void *)(b + off);
        a->in_place = true;
        return 0;
    }
    a->owned = malloc(a->n ? a->n * sizeof(float) : 1);
    if (!a->owned)
        return fail(err, len, name, "out of memory for %zu float32 values (%.1f MiB)", a->n,
                    (double)a->n * sizeof(float) / 1048576.0);
    convert(b + off, &a->h, a->n, a->owned, &a->overflow);
    a->data = a->owned;
    return 0;
}

int actent_npy_load(const char *path, unsigned flags, struct actent_npy *a, char *err, size_t len)
{
    memset(a, 0, sizeof *a);
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fail(err, len, path, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail(err, len, path, "cannot read: %s", strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, len, path, "%s",
                    S_ISDIR(st.st_mode) ? "is a directory, not an .npy file"
                                        : "not a regular file (pipes and devices are not read)");
    }
    if (st.st_size == 0) {
        close(fd);
        return actent_npy_parse(path, "", 0, flags, a, err, len);
    }
    if ((uint64_t)st.st_size > SIZE_MAX) {
        close(fd);
        return fail(err, len, path, "too large to map (%lld bytes)", (long long)st.st_size);
    }
    size_t size = (size_t)st.st_size;
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (map == MAP_FAILED)
        return fail(err, len, path, "cannot map %zu bytes: %s", size, strerror(e));
    madvise(map, size, MADV_SEQUENTIAL); /* a hint only: one pass, front to back */
    int rc = actent_npy_parse(path, map, size, flags | ACTENT_NPY_BORROW, a, err, len);
    if (rc == 0 && a->in_place) {
        a->map = map;
        a->map_len = size;
    } else {
        munmap(map, size);
    }
    return rc;
}

void actent_npy_free(struct actent_npy *a)
{
    free(a->owned);
    if (a->map)
        munmap(a->map, a->map_len);
    memset(a, 0, sizeof *a);
}

void actent_npy_shape_str(int ndim, const uint64_t *shape, char *buf, size_t len)
{
    size_t used = (size_t)snprintf(buf, len, "(");
    for (int i = 0; i < ndim && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%llu", i ? ", " : "",
                                 (unsigned long long)shape[i]);
    if (used < len)
        snprintf(buf + used, len - used, "%s)", ndim == 1 ? "," : "");
}

void actent_npy_index_str(const struct actent_npy_header *h, uint64_t flat, char *buf, size_t len)
{
    uint64_t idx[ACTENT_NPY_MAX_DIMS];
    for (int j = h->ndim - 1; j >= 0; j--) {
        uint64_t d = h->shape[j] ? h->shape[j] : 1;
        idx[j] = flat % d;
        flat /= d;
    }
    size_t used = (size_t)snprintf(buf, len, "[");
    for (int i = 0; i < h->ndim && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%llu", i ? ", " : "",
                                 (unsigned long long)idx[i]);
    if (used < len)
        snprintf(buf + used, len - used, "]");
}

const char *actent_npy_type_name(const struct actent_npy_header *h)
{
    return h->itemsize == 2 ? "float16" : h->itemsize == 4 ? "float32" : "float64";
}
