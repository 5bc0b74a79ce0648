/* outfile.c - write to a temporary, rename when whole; SIGINT/SIGTERM clean up. */
#include "outfile.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files still open, so a signal handler can remove them. Small and
 * fixed: a run writes a handful of results at a time. */
#define MAX_PENDING 16
static char *volatile pending[MAX_PENDING];

static void on_signal(int sig)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void track(char *tmp, bool add)
{
    static bool installed;
    if (!installed) {
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        signal(SIGHUP, on_signal);
        installed = true;
    }
    for (int i = 0; i < MAX_PENDING; i++) {
        if (add && !pending[i]) {
            pending[i] = tmp;
            return;
        }
        if (!add && pending[i] == tmp) {
            pending[i] = NULL;
            return;
        }
    }
}

int actent_out_open(struct actent_out *o, const char *path, char *err, size_t len)
{
    memset(o, 0, sizeof *o);
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    size_t n = strlen(path);
    o->path = strdup(path);
    o->tmp = malloc(n + sizeof ".tmp.XXXXXX");
    if (!o->path || !o->tmp) {
        snprintf(err, len, "cannot write '%s': out of memory", path);
        actent_out_abort(o);
        return -1;
    }
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        snprintf(err, len, "cannot write '%s': %s", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        actent_out_abort(o);
        return -1;
    }
    /* mkstemp makes the file 0600; a result file should read like any other */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    track(o->tmp, true);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        snprintf(err, len, "cannot write '%s': %s", path, strerror(errno));
        close(fd);
        actent_out_abort(o);
        return -1;
    }
    return 0;
}

int actent_out_commit(struct actent_out *o, char *err, size_t len)
{
    if (!o->tmp) {
        if (fflush(o->f) != 0 || ferror(o->f)) {
            snprintf(err, len, "cannot write to standard output: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    int bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
    int saved = errno;
    bad |= fclose(o->f) != 0;
    o->f = NULL;
    if (bad || rename(o->tmp, o->path) != 0) {
        snprintf(err, len, "cannot write '%s': %s", o->path, strerror(bad ? saved : errno));
        actent_out_abort(o);
        return -1;
    }
    track(o->tmp, false);
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return 0;
}

void actent_out_abort(struct actent_out *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    o->f = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        track(o->tmp, false);
        free(o->tmp);
    }
    free(o->path);
    o->tmp = o->path = NULL;
}
