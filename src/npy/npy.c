/* npy.c - .npy files into one float32 array: checks first, then one pass.
 *
 * Every size is checked against the bytes present before anything is
 * allocated, so a header that claims terabytes costs nothing; products and
 * byte counts are computed with overflow checks in 64 bits. */
#include "npy.h"
#include "npy_convert.h"

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

static bool usable_in_place(const struct actent_npy_header *h, const unsigned char *src)
{
    return h->itemsize == 4 && h->big != actent_host_little() && actent_npy_c_layout(h) &&
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
    if (a->h.kind != 'f' && !(flags & ACTENT_NPY_INTEGERS))
        return fail(err, len, name,
                    "integer dtype '%s' is not supported: actent reads float16, float32 and "
                    "float64",
                    a->h.descr);
    if (a->h.kind == 'f' && (flags & ACTENT_NPY_INTEGERS))
        return fail(err, len, name, "float dtype '%s' where integers are needed", a->h.descr);
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
    actent_npy_convert(b + off, &a->h, a->n, a->owned, &a->overflow);
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
    if (h->kind == 'i' || h->kind == 'u') {
        static const char *const names[2][4] = {{"int8", "int16", "int32", "int64"},
                                                {"uint8", "uint16", "uint32", "uint64"}};
        int i = h->itemsize == 1 ? 0 : h->itemsize == 2 ? 1 : h->itemsize == 4 ? 2 : 3;
        return names[h->kind == 'u'][i];
    }
    return h->itemsize == 2 ? "float16" : h->itemsize == 4 ? "float32" : "float64";
}
