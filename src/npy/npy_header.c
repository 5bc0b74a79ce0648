/* npy_header.c - a strict reader for the dict literal of an .npy header.
 *
 * numpy evaluates the header with ast.literal_eval; actent accepts the subset
 * numpy writes (and tolerates what hand-written files commonly add: either
 * quote, any whitespace, trailing commas, keys in any order, Python 2's 'L'
 * suffix). Everything else is refused with the byte offset where it went wrong. */
#include "npy_header.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define SUPPORTED "actent reads float16, float32 and float64"

/* Dtype strings are a few characters; a longer string is refused, not cut. */
#define MAX_STR 64

struct lex {
    const char *s;
    size_t n, i;
    char *err;
    size_t elen;
};

static int bad(struct lex *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int bad(struct lex *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->err, l->elen, fmt, ap);
    va_end(ap);
    return -1;
}

/* s with bytes outside printable ASCII (and quotes) as \xNN: file contents
 * must never reach a terminal raw */
static const char *printable(const char *s, char *buf, size_t len)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 5 < len; p++) {
        if (*p >= 0x20 && *p < 0x7f && *p != '\'' && *p != '\\')
            buf[o++] = (char)*p;
        else
            o += (size_t)snprintf(buf + o, len - o, "\\x%02x", *p);
    }
    buf[o] = '\0';
    return buf;
}

static int expected(struct lex *l, const char *what)
{
    char found[32];
    if (l->i >= l->n)
        snprintf(found, sizeof found, "the end of the header");
    else if (l->s[l->i] == '\'')
        snprintf(found, sizeof found, "a quote");
    else if (l->s[l->i] >= 0x20 && l->s[l->i] < 0x7f)
        snprintf(found, sizeof found, "'%c'", l->s[l->i]);
    else
        snprintf(found, sizeof found, "byte 0x%02x", (unsigned char)l->s[l->i]);
    return bad(l, "header is not a valid dict literal: expected %s at byte %zu, found %s", what,
               l->i, found);
}

static void skip_ws(struct lex *l)
{
    while (l->i < l->n && memchr(" \t\n\r\f\v", l->s[l->i], 6))
        l->i++;
}

static bool peek(struct lex *l, char c)
{
    skip_ws(l);
    return l->i < l->n && l->s[l->i] == c;
}

static bool accept(struct lex *l, char c)
{
    if (!peek(l, c))
        return false;
    l->i++;
    return true;
}

/* A quoted string without escapes, into out[MAX_STR + 1]. */
static int string(struct lex *l, char *out, const char *what)
{
    skip_ws(l);
    if (l->i >= l->n || (l->s[l->i] != '\'' && l->s[l->i] != '"'))
        return expected(l, what);
    size_t start = l->i;
    char q = l->s[l->i++];
    for (; l->i < l->n && l->s[l->i] != q; l->i++) {
        char c = l->s[l->i];
        if (c == '\\')
            return bad(l, "header string at byte %zu has an escape sequence (not supported)",
                       start);
        if (c == '\n' || c == '\r' || c == '\0')
            break;
    }
    if (l->i >= l->n || l->s[l->i] != q)
        return bad(l, "header is not a valid dict literal: unterminated string at byte %zu", start);
    size_t m = l->i - start - 1;
    l->i++;
    if (m > MAX_STR)
        return bad(l, "header string at byte %zu is %zu bytes long (at most %d)", start, m,
                   MAX_STR);
    memcpy(out, l->s + start + 1, m);
    out[m] = '\0';
    return 0;
}

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool word(struct lex *l, const char *w)
{
    size_t n = strlen(w);
    skip_ws(l);
    if (l->n - l->i < n || memcmp(l->s + l->i, w, n) != 0 ||
        (l->i + n < l->n && ident_char(l->s[l->i + n])))
        return false;
    l->i += n;
    return true;
}

static int boolean(struct lex *l, bool *v)
{
    if (word(l, "True"))
        *v = true;
    else if (word(l, "False"))
        *v = false;
    else
        return bad(l, "'fortran_order' must be True or False (at byte %zu)", (skip_ws(l), l->i));
    return 0;
}

/* A non-negative integer below 2^63 (numpy's intp), with an optional 'L'. */
static int dim(struct lex *l, uint64_t *v)
{
    skip_ws(l);
    size_t at = l->i;
    if (at < l->n && l->s[at] == '-')
        return bad(l, "'shape' has a negative dimension at byte %zu", at);
    if (at >= l->n || l->s[at] < '0' || l->s[at] > '9')
        return expected(l, "a dimension (a whole number) in 'shape'");
    if (l->s[at] == '0' && at + 1 < l->n && l->s[at + 1] >= '0' && l->s[at + 1] <= '9')
        return bad(l, "'shape' has a dimension with a leading zero at byte %zu", at);
    uint64_t x = 0;
    for (; l->i < l->n && l->s[l->i] >= '0' && l->s[l->i] <= '9'; l->i++) {
        uint64_t d = (uint64_t)(l->s[l->i] - '0');
        if (x > ((uint64_t)INT64_MAX - d) / 10)
            return bad(l, "'shape' has a dimension above 2^63 - 1 at byte %zu", at);
        x = x * 10 + d;
    }
    if (l->i < l->n && (l->s[l->i] == 'L' || l->s[l->i] == 'l'))
        l->i++; /* Python 2's long suffix, which numpy still reads */
    *v = x;
    return 0;
}

