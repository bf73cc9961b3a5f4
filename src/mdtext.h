/* SPDX-License-Identifier: MIT */
/* mdtext: Markdown inline content as the plain text a document prints.
 *
 * Emphasis, strong text and links give their text; a soft line break joins
 * Chinese lines with nothing and Latin words with a space; a hard break is
 * a line feed; an HTML comment is dropped.  Inline HTML, images and control
 * characters that entities let through (&#x1b;) are findings at the
 * paragraph's line, and their text is left out.  A reader does not own its
 * file name, diagnostics or error count: the parser that made it does. */
#ifndef GONGWEN_MDTEXT_H
#define GONGWEN_MDTEXT_H

#include <cmark.h>
#include <stdbool.h>

#include "diag.h"
#include "text.h"

typedef struct mdtext {
    const char *file; /* where findings are reported */
    diag_list *d;
    int *errors;      /* counts each finding */
} mdtext;

/* Appends the text of n, an inline node. */
void mdtext_node(const mdtext *m, cmark_node *n, strbuf *sb);
/* Appends a literal read at line, tabs as spaces; a control character in
 * it is a finding and the literal is left out. */
void mdtext_literal(const mdtext *m, int line, strbuf *sb, const char *s);
/* The text of n's children, trimmed; the caller frees it. */
char *mdtext_of(const mdtext *m, cmark_node *n);

/* Whether an HTML literal is a comment, which the format allows. */
bool mdtext_is_comment(const char *html);
/* Whether n is a text node of spaces and tabs only. */
bool mdtext_is_blank(cmark_node *n);

#endif
