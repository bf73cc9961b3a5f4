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
/* Parses text in place (front matter lines are blanked); path names it in diagnostics. */
int rubric_parse_text(const char *path, char *text, size_t len, document **out, diag_list *d);

/* Reads "3", "2.5分", "20分" into hundredths.  Fails with a message in *why
 * (static text) for anything else, e.g. full-width digits or three decimals. */
int points_parse(const char *s, points *out, const char **why);

/* Appends to sub every "（5分）" / "(2分)" found in text. */
void points_scan_inline(const char *text, subpoint_list *sub);

#endif