static int shape(struct lex *l, struct actent_npy_header *h)
{
    if (!accept(l, '(')) {
        if (peek(l, '['))
            return bad(l, "'shape' must be a tuple, not a list (at byte %zu)", l->i);
        return expected(l, "a tuple for 'shape'");
    }
    h->ndim = 0;
    if (accept(l, ')'))
        return 0;
    for (;;) {
        if (h->ndim == ACTENT_NPY_MAX_DIMS)
            return bad(l, "'shape' has more than %d dimensions", ACTENT_NPY_MAX_DIMS);
        if (dim(l, &h->shape[h->ndim++]) != 0)
            return -1;
        if (accept(l, ')')) {
            if (h->ndim == 1)
                return bad(l, "'shape' (%llu) is an integer, not a tuple: write (%llu,)",
                           (unsigned long long)h->shape[0], (unsigned long long)h->shape[0]);
            return 0;
        }
        if (!accept(l, ','))
            return expected(l, "',' or ')' in 'shape'");
        if (accept(l, ')'))
            return 0;
    }
}

static int descr_value(struct lex *l, char *out)
{
    if (peek(l, '[') || peek(l, '{'))
        return bad(l, "structured dtype (a %s of fields) is not supported: " SUPPORTED,
                   peek(l, '[') ? "list" : "dict");
    if (peek(l, '('))
        return bad(l, "subarray dtype (a tuple) is not supported: " SUPPORTED);
    return string(l, out, "a dtype string for 'descr'");
}

static bool host_big_endian(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 0;
}

/* '<f4' and friends; every other kind is named in the refusal. */
static int dtype(const char *d, struct actent_npy_header *h, struct lex *l)
{
    char pd[4 * MAX_STR + 8];
    printable(d, pd, sizeof pd);
    const char *p = d;
    char order = '=';
    if (*p && strchr("<>=|!", *p))
        order = *p++;
    const char kind = *p;
    const char *what = NULL;
    switch (*p) {
    case 'f':
        break;
    case 'O':
        what = "object";
        break;
    case 'c':
        what = "complex";
        break;
    case 'i':
    case 'u':
        break; /* integers are read only where asked for (npy.c says so otherwise) */
    case 'b':
    case '?':
        what = "boolean";
        break;
    case 'V':
        what = "void (raw or structured)";
        break;
    case 'S':
    case 'a':
    case 'U':
        what = "string";
        break;
    case 'M':
    case 'm':
        what = "datetime";
        break;
    default:
        return bad(l, "unknown dtype '%s': " SUPPORTED, pd);
    }
    if (what)
        return bad(l, "%s dtype '%s' is not supported: " SUPPORTED, what, pd);
    int size = 0;
    for (p++; *p >= '0' && *p <= '9' && size < 1000; p++)
        size = size * 10 + (*p - '0');
    if (*p != '\0' || size == 0)
        return bad(l, "unknown dtype '%s': " SUPPORTED, pd);
    h->kind = kind;
    if (h->kind != 'f') {
        if (size != 1 && size != 2 && size != 4 && size != 8)
            return bad(l, "integer dtype '%s' (%d-byte integers) is not supported", pd, size);
    } else if (size != 2 && size != 4 && size != 8) {
        return bad(l, "float dtype '%s' (%d-byte floats) is not supported: " SUPPORTED, pd, size);
    }
    h->itemsize = size;
    h->big = order == '>' || order == '!' || ((order == '=' || order == '|') && host_big_endian());
    if (size == 1)
        snprintf(h->descr, sizeof h->descr, "|%c1", h->kind);
    else
        snprintf(h->descr, sizeof h->descr, "%c%c%d", h->big ? '>' : '<', h->kind, size);
    return 0;
}

static int key_value(struct lex *l, struct actent_npy_header *h, char *descr, bool seen[3])
{
    static const char *const keys[3] = {"descr", "fortran_order", "shape"};
    char key[MAX_STR + 1], pk[4 * MAX_STR + 8];
    size_t at = (skip_ws(l), l->i);
    if (string(l, key, "a quoted key or '}'") != 0)
        return -1;
    int k = 0;
    while (k < 3 && strcmp(key, keys[k]) != 0)
        k++;
    if (k == 3)
        return bad(l,
                   "unexpected key '%s' in the header at byte %zu (an .npy header has exactly "
                   "'descr', 'fortran_order' and 'shape')",
                   printable(key, pk, sizeof pk), at);
    if (seen[k])
        return bad(l, "key '%s' appears twice in the header (at byte %zu)", key, at);
    seen[k] = true;
    if (!accept(l, ':'))
        return expected(l, "':'");
    if (k == 0)
        return descr_value(l, descr);
    if (k == 1)
        return boolean(l, &h->fortran);
    return shape(l, h);
}

int actent_npy_header_parse(const char *text, size_t len, struct actent_npy_header *h, char *err,
                            size_t elen)
{
    memset(h, 0, sizeof *h);
    struct lex l = {text, len, 0, err, elen};
    char descr[MAX_STR + 1] = "";
    bool seen[3] = {false, false, false};
    if (!accept(&l, '{'))
        return expected(&l, "'{'");
    while (!accept(&l, '}')) {
        if (key_value(&l, h, descr, seen) != 0)
            return -1;
        if (!accept(&l, ',') && !peek(&l, '}'))
            return expected(&l, "',' or '}'");
    }
    skip_ws(&l);
    if (l.i < l.n)
        return bad(&l, "header has %zu unexpected bytes after the dict, from byte %zu", l.n - l.i,
                   l.i);
    static const char *const names[3] = {"descr", "fortran_order", "shape"};
    for (int k = 0; k < 3; k++)
        if (!seen[k])
            return bad(&l, "header lacks the key '%s'", names[k]);
    return dtype(descr, h, &l);
}
