/* SPDX-License-Identifier: MIT */
/* notice: the 通知 itself, laid out as GB/T 9704-2012 asks.
 *
 * Page 1 carries the 版头 (发文机关标志 in red, 发文字号, the red rule),
 * then the 标题 (balanced lines, whole words, the organ's name alone on the
 * first line where that keeps the line count), 主送机关 (broken after 、，；
 * only), the body on the grid of lines_per_page × chars_per_line, the
 * 附件说明 (附件：1.XXX, 2.XXX under it, wrapped names aligned with their
 * first character), 署名 and 成文日期 (7.3.5.2; the sealed rule of 7.3.5.1
 * where the layout says so).
 *
 * The notice is made as a list of grid lines first and cut into pages
 * second.  A heading line is never the last of its page; the 附件说明, 署名
 * and 成文日期 are never on a page without body text: the page that would
 * leave them alone holds up to squeeze_lines more lines at a tighter pitch
 * (7.3.5.5), or, when that is not enough, gives them its last two body lines.
 * A paragraph that opens with a heading (一、总体要求。全市…) has only the
 * heading in the heading's face.  Every number comes from the layout.
 * The 版记 and page numbers are the whole document's (compose.h).
 */
#ifndef GONGWEN_NOTICE_H
#define GONGWEN_NOTICE_H

#include "diag.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "typeset.h"

/* Appends the notice's pages to out.  The document must have passed check:
 * the notice's required front-matter keys are present.  A part that cannot
 * be set as the standard asks (a 发文字号 or 署名 wider than its line) is an
 * error at its line in d; a title longer than the first page, a warning. */
void notice_typeset(const document *doc, const layout *lay, shaper *sh, page_list *out, diag_list *d);

#endif
