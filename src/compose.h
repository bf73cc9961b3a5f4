/* SPDX-License-Identifier: MIT */
/* compose: a whole document's pages, in the order GB/T 9704 binds them.
 *
 *   notice (notice.h) → attachments, each on new pages (attachment.h) →
 *   版记 at the foot of the last page (7.4) → page numbers (7.5)
 *
 * The 版记 (抄送, wrapped after 、，； with its continuation aligned after
 * 抄送：; 印发机关 and 印发日期) sits on the last lines of the last page, or
 * of a page of its own when the last page has no room (or is a landscape
 * sheet).  Where the layout prints double-sided (colophon_on_even_page), the
 * 版记 goes on an even page; a blank page put before it for that, and the
 * 版记 page after it, carry no page number.  Page numbers are "— N —", 4号
 * half-width digits, odd pages right and even pages left, one character in,
 * page_number_gap_mm below the text area.
 */
#ifndef GONGWEN_COMPOSE_H
#define GONGWEN_COMPOSE_H

#include "diag.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "typeset.h"

/* Appends doc's pages to out.  notice: the document's notice pages, typeset
 * once already (a batch reuses the form's), copied in; NULL typesets them
 * here when the document has a notice. */
void compose_document(const document *doc, const layout *lay, shaper *sh, const page_list *notice, page_list *out,
                      diag_list *d);

/* Teaches sh the document's own names, which no line break splits: its
 * organs, units and categories (compose_document does it itself). */
void compose_learn_names(shaper *sh, const document *doc);

#endif
