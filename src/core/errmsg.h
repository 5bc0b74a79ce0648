/* errmsg.h - the one way the library reports an error: a message written into
 * the caller's buffer, and -1 returned, so `return actent_fail(err, len, ...)`. */
#ifndef ACTENT_ERRMSG_H
#define ACTENT_ERRMSG_H

#include <stddef.h>

int actent_fail(char *err, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
