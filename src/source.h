/* SPDX-License-Identifier: MIT */
/* source: checking a rubric's text and splitting off its front matter.
 *
 * The text handed on keeps the file's line numbering exactly: the front
 * matter's lines are blanked, not removed, so every later parser reports the
 * line the clerk sees in the editor.
 */
#ifndef GONGWEN_SOURCE_H
#define GONGWEN_SOURCE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* A rubric is tens of KB (the largest real one 18 KB); 1 MB is not a rubric,
 * and refusing it bounds the time a pathological file can take. */
#define SOURCE_MAX_BYTES (1u << 20)

/* Checks a rubric's text (len bytes, NUL-terminated; path names it): refuses
 * UTF-16, NUL bytes, invalid UTF-8 and control characters (text.h
 * cp_is_control), with the line of the first bad byte.  Line ends (CR LF,
 * CR) become LF first, in place, so every line is counted alike; a leading
 * BOM is dropped. */
int source_accept(const char *path, char *text, size_t *len, diag_list *d);

/* Moves the front matter of text (if it starts with a '---' line) into
 * doc->meta, blanking its lines in text. */
int source_front_matter(char *text, size_t len, document *doc, diag_list *d);

#endif
