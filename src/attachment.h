/* SPDX-License-Identifier: MIT */
/* attachment: the attachments of a document, each beginning a page.
 *
 * An attachment's first page has its label (附件, 附件2) flush left on the
 * first line, in Hei, and its title centred from the third line, broken
 * like the notice's title (whole words, balanced lines), then its notes.
 * Each 单位 follows with its 单位 line (wrapped if long), its table
 * (table.h) and the paragraph its FIELD_AFTER_TABLE field holds (a scored
 * copy's sums); a layout may start each 单位 on a new page, which then
 * repeats the title.  A landscape layout sets the pages on landscape sheets
 * (page.h).
 */
#ifndef GONGWEN_ATTACHMENT_H
#define GONGWEN_ATTACHMENT_H

#include "diag.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "typeset.h"

/* Appends the attachments' pages to out; errors (text that fits no cell) go
 * to d. */
void attachments_typeset(const document *doc, const layout *lay, shaper *sh, page_list *out, diag_list *d);

#endif
