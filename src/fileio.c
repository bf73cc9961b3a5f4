#include "fileio.h"

#include <errno.h>
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

int file_replace(const char *path, const void *data, size_t len, const char *what, diag_list *d)
{
    /* The rename would put a regular file in place of a folder, a pipe or a
     * device (-o /dev/null as root), not write into it. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return diag_error(d, path, 0, "cannot write %s: it exists and is not a regular file", what);
    char *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int rc = diag_error(d, path, 0, "cannot write %s: %s", what, strerror(errno));
        free(tmp);
        return rc;
    }
    /* mkstemp makes 0600; give the file the mode a plain fopen would.  umask
     * can only be read by setting it, so set it back at once. */
    mode_t mask = umask(0);
    umask(mask);
    int failed = fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0;
    int err = errno;
    if (close(fd) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    if (!failed && rename(tmp, path) != 0) {
        failed = 1;
        err = errno;
    }
    if (failed)
        unlink(tmp);
    free(tmp);
    return failed ? diag_error(d, path, 0, "cannot write %s: %s", what, strerror(err)) : 0;
}

int file_output(const char *path, const void *data, size_t len, const char *what, diag_list *d)
{
    if (strcmp(path, "-") != 0)
        return file_replace(path, data, len, what, d);
    if (fflush(stdout) != 0 || write_all(STDOUT_FILENO, data, len) != 0)
        return diag_error(d, NULL, 0, "cannot write %s to standard output: %s", what, strerror(errno));
    return 0;
}

char *path_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}
