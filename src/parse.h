/* SPDX-License-Identifier: MIT */
/* parse: a rubric file (front matter + CommonMark) into the model.
 *
 * Only syntax and shape are judged here: what is an attachment, a unit, a
 * category, an item, a field; points that cannot be read.  Whether the
 * document is complete and adds up is check.h's business.
 */
#ifndef GONGWEN_PARSE_H
#define GONGWEN_PARSE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

int rubric_parse_file(const char *path, document **out, diag_list *d);
/* Parses text in place (line ends made LF, front matter lines blanked); path
 * names it in diagnostics.  The document keeps a copy of text as its source
 * (rubric_parse_file: the file's bytes as read). */
int rubric_parse_text(const char *path, char *text, size_t len, document **out, diag_list *d);

#endif
