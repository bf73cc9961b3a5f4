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
#include <stdio.h>

#include "diag.h"

/* Reads path whole into a NUL-terminated buffer (caller frees).  max > 0
 * refuses larger files. */
int file_read(const char *path, size_t max, char **text, size_t *len, diag_list *d);
/* The same from an open stream (standard input), named path in diagnostics. */
int file_read_stream(FILE *f, const char *path, size_t max, char **text, size_t *len, diag_list *d);

/* Writes all of data to fd, resuming after interrupted or short writes. */
int write_all(int fd, const void *data, size_t len);

/* Replaces path with data, atomically, with the mode a plain fopen would give.
 * what names the content in the diagnostic: "cannot write PDF: …". */
int file_replace(const char *path, const void *data, size_t len, const char *what, diag_list *d);

/* file_replace, or for path "-" standard output, which cannot be replaced:
 * it is given the data only now that they are complete, all at once. */
int file_output(const char *path, const void *data, size_t len, const char *what, diag_list *d);

/* "rubrics/leshan-2012.md" → "leshan-2012": the file name less folder and
 * extension (caller frees). */
char *path_stem(const char *path);

#endif
