/* SPDX-License-Identifier: MIT */
/* batchjobs: a batch's units scored over several processes (see batchjobs.h).
 *
 * A worker writes each outcome to its pipe as it is made, and the parent
 * reads the pipes in the order of the units: a worker ahead of the others
 * waits on a full pipe, none waits for ever.  A unit's result points at the
 * rubric's table it was scored against; a forked child shares the parent's
 * addresses, so that pointer is sent as it is.
 */
#include "batchjobs.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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
    FILE *from; /* its outcomes; NULL: it could not be started */
} worker;

/* The child's life: units w, w + jobs, ... scored and sent.  It ends by
 * _exit, running no exit handler of the parent's, flushing none of its
 * buffers. */
static _Noreturn void work(size_t w, size_t n, size_t jobs, unit_score_fn score, void *ctx, FILE *to)
{
    for (size_t i = w; i < n; i += jobs) {
        unit_outcome o = {0};
        score(ctx, i, &o);
        send_outcome(to, &o);
        if (fflush(to) != 0)
            _exit(1);
        unit_result_free(&o.res);
        diag_list_free(&o.d);
    }
    _exit(fclose(to) == 0 ? 0 : 1);
}

static worker start_worker(size_t w, size_t n, size_t jobs, unit_score_fn score, void *ctx, worker *started)
{
    int fds[2];
    if (pipe(fds) != 0)
        return (worker){-1, NULL};
    /* What this process has buffered is written once, not by every child. */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        for (size_t k = 0; k < w; k++) /* the others' pipes: a worker that stops is seen to stop */
            if (started[k].from)
                fclose(started[k].from);
        FILE *to = fdopen(fds[1], "wb");
        if (!to)
            _exit(1);
        work(w, n, jobs, score, ctx, to);
    }
    close(fds[1]);
    FILE *from = pid > 0 ? fdopen(fds[0], "rb") : NULL;
    if (!from)
        close(fds[0]);
    return (worker){pid, from};
}

void batch_score_units(size_t n, unsigned jobs, unit_score_fn score, unit_take_fn take, void *ctx)
{
    size_t nw = jobs < n ? jobs : n;
    if (nw <= 1) {
        for (size_t i = 0; i < n; i++) {
            unit_outcome o = {0};
            score(ctx, i, &o);
            take(ctx, i, &o);
        }
        return;
    }
    worker *ws = xcalloc(nw, sizeof *ws);
    for (size_t w = 0; w < nw; w++)
        ws[w] = start_worker(w, n, nw, score, ctx, ws);
    for (size_t i = 0; i < n; i++) {
        worker *w = &ws[i % nw];
        unit_outcome o = {0};
        if (!w->from || !receive_outcome(w->from, &o)) {
            unit_result_free(&o.res);
            o = (unit_outcome){.rc = -1, .d = o.d};
            diag_error(&o.d, NULL, 0, "a process scoring units of the batch stopped: unit %zu was not scored", i + 1);
            if (w->from)
                fclose(w->from);
            w->from = NULL;
        }
        take(ctx, i, &o);
    }
    for (size_t w = 0; w < nw; w++) {
        if (ws[w].from)
            fclose(ws[w].from);
        if (ws[w].pid > 0)
            while (waitpid(ws[w].pid, NULL, 0) < 0 && errno == EINTR)
                ;
    }
    free(ws);
}
