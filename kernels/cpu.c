/* cpu.c - run-time CPU feature probes. */
#include "cpu.h"

#include <stdio.h>
#include <string.h>

bool act_cpu_any(void) { return true; }

static void append(char *buf, size_t len, const char *name, int on)
{
    size_t used = strlen(buf);
    if (on && used + 1 < len)
        snprintf(buf + used, len - used, "%s%s", used ? " " : "", name);
}

void act_cpu_features(char *buf, size_t len)
{
    if (len == 0)
        return;
    buf[0] = '\0';
#if defined(__x86_64__)
    __builtin_cpu_init();
    append(buf, len, "sse4.2", __builtin_cpu_supports("sse4.2"));
    append(buf, len, "avx", __builtin_cpu_supports("avx"));
    append(buf, len, "avx2", __builtin_cpu_supports("avx2"));
    append(buf, len, "fma", __builtin_cpu_supports("fma"));
    append(buf, len, "avx512f", __builtin_cpu_supports("avx512f"));
#elif defined(__aarch64__)
    append(buf, len, "asimd", 1);
#else
    append(buf, len, "none", 1);
#endif
}
