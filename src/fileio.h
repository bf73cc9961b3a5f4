/* fileio: whole files in and out, the way every command needs them.
 *
 * Reading gives the whole file or a diagnostic naming it.  Writing never
 * leaves half a file: data goes to a temporary file beside the target, is
 * synced, and is renamed over the target, so readers see the old file or the
 * new one; on failure the temporary file is removed and the target untouched.
 */
#ifndef GONGWEN_FILEIO_H
#define GONGWEN_FILEIO_H

#include <stddef.h>

#include "diag.h"

/* Reads path whole into a NUL-terminated buffer (caller frees).  max > 0
 * refuses larger files. */
int file_read(const char *path, size_t max, char **text, size_t *len, diag_list *d);

/* Writes all of data to fd, resuming after interrupted or short writes. */
int write_all(int fd, const void *data, size_t len);

/* Replaces path with data, atomically, with the mode a plain fopen would give.
 * what names the content in the diagnostic: "cannot write PDF: …". */
int file_replace(const char *path, const void *data, size_t len, const char *what, diag_list *d);

/* For a library that writes a file itself by name (libxlsxwriter): writes
 * the file at tmp, returns NULL or why it could not. */
typedef const char *(*file_writer)(const char *tmp, void *ctx);
/* Replaces path with what write makes at a temporary name beside it, just as
 * file_replace does. */
int file_replace_with(const char *path, const char *what, file_writer write, void *ctx, diag_list *d);

/* "rubrics/leshan-2012.md" → "leshan-2012": the file name less folder and
 * extension (caller frees). */
char *path_stem(const char *path);

#endif
