/* progress.c - a progress bar or occasional lines. */
#include "progress.h"

#include <time.h>

double actent_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void actent_progress_start(struct actent_progress *p, FILE *f, bool bar, const char *what)
{
    p->f = f;
    p->bar = bar;
    p->what = what;
    p->unit = "inputs";
    p->t0 = p->last_line = actent_now();
    p->last_pct = 0;
    p->tick = NULL;
    p->tick_ctx = NULL;
    p->stop = false;
}

static void fmt_time(char *buf, size_t len, double s)
{
    long t = (long)(s + 0.5);
    if (t >= 60)
        snprintf(buf, len, "%ldm%02lds", t / 60, t % 60);
    else
        snprintf(buf, len, "%lds", t);
}

static void draw(struct actent_progress *p, uint64_t done, uint64_t total);

bool actent_progress_update(struct actent_progress *p, uint64_t done, uint64_t total)
{
    if (p->tick && !p->stop && p->tick(p->tick_ctx, done, total) != 0)
        p->stop = true;
    if (p->f && total)
        draw(p, done, total);
    return p->stop;
}

static void draw(struct actent_progress *p, uint64_t done, uint64_t total)
{
    double now = actent_now(), el = now - p->t0, frac = (double)done / (double)total;
    int pct = (int)(100.0 * frac);
    char a[32], b[32];
    fmt_time(a, sizeof a, el);
    fmt_time(b, sizeof b, frac > 0.0 ? el / frac - el : 0.0);
    if (p->bar) {
        if (pct == p->last_pct && now - p->last_line < 1.0)
            return;
        enum { W = 30 };
        char bar[W + 1];
        for (int i = 0; i < W; i++)
            bar[i] = i < (int)(W * frac) ? '#' : '.';
        bar[W] = '\0';
        fprintf(p->f, "\r%s [%s] %3d%%  %s elapsed, %s left ", p->what, bar, pct, a,
                frac > 0.0 ? b : "?");
        fflush(p->f);
        p->last_pct = pct;
        p->last_line = now;
        return;
    }
    /* a line at each tenth once the run has taken 5 s, and every 30 s */
    bool tenth = pct / 10 != p->last_pct / 10 && el >= 5.0;
    if (!tenth && now - p->last_line < 30.0)
        return;
    fprintf(p->f, "%s: %d%% (%llu of %llu %s), %s elapsed, about %s left\n", p->what, pct,
            (unsigned long long)done, (unsigned long long)total, p->unit, a, b);
    fflush(p->f);
    p->last_pct = pct;
    p->last_line = now;
}

void actent_progress_end(struct actent_progress *p, uint64_t total)
{
    if (!p->f)
        return;
    char a[32];
    fmt_time(a, sizeof a, actent_now() - p->t0);
    if (p->bar)
        fprintf(p->f, "\r%s: %llu %s in %s%30s\n", p->what, (unsigned long long)total, p->unit, a,
                "");
    else
        fprintf(p->f, "%s: %llu %s in %s\n", p->what, (unsigned long long)total, p->unit, a);
    fflush(p->f);
}
