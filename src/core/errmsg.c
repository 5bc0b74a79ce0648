/* errmsg.c - formatted error messages into a caller's buffer. */
#include "errmsg.h"

#include <stdarg.h>
#include <stdio.h>

int actent_fail(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && len)
        vsnprintf(err, len, fmt, ap);
    va_end(ap);
    return -1;
}
