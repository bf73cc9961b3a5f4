/* SPDX-License-Identifier: MIT */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "intl.h"
#include "text.h"

int file_read(const char *path, size_t max, char **text, size_t *len, diag_list *d)
{
    *text = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return diag_error(d, path, 0, "cannot open: %s", strerror(errno));
    int rc = file_read_stream(f, path, max, text, len, d);
    fclose(f);
    return rc;
}

int file_read_stream(FILE *f, const char *path, size_t max, char **text, size_t *len, diag_list *d)
{
    *text = NULL;
    strbuf sb = {0};
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && (max == 0 || sb.len <= max))
        sb_put(&sb, chunk, n);
    int failed = ferror(f), err = errno;
    if (failed || (max > 0 && sb.len > max)) {
        sb_free(&sb);
        return failed ? diag_error(d, path, 0, "cannot read: %s", strerror(err))
                      : diag_error(d, path, 0, "larger than %zu MB: too large to be a gongwen input", max >> 20);
    }
    *len = sb.len;
    *text = sb_take(&sb);
    return 0;
}

int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

/* ---- file sets --------------------------------------------------------- */

#define TEMP_PREFIX ".gongwen-"

static file_out *set_add(file_set *s, const char *path)
{
    GROW(s->items, s->len, s->cap);
    file_out *f = memset(&s->items[s->len++], 0, sizeof(file_out));
    f->path = xstrdup(path);
    return f;
}

void file_set_put(file_set *s, const char *path, void *data, size_t len, const char *what)
{
    file_out *f = set_add(s, path);
    f->data = data;
    f->len = len;
    f->what = what;
}

void file_set_remove(file_set *s, const char *path)
{
    set_add(s, path);
}

void file_set_free(file_set *s)
{
    for (size_t i = 0; i < s->len; i++) {
        free(s->items[i].path);
        free(s->items[i].data);
    }
    free(s->items);
    memset(s, 0, sizeof *s);
}

/* The folder of path ("." for a bare name; caller frees). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return !slash ? xstrdup(".") : slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* This machine's name as it goes into temporary names: letters, digits,
 * '-' and '.', so that a name can be read back (see file_is_leftover). */
static void host_name(char host[65])
{
    if (gethostname(host, 65) != 0)
        strcpy(host, "localhost");
    host[64] = '\0';
    for (char *p = host; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.'))
            *p = '-';
}

/* Whether name is a temporary file of a gongwen process of this host that
 * no longer runs: TEMP_PREFIX PID '-' HOST '.' XXXXXX. */
static bool file_is_leftover(const char *name, const char *host)
{
    if (!starts_with(name, TEMP_PREFIX))
        return false;
    const char *p = name + strlen(TEMP_PREFIX), *dot = strrchr(name, '.');
    char *end;
    long pid = strtol(p, &end, 10);
    if (end == p || *end != '-' || pid <= 0 || pid > INT_MAX || !dot || strlen(dot) != 7)
        return false;
    const char *h = end + 1;
    if ((size_t)(dot - h) != strlen(host) || strncmp(h, host, (size_t)(dot - h)) != 0)
        return false;
    /* EPERM: it runs, under another user. */
    return (pid_t)pid != getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

void file_sweep_leftovers(const char *dir)
{
    char host[65];
    host_name(host);
    DIR *dp = opendir(dir);
    if (!dp)
        return; /* writing into it will say why */
    for (struct dirent *e; (e = readdir(dp)) != NULL;)
        if (file_is_leftover(e->d_name, host))
            (void)unlinkat(dirfd(dp), e->d_name, 0);
    closedir(dp);
}

void file_sweep_leftovers_of(const char *path)
{
    char *dir = dir_of(path);
    file_sweep_leftovers(dir);
    free(dir);
}

/* The failure of a commit: which file and why. */
typedef struct commit_error {
    const file_out *f;
    int err;          /* errno; 0 with a message of its own */
    const char *why;
} commit_error;

/* Writes f to a new temporary file named from the template tmp (changed in
 * place); its mode is that of a plain fopen. */
static int write_temp(const file_out *f, char *tmp, mode_t mode, bool *made)
{
    int fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    *made = true;
    int failed = fchmod(fd, mode) != 0 || write_all(fd, f->data, f->len) != 0 || fsync(fd) != 0;
    int err = errno;
    if (close(fd) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    errno = err;
    return failed ? -1 : 0;
}

/* The part of a commit run with signals blocked: everything it needs is
 * allocated beforehand (tmps, made). */
static int write_and_rename(file_set *s, char **tmps, bool *made, mode_t mode, commit_error *ce)
{
    size_t i;
    for (i = 0; i < s->len; i++)
        if (s->items[i].data && write_temp(&s->items[i], tmps[i], mode, &made[i]) != 0)
            break;
    if (i < s->len) {
        *ce = (commit_error){&s->items[i], errno, NULL};
        for (size_t k = 0; k < s->len; k++)
            if (made[k])
                unlink(tmps[k]);
        return -1;
    }
    for (i = 0; i < s->len; i++) {
        const file_out *f = &s->items[i];
        struct stat st; /* a removal takes a regular file, nothing else of that name */
        if (!f->data && (lstat(f->path, &st) != 0 || !S_ISREG(st.st_mode)))
            continue;
        if (f->data ? rename(tmps[i], f->path) != 0 : unlink(f->path) != 0) {
            *ce = (commit_error){f, errno, NULL};
            for (size_t k = i; k < s->len; k++)
                if (made[k])
                    unlink(tmps[k]);
            return -1;
        }
    }
    return 0;
}

/* Held back while a temporary file exists. */
void file_ending_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGQUIT);
    sigaddset(set, SIGTERM);
}

/* The template of a temporary file beside path (caller frees). */
static char *temp_template(const char *path, const char *host)
{
    char *dir = dir_of(path), *tmp = xasprintf("%s/" TEMP_PREFIX "%ld-%s.XXXXXX", dir, (long)getpid(), host);
    free(dir);
    return tmp;
}

static int commit_files(file_set *s, diag_list *d)
{
    commit_error ce = {0};
    /* The rename would put a regular file in place of a folder, a pipe or a
     * device (-o /dev/null as root), not write into it. */
    for (size_t i = 0; i < s->len && !ce.f; i++) {
        struct stat st;
        if (s->items[i].data && stat(s->items[i].path, &st) == 0 && !S_ISREG(st.st_mode))
            ce = (commit_error){&s->items[i], 0, _("it exists and is not a regular file")};
    }
    char host[65];
    host_name(host);
    char **tmps = xcalloc(s->len + 1, sizeof *tmps);
    bool *made = xcalloc(s->len + 1, sizeof *made);
    for (size_t i = 0; i < s->len && !ce.f; i++)
        tmps[i] = temp_template(s->items[i].path, host);
    /* umask can only be read by setting it, so set it back at once. */
    mode_t mask = umask(0);
    umask(mask);
    sigset_t ending, old;
    file_ending_signals(&ending);
    int rc = ce.f ? -1 : 0;
    if (rc == 0) {
        sigprocmask(SIG_BLOCK, &ending, &old);
        rc = write_and_rename(s, tmps, made, 0666 & ~mask, &ce);
        sigprocmask(SIG_SETMASK, &old, NULL);
    }
    if (rc != 0) {
        const char *what = _(ce.f->what ? ce.f->what : N_("the old file")), *why = ce.why ? ce.why : strerror(ce.err);
        if (ce.f->data)
            diag_error(d, ce.f->path, 0, "cannot write %s: %s", what, why);
        else
            diag_error(d, ce.f->path, 0, "cannot remove %s: %s", what, why);
    }
    for (size_t i = 0; i < s->len; i++)
        free(tmps[i]);
    free(tmps);
    free(made);
    file_set_free(s);
    return rc;
}

/* The entries for standard output ("-"), taken out of s: it cannot be
 * replaced, so it is given its data only once the rest is in place. */
static file_set take_stdout(file_set *s)
{
    file_set out = {0};
    size_t k = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (strcmp(s->items[i].path, "-") == 0) {
            GROW(out.items, out.len, out.cap);
            out.items[out.len++] = s->items[i];
        } else {
            s->items[k++] = s->items[i];
        }
    }
    s->len = k;
    return out;
}

