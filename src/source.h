/* source: reading a rubric file and splitting off its front matter.
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

#define SOURCE_MAX_BYTES (16u << 20) /* a rubric is tens of KB; 16 MB is not a rubric */

/* Reads path whole.  Refuses unreadable files, NUL bytes and invalid UTF-8
 * (with the line of the first bad byte).  A leading BOM is dropped. */
int source_read(const char *path, char **text, size_t *len, diag_list *d);

/* Moves the front matter of text (if it starts with a '---' line) into
 * doc->meta, blanking its lines in text. */
int source_front_matter(char *text, size_t len, document *doc, diag_list *d);

#endif
