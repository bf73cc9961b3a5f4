/* SPDX-License-Identifier: MIT */
/* batchjobs: a batch's units scored over several processes (see batchjobs.h).
 *
 * A worker writes each outcome to its pipe as it is made, and the parent
 * reads the pipes in the order of the units: a worker ahead of the others
 * waits on a full pipe, none waits for ever.  A unit's result points at the
 * rubric's table it was scored against; a forked child shares the parent's
 * addresses, so that pointer is sent as it is.
 *
 * A signal that ends a run (fileio.c's: SIGTERM, SIGINT, SIGHUP, SIGQUIT)
 * sent to this process is passed on to the workers, waited for, and then
 * ends this one as it would have: each worker finishes the file it is
 * writing, as a serial run does, and the run's exit status is the signal's.
 * A worker dies with this process (SIGKILL too), as a serial run's writing
 * would.
 */
#include "batchjobs.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "intl.h"
#include "text.h"

unsigned batch_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 1 ? (unsigned)n : 1;
}

/* ---- an outcome on a pipe ----------------------------------------------- */

static void put(FILE *f, const void *p, size_t n)
{
    if (n)
        fwrite(p, 1, n, f);
}

static void put_string(FILE *f, const char *s)
{
    size_t n = s ? strlen(s) : SIZE_MAX;
    put(f, &n, sizeof n);
    put(f, s, s ? n : 0);
}

static void send_outcome(FILE *f, const unit_outcome *o)
{
    const unit_result *r = &o->res;
    uintptr_t table = (uintptr_t)r->table;
    put(f, &o->rc, sizeof o->rc);
    put_string(f, r->unit);
    put(f, &table, sizeof table);
    bool has_parts = r->parts != NULL;
    put(f, &r->nparts, sizeof r->nparts);
    put(f, &has_parts, sizeof has_parts);
    put(f, r->parts, r->parts ? r->nparts * sizeof *r->parts : 0);
    put(f, r->part_vetoed, r->part_vetoed ? r->nparts * sizeof *r->part_vetoed : 0);
    put(f, &r->total, sizeof r->total);
    put(f, &r->bonus, sizeof r->bonus);
    put(f, &r->vetoed, sizeof r->vetoed);
    put(f, &o->d.len, sizeof o->d.len);
    for (size_t k = 0; k < o->d.len; k++) {
        const diag *g = &o->d.items[k];
        put(f, &g->level, sizeof g->level);
        put_string(f, g->file);
        put(f, &g->line, sizeof g->line);
        put(f, &g->column, sizeof g->column);
        put_string(f, g->message);
    }
}

static bool get(FILE *f, void *p, size_t n)
{
    return n == 0 || fread(p, 1, n, f) == n;
}

static bool get_string(FILE *f, char **s)
{
    size_t n;
    *s = NULL;
    if (!get(f, &n, sizeof n))
        return false;
    if (n == SIZE_MAX)
        return true;
    if (n > (1u << 30))
        return false;
    *s = xmalloc(n + 1);
    (*s)[n] = '\0';
    return get(f, *s, n);
}

/* Some parts of o may be filled when it returns false. */
static bool receive_outcome(FILE *f, unit_outcome *o)
{
    unit_result *r = &o->res;
    uintptr_t table;
    bool has_parts;
    if (!get(f, &o->rc, sizeof o->rc) || !get_string(f, &r->unit) || !get(f, &table, sizeof table) ||
        !get(f, &r->nparts, sizeof r->nparts) || r->nparts > (1u << 20) || !get(f, &has_parts, sizeof has_parts))
        return false;
    r->table = (const unit *)table;
    if (has_parts) {
        r->parts = xcalloc(r->nparts + 1, sizeof *r->parts);
        r->part_vetoed = xcalloc(r->nparts + 1, sizeof *r->part_vetoed);
        if (!get(f, r->parts, r->nparts * sizeof *r->parts) ||
            !get(f, r->part_vetoed, r->nparts * sizeof *r->part_vetoed))
            return false;
    }
    size_t nd;
    if (!get(f, &r->total, sizeof r->total) || !get(f, &r->bonus, sizeof r->bonus) ||
        !get(f, &r->vetoed, sizeof r->vetoed) || !get(f, &nd, sizeof nd))
        return false;
    for (size_t k = 0; k < nd; k++) {
        diag g = {0};
        bool ok = get(f, &g.level, sizeof g.level) && get_string(f, &g.file) && get(f, &g.line, sizeof g.line) &&
                  get(f, &g.column, sizeof g.column) && get_string(f, &g.message);
        GROW(o->d.items, o->d.len, o->d.cap);
        o->d.items[o->d.len++] = g;
        if (!ok)
            return false;
    }
    return true;
}

/* ---- the workers -------------------------------------------------------- */

typedef struct worker {
    pid_t pid;
    int from; /* its outcomes; -1: it could not be started, or has stopped */
} worker;

/* One outcome, framed by its length, in one piece. */
static bool send_frame(int fd, const unit_outcome *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return false;
    send_outcome(f, o);
    bool ok = fclose(f) == 0 && write_all(fd, &len, sizeof len) == 0 && write_all(fd, buf, len) == 0;
    free(buf);
    return ok;
}

/* The child's life: units w, w + jobs, ... scored and sent.  It ends by
 * _exit, running no exit handler of the parent's, flushing none of its
 * buffers. */
