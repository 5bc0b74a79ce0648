/* outfile.c - write to a temporary, rename when whole; fatal signals clean up. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
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

/* The stream the result is built in: in memory for standard output and
 * special files (written at commit, so a failed run writes nothing there). */
static int open_memory(struct actent_out *o, const char *path, char *err, size_t len)
{
    o->f = open_memstream(&o->mem, &o->mem_len);
    if (!o->f) {
        snprintf(err, len, "cannot write '%s': cannot buffer the output: %s", path,
                 strerror(errno));
        actent_out_abort(o);
        return -1;
    }
    return 0;
}

/* A regular file (or none yet): a temporary beside it, renamed over it whole. */
static int open_temporary(struct actent_out *o, const char *path, char *err, size_t len)
{
    size_t n = strlen(path);
    o->tmp = malloc(n + sizeof ".tmp.XXXXXX");
    if (!o->tmp) {
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
        int e = errno;
        const char *slash = strrchr(path, '/');
        int dlen = !slash ? 1 : slash == path ? 1 : (int)(slash - path);
        char dir[4096];
        snprintf(dir, sizeof dir, "%.*s", dlen, slash ? path : ".");
        struct stat st;
        if (stat(dir, &st) != 0)
            snprintf(err, len, "cannot write '%s': its folder '%s' cannot be reached: %s", path,
                     dir, strerror(errno));
        else
            snprintf(err, len,
                     "cannot write '%s': the result goes to a temporary file renamed into place, "
                     "and none can be created in '%s' (%s)",
                     path, dir, strerror(e));
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

int actent_out_open(struct actent_out *o, const char *path, char *err, size_t len)
{
    memset(o, 0, sizeof *o);
    if (strcmp(path, "-") == 0) {
        o->to_stdout = true;
        return open_memory(o, "standard output", err, len);
    }
    /* a symbolic link is followed: the file it names is replaced, the link kept */
    struct stat st;
    char *real = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        real = realpath(path, NULL);
        if (!real) {
            snprintf(err, len, "cannot write '%s': it is a symbolic link to a missing file (%s)",
                     path, strerror(errno));
            return -1;
        }
    }
    o->path = real ? real : strdup(path);
    if (!o->path) {
        snprintf(err, len, "cannot write '%s': out of memory", path);
        return -1;
    }
    if (stat(o->path, &st) != 0) {
        if (errno != ENOENT) {
            snprintf(err, len, "cannot write '%s': %s", path, strerror(errno));
            actent_out_abort(o);
            return -1;
        }
        return open_temporary(o, o->path, err, len);
    }
    if (S_ISDIR(st.st_mode) || S_ISSOCK(st.st_mode)) {
        snprintf(err, len, "cannot write '%s': it is a %s", path,
                 S_ISDIR(st.st_mode) ? "directory" : "socket");
        actent_out_abort(o);
        return -1;
    }
    if (access(o->path, W_OK) != 0) {
        snprintf(err, len, "cannot write '%s': %s", path, strerror(errno));
        actent_out_abort(o);
        return -1;
    }
    if (S_ISREG(st.st_mode))
        return open_temporary(o, o->path, err, len);
    /* a device or a FIFO is written into, never replaced by a regular file */
    o->special = true;
    return open_memory(o, path, err, len);
}

/* Writes the buffered result to standard output or into a special file. */
static int write_memory(struct actent_out *o, char *err, size_t len)
{
    bool whole = fclose(o->f) == 0;
    o->f = NULL;
    const char *name = o->to_stdout ? "standard output" : o->path;
    if (!whole) {
        snprintf(err, len, "cannot write '%s': cannot buffer the output: %s", name,
                 strerror(errno));
        return -1;
    }
    int fd = o->to_stdout ? STDOUT_FILENO : open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (o->to_stdout)
        fflush(stdout);
    size_t done = 0;
    while (fd >= 0 && done < o->mem_len) {
        ssize_t w = write(fd, o->mem + done, o->mem_len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    int e = errno;
    if (fd >= 0 && !o->to_stdout && close(fd) != 0 && done == o->mem_len) {
        e = errno;
        done = 0;
    }
    if (done != o->mem_len) {
        snprintf(err, len, "cannot write '%s': %s", name, strerror(e ? e : EIO));
        return -1;
    }
    return 0;
}

int actent_out_commit(struct actent_out *o, char *err, size_t len)
{
    if (o->to_stdout || o->special) {
        int rc = write_memory(o, err, len);
        free(o->mem);
        o->mem = NULL;
        free(o->path);
        o->path = NULL;
        return rc;
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