static int write_stdout(const file_set *out, diag_list *d)
{
    for (size_t i = 0; i < out->len; i++)
        if (out->items[i].data && (fflush(stdout) != 0 || write_all(STDOUT_FILENO, out->items[i].data, out->items[i].len) != 0))
            return diag_error(d, NULL, 0, "cannot write %s to standard output: %s", _(out->items[i].what),
                              strerror(errno));
    return 0;
}

int file_set_commit(file_set *s, diag_list *d)
{
    file_set out = take_stdout(s);
    int rc = commit_files(s, d);
    if (rc == 0)
        rc = write_stdout(&out, d);
    file_set_free(&out);
    return rc;
}

int file_set_put_written(file_set *s, const char *path, const char *what, file_writer write, void *ctx,
                         diag_list *d)
{
    char host[65];
    host_name(host);
    char *tmp = temp_template(path, host);
    sigset_t ending, old;
    file_ending_signals(&ending);
    sigprocmask(SIG_BLOCK, &ending, &old);
    int fd = mkstemp(tmp);
    const char *failure = fd < 0 ? strerror(errno) : NULL;
    if (fd >= 0)
        close(fd);
    if (!failure)
        failure = write(tmp, ctx);
    char *data = NULL;
    size_t len = 0;
    diag_list read = {0};
    if (!failure && file_read(tmp, 0, &data, &len, &read) != 0)
        failure = _("cannot read back what was written");
    diag_list_free(&read);
    if (fd >= 0)
        unlink(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    free(tmp);
    if (failure) {
        free(data);
        return diag_error(d, path, 0, "cannot write %s: %s", _(what), failure);
    }
    file_set_put(s, path, data, len, what);
    return 0;
}

int file_map_error(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return errno;
    struct stat st;
    int err = fstat(fd, &st) != 0 ? errno : 0;
    if (err == 0 && st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED)
            err = errno;
        else
            munmap(p, (size_t)st.st_size);
    }
    close(fd);
    return err;
}


char *path_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

char *file_name_of(const char *name)
{
    strbuf sb = {0};
    for (const char *s = name; *s; s++)
        sb_putc(&sb, strchr("/\\:*?\"<>|", *s) || (unsigned char)*s < 0x20 || (s == name && *s == '.') ? '_' : *s);
    return sb_take(&sb);
}
