/* SPDX-License-Identifier: MIT */
/* fileio: whole files in and out, the way every command needs them.
 *
 * Reading gives the whole file or a diagnostic naming it.
 *
 * Writing never leaves half a file, and what belongs together is replaced
 * together.  The files a step makes (a PDF; the 汇总表's CSV and PDF) are
 * gathered in memory in a file_set; committing writes each to a temporary
 * file beside its target, syncs them all, and only then renames each over
 * its target, so readers see the old files or the new ones; on any failure
 * every temporary file is removed and no target is touched.
 *
 * Interruption: while temporary files exist, the signals that end a run
 * (SIGHUP, SIGINT, SIGQUIT, SIGTERM) are blocked, so one that arrives is
 * acted on only after the renames, with nothing left behind; no handler and
 * no global state are needed.  Nothing is allocated while they exist, so
 * running out of memory (which exits, text.h) cannot strand one either.
 * SIGKILL, or a crash of the machine, can: a temporary file is named
 *     .gongwen-PID-HOST.XXXXXX
 * after the process that writes it, and a later run that writes into the
 * same folder removes those whose process is gone (same host, no such pid),
 * never those of a run still going, so runs may share a folder
 * (docs/batches.md).
 */
#ifndef GONGWEN_FILEIO_H
#define GONGWEN_FILEIO_H

#include <signal.h>
#include <stdbool.h>
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
/* The signals that end a run (SIGHUP, SIGINT, SIGQUIT, SIGTERM), as a set. */
void file_ending_signals(sigset_t *set);

typedef struct file_out {
    char *path;
    char *data;       /* NULL: path is to be removed */
    size_t len;
    const char *what; /* names the content in diagnostics, N_(): "cannot write PDF: …" */
} file_out;

/* Files to be replaced (or removed) together; {0} is an empty set. */
typedef struct file_set {
    file_out *items;
    size_t len, cap;
} file_set;

/* Adds path, to hold data (malloc'd; the set takes it), with the mode a plain
 * fopen would give. */
void file_set_put(file_set *s, const char *path, void *data, size_t len, const char *what);
/* Adds path, to be removed if it is a regular file: an output that is no
 * longer true. */
void file_set_remove(file_set *s, const char *path);
/* Writes, syncs and renames every file of s as one (see above), then empties
 * s; a path "-" is standard output, given its data once the rest is in
 * place.  The only partial outcome left is a rename failing after another
 * succeeded, which a full disk or a lack of memory cannot cause. */
int file_set_commit(file_set *s, diag_list *d);
void file_set_free(file_set *s);

/* Removes from dir (from path's folder) the temporary files of runs of this
 * host that were killed: a run calls it once per folder it writes into. */
void file_sweep_leftovers(const char *dir);
void file_sweep_leftovers_of(const char *path);

/* Why path cannot be mapped into memory (an errno value), or 0 if it can:
 * tells "out of memory" from a file a library could not open. */
int file_map_error(const char *path);

/* For a library that writes a file itself by name (libxlsxwriter): writes
 * the file at tmp, returns NULL or why it could not. */
typedef const char *(*file_writer)(const char *tmp, void *ctx);
/* Adds path to s, holding what write makes.  The library writes a temporary
 * file named as the set's are, beside path (a killed run's is swept like
 * theirs), with the ending signals held back; it is read back and removed
 * at once, so the set is committed as any. */
int file_set_put_written(file_set *s, const char *path, const char *what, file_writer write, void *ctx,
                         diag_list *d);

/* "rubrics/leshan-2012.md" → "leshan-2012": the file name less folder and
 * extension (caller frees). */
char *path_stem(const char *path);

/* A name (a unit's) as the name of a file in a folder: what cannot stand in
 * one on this system or on a Windows disk (/ \ : * ? " < > |, control
 * characters) and a leading '.' (a hidden file, or "..") become '_'
 * (caller frees). */
char *file_name_of(const char *name);

#endif
