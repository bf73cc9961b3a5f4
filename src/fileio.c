#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

int file_read(const char *path, size_t max, char **text, size_t *len, diag_list *d)
{
    *text = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return diag_error(d, path, 0, "cannot open: %s", strerror(errno));
    strbuf sb = {0};
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && (max == 0 || sb.len <= max))
        sb_put(&sb, chunk, n);
    int failed = ferror(f), err = errno;
    fclose(f);
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

/* A new temporary file beside path, with the mode a plain fopen would give;
 * its descriptor, or -1 with a diagnostic. */
static int temp_beside(const char *path, const char *what, char **tmp, diag_list *d)
{
    /* The rename would put a regular file in place of a folder, a pipe or a
     * device (-o /dev/null as root), not write into it. */
    struct stat st;
    *tmp = NULL;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return diag_error(d, path, 0, "cannot write %s: it exists and is not a regular file", what);
    *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkstemp(*tmp);
    /* mkstemp makes 0600; give the file the mode a plain fopen would.  umask
     * can only be read by setting it, so set it back at once. */
    mode_t mask = umask(0);
    umask(mask);
    if (fd < 0 || fchmod(fd, 0666 & ~mask) != 0) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            unlink(*tmp);
        }
        free(*tmp);
        *tmp = NULL;
        return diag_error(d, path, 0, "cannot write %s: %s", what, strerror(err));
    }
    return fd;
}

/* Renames tmp over path, or removes it when the writing failed (err). */
static int put_in_place(char *tmp, const char *path, const char *what, const char *failure, diag_list *d)
{
    if (!failure && rename(tmp, path) != 0)
        failure = strerror(errno);
    if (failure)
        unlink(tmp);
    free(tmp);
    return failure ? diag_error(d, path, 0, "cannot write %s: %s", what, failure) : 0;
}

int file_replace(const char *path, const void *data, size_t len, const char *what, diag_list *d)
{
    char *tmp;
    int fd = temp_beside(path, what, &tmp, d);
    if (fd < 0)
        return -1;
    int failed = write_all(fd, data, len) != 0 || fsync(fd) != 0;
    int err = errno;
    if (close(fd) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    return put_in_place(tmp, path, what, failed ? strerror(err) : NULL, d);
}

int file_replace_with(const char *path, const char *what, file_writer write, void *ctx, diag_list *d)
{
    char *tmp;
    int fd = temp_beside(path, what, &tmp, d);
    if (fd < 0)
        return -1;
    close(fd);
    const char *failure = write(tmp, ctx);
    /* The library closed what it wrote; sync it before it replaces the target. */
    int sync = failure ? -1 : open(tmp, O_RDONLY);
    if (!failure && (sync < 0 || fsync(sync) != 0))
        failure = strerror(errno);
    if (sync >= 0)
        close(sync);
    return put_in_place(tmp, path, what, failure, d);
}

char *path_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}
