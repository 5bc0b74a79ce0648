/* json.c - streaming JSON. */
#include "json.h"

#include "numfmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void json_init(struct json *j, FILE *f)
{
    memset(j, 0, sizeof *j);
    j->f = f;
    j->first[0] = true;
}

static void indent(struct json *j)
{
    fputc('\n', j->f);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->f);
}

/* separator and indentation before a value or a key */
static void before(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    bool first = j->first[j->depth];
    j->first[j->depth] = false;
    if (!first)
        fputc(',', j->f);
    if (j->depth == 0)
        return;
    if (!j->inline_arr[j->depth])
        indent(j);
    else if (!first)
        fputc(' ', j->f);
}

static void open_scope(struct json *j, char c, bool inline_arr)
{
    before(j);
    fputc(c, j->f);
    if (j->depth + 1 < JSON_MAX_DEPTH)
        j->depth++;
    j->first[j->depth] = true;
    j->inline_arr[j->depth] = inline_arr;
}

static void close_scope(struct json *j, char c)
{
    bool empty = j->first[j->depth], was_inline = j->inline_arr[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty && !was_inline)
        indent(j);
    fputc(c, j->f);
    if (j->depth == 0)
        fputc('\n', j->f);
}

void json_obj_begin(struct json *j) { open_scope(j, '{', false); }
void json_obj_end(struct json *j) { close_scope(j, '}'); }
void json_arr_begin(struct json *j, bool inline_arr) { open_scope(j, '[', inline_arr); }
void json_arr_end(struct json *j) { close_scope(j, ']'); }

/* the length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong
 * forms, no surrogates, nothing past U+10FFFF), or 0 when it is not one */
static int utf8_len(const unsigned char *p)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    int n = c >= 0xc2 && c <= 0xdf   ? 2
            : c >= 0xe0 && c <= 0xef ? 3
            : c >= 0xf0 && c <= 0xf4 ? 4
                                     : 0;
    for (int i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) || (c == 0xf0 && p[1] < 0x90) ||
        (c == 0xf4 && p[1] > 0x8f))
        return 0;
    return n;
}

/* JSON text is Unicode: a byte that is not part of well-formed UTF-8 (a file
 * name in another encoding) is written as U+FFFD, the replacement character */
static void quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int n = utf8_len(p);
        if (n == 0) {
            fputs("\\ufffd", f);
            p++;
            continue;
        }
        if (n > 1) {
            fwrite(p, 1, (size_t)n, f);
            p += n;
            continue;
        }
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
        p++;
    }
    fputc('"', f);
}

void json_key(struct json *j, const char *key)
{
    before(j);
    quoted(j->f, key);
    fputs(": ", j->f);
    j->after_key = true;
}

void json_str(struct json *j, const char *s)
{
    before(j);
    quoted(j->f, s);
}

void json_num(struct json *j, double v)
{
    before(j);
    if (!isfinite(v)) {
        fputs("null", j->f);
        return;
    }
    char buf[40];
    fputs(actent_fmt_double(buf, sizeof buf, v), j->f);
}

void json_uint(struct json *j, uint64_t v)
{
    before(j);
    fprintf(j->f, "%llu", (unsigned long long)v);
}

void json_bool(struct json *j, bool v)
{
    before(j);
    fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j)
{
    before(j);
    fputs("null", j->f);
}

void json_kstr(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_str(j, s);
}

void json_knum(struct json *j, const char *key, double v)
{
    json_key(j, key);
    json_num(j, v);
}

void json_kuint(struct json *j, const char *key, uint64_t v)
{
    json_key(j, key);
    json_uint(j, v);
}

void json_kbool(struct json *j, const char *key, bool v)
{
    json_key(j, key);
    json_bool(j, v);
}