static _Noreturn void work(size_t w, size_t n, size_t jobs, unit_score_fn score, void *ctx, int to)
{
    for (size_t i = w; i < n; i += jobs) {
        unit_outcome o = {0};
        score(ctx, i, &o);
        if (!send_frame(to, &o))
            _exit(1);
        unit_result_free(&o.res);
        diag_list_free(&o.d);
    }
    _exit(close(to) == 0 ? 0 : 1);
}

static worker start_worker(size_t w, size_t n, size_t jobs, unit_score_fn score, void *ctx, const worker *started,
                           const sigset_t *mask, pid_t parent)
{
    int fds[2];
    if (pipe(fds) != 0)
        return (worker){-1, -1};
    /* What this process has buffered is written once, not by every child. */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(1);
        sigprocmask(SIG_SETMASK, mask, NULL);
        close(fds[0]);
        for (size_t k = 0; k < w; k++) /* the others' pipes: a worker that stops is seen to stop */
            if (started[k].from >= 0)
                close(started[k].from);
        work(w, n, jobs, score, ctx, fds[1]);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return (worker){-1, -1};
    }
    return (worker){pid, fds[0]};
}

/* Reads n bytes from fd, watching sigfd: 1 read, 0 the pipe ended or
 * failed, or minus the number of the ending signal that came. */
static int read_watching(int fd, int sigfd, char *p, size_t n)
{
    while (n > 0) {
        struct pollfd pf[2] = {{.fd = fd, .events = POLLIN}, {.fd = sigfd, .events = POLLIN}};
        if (poll(pf, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 0;
        }
        if (pf[1].revents & POLLIN) {
            struct signalfd_siginfo si;
            if (read(sigfd, &si, sizeof si) == (ssize_t)sizeof si)
                return -(int)si.ssi_signo;
        }
        if (!(pf[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        ssize_t k = read(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return 0;
        p += k;
        n -= (size_t)k;
    }
    return 1;
}

/* The next outcome from a worker into o: 1, 0 when it sent none, or minus
 * the number of the ending signal that came meanwhile. */
static int receive_frame(int fd, int sigfd, unit_outcome *o)
{
    size_t len;
    int r = read_watching(fd, sigfd, (char *)&len, sizeof len);
    if (r != 1)
        return r;
    if (len > ((size_t)1 << 30))
        return 0;
    char *buf = xmalloc(len + 1);
    r = read_watching(fd, sigfd, buf, len);
    FILE *f = r == 1 ? fmemopen(buf, len, "rb") : NULL;
    if (f) {
        r = receive_outcome(f, o) && fgetc(f) == EOF ? 1 : 0;
        fclose(f);
    } else if (r == 1) {
        r = 0;
    }
    free(buf);
    return r;
}

static void wait_workers(worker *ws, size_t nw, int sig)
{
    for (size_t w = 0; w < nw; w++) {
        if (ws[w].from >= 0)
            close(ws[w].from);
        if (ws[w].pid > 0 && sig)
            kill(ws[w].pid, sig);
    }
    for (size_t w = 0; w < nw; w++)
        if (ws[w].pid > 0)
            while (waitpid(ws[w].pid, NULL, 0) < 0 && errno == EINTR)
                ;
}

void batch_score_units(size_t n, unsigned jobs, unit_score_fn score, unit_take_fn take, void *ctx)
{
    size_t nw = jobs < n ? jobs : n;
    sigset_t ending, old;
    file_ending_signals(&ending);
    int sigfd = -1;
    if (nw > 1 && sigprocmask(SIG_BLOCK, &ending, &old) == 0 && (sigfd = signalfd(-1, &ending, SFD_CLOEXEC)) < 0)
        sigprocmask(SIG_SETMASK, &old, NULL);
    if (sigfd < 0) {
        for (size_t i = 0; i < n; i++) {
            unit_outcome o = {0};
            score(ctx, i, &o);
            take(ctx, i, &o);
        }
        return;
    }
    worker *ws = xcalloc(nw, sizeof *ws);
    pid_t self = getpid();
    for (size_t w = 0; w < nw; w++)
        ws[w] = start_worker(w, n, nw, score, ctx, ws, &old, self);
    int sig = 0;
    for (size_t i = 0; i < n && !sig; i++) {
        worker *w = &ws[i % nw];
        unit_outcome o = {0};
        int r = w->from >= 0 ? receive_frame(w->from, sigfd, &o) : 0;
        if (r < 0) {
            sig = -r;
            unit_result_free(&o.res);
            diag_list_free(&o.d);
            break;
        }
        if (r == 0) { /* what came of it may be cut short: none of it is kept */
            unit_result_free(&o.res);
            diag_list_free(&o.d);
            o = (unit_outcome){.rc = -1};
            diag_error(&o.d, NULL, 0, "a process scoring units of the batch stopped: unit %zu was not scored", i + 1);
            if (w->from >= 0)
                close(w->from);
            w->from = -1;
        }
        take(ctx, i, &o);
    }
    wait_workers(ws, nw, sig);
    free(ws);
    close(sigfd);
    /* A signal that came is pending again, and ends this process as it
     * would have ended it without the workers. */
    if (sig)
        kill(getpid(), sig);
    sigprocmask(SIG_SETMASK, &old, NULL);
}
