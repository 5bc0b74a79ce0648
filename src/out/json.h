/* json.h - a small streaming JSON writer: objects indented, number arrays on one line. */
#ifndef ACTENT_JSON_H
#define ACTENT_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
    FILE *f;
    int depth;
    bool first[JSON_MAX_DEPTH];
    bool inline_arr[JSON_MAX_DEPTH];
    bool after_key;
};

void json_init(struct json *j, FILE *f);
void json_obj_begin(struct json *j);
void json_obj_end(struct json *j);
/* inline: elements on one line (for number arrays) */
void json_arr_begin(struct json *j, bool inline_arr);
void json_arr_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s);
/* shortest text that reads back to the same double; non-finite values as null */
void json_num(struct json *j, double v);
void json_uint(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j); /* a number that is not finite (a population limit) */
/* key + value shorthands */
void json_kstr(struct json *j, const char *key, const char *s);
void json_knum(struct json *j, const char *key, double v);
void json_kuint(struct json *j, const char *key, uint64_t v);
void json_kbool(struct json *j, const char *key, bool v);

#endif
