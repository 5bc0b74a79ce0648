/* machine.c - CPU identity from /proc/cpuinfo. */
#include "machine.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

void actent_cpuinfo(const char *key, char *buf, size_t len)
{
    if (len == 0)
        return;
    buf[0] = '\0';
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[1024];
    size_t kl = strlen(key);
    while (fgets(line, sizeof line, f)) {
        /* "key<tabs or spaces>: value" */
        if (strncmp(line, key, kl) != 0)
            continue;
        char *colon = line + kl + strspn(line + kl, " \t");
        if (*colon != ':')
            continue;
        char *v = colon + 1 + strspn(colon + 1, " \t");
        v[strcspn(v, "\n")] = '\0';
        snprintf(buf, len, "%s", v);
        break;
    }
    fclose(f);
}

void actent_cpu_model(char *buf, size_t len)
{
    actent_cpuinfo("model name", buf, len);
    if (!buf[0]) {
        /* aarch64 kernels print implementer and part numbers, not a name */
        char impl[32], part[32];
        actent_cpuinfo("CPU implementer", impl, sizeof impl);
        actent_cpuinfo("CPU part", part, sizeof part);
        struct utsname u;
        const char *arch = uname(&u) == 0 ? u.machine : "unknown";
        if (impl[0] && part[0])
            snprintf(buf, len, "%s implementer %s part %s", arch, impl, part);
        else
            snprintf(buf, len, "%s", arch);
    }
}

/* words that name no CPU: trademarks, "CPU", "Processor", the clock "@ 2.40GHz" */
static bool noise(const char *w)
{
    static const char *const words[] = {"(r)", "(tm)", "cpu", "processor", "@"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    size_t n = strlen(w);
    return n > 3 && strcmp(w + n - 3, "ghz") == 0;
}

void actent_machine_id(char *buf, size_t len)
{
    char model[256], word[256];
    actent_cpu_model(model, sizeof model);
    size_t used = 0, wl = 0;
    bool digit = false;
    buf[0] = '\0';
    for (const char *p = model;; p++) {
        unsigned char c = (unsigned char)*p;
        if (c && !isspace(c) && wl + 1 < sizeof word) {
            word[wl++] = (char)tolower(c);
            continue;
        }
        word[wl] = '\0';
        /* drop trademark marks glued to words: "Intel(R)" -> "intel" */
        for (char *m; (m = strstr(word, "(r)")) || (m = strstr(word, "(tm)"));)
            memmove(m, m + (m[1] == 'r' ? 3 : 4), strlen(m + (m[1] == 'r' ? 3 : 4)) + 1);
        if (word[0] && !noise(word)) {
            for (char *q = word; *q; q++) {
                if (!isalnum((unsigned char)*q))
                    *q = '-';
                digit |= isdigit((unsigned char)*q) != 0;
            }
            used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s",
                                     used ? "-" : "", word);
        }
        wl = 0;
        if (!c)
            break;
    }
    char fam[32], mod[32];
    actent_cpuinfo("cpu family", fam, sizeof fam);
    actent_cpuinfo("model", mod, sizeof mod);
    if (!digit && fam[0] && mod[0] && used < len)
        snprintf(buf + used, len - used, "-family%s-model%s", fam, mod);
    if (!buf[0])
        snprintf(buf, len, "unknown");
}
