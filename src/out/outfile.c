/* outfile.c - write to a temporary, rename when whole; fatal signals clean up. */
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

/* The signals that end a run by default: interruption, termination, a closed
 * pipe on standard output (actent ... | head), a file-size limit, and SIGBUS,
 * which a mapped input file raises if another process truncates it. */
static const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ, SIGBUS};
#define NFATAL (sizeof fatal / sizeof fatal[0])

static void on_signal(int sig)
{
    static const char bus[] = "actent: an input file shrank while it was mapped (SIGBUS); "
                              "no result written\n";
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    if (sig == SIGBUS) {
        ssize_t w = write(STDERR_FILENO, bus, sizeof bus - 1);
        (void)w; /* a failed message changes nothing */
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install(int sig)
{
    struct sigaction sa, old;
    /* a signal ignored by whoever started us (a background job's SIGINT) stays ignored */
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void track(char *tmp, bool add)
{
    static bool installed;
    if (!installed) {
        for (size_t i = 0; i < NFATAL; i++)
            install(fatal[i]);
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
        o->to_stdout = true;
        o->f = open_memstream(&o->mem, &o->mem_len);
        if (!o->f) {
            snprintf(err, len, "cannot buffer the output: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, len, "cannot write '%s': it is a directory", path);
        return -1;
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
    /* no signal between creating the temporary and registering it for removal */
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < NFATAL; i++)
        sigaddset(&block, fatal[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(o->tmp);
    if (fd >= 0)
        track(o->tmp, true);
    sigprocmask(SIG_SETMASK, &old, NULL);
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
    if (o->to_stdout) {
        bool whole = fclose(o->f) == 0;
        o->f = NULL;
        if (!whole) {
            snprintf(err, len, "cannot buffer the output: %s", strerror(errno));
        } else if (fwrite(o->mem, 1, o->mem_len, stdout) != o->mem_len || fflush(stdout) != 0) {
            snprintf(err, len, "cannot write to standard output: %s", strerror(errno));
            whole = false;
        }
        free(o->mem);
        o->mem = NULL;
        return whole ? 0 : -1;
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
    if (o->f)
        fclose(o->f);
    o->f = NULL;
    free(o->mem);
    o->mem = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        track(o->tmp, false);
        free(o->tmp);
    }
    free(o->path);
    o->tmp = o->path = NULL;
}
