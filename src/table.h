/* SPDX-License-Identifier: MIT */
/* table: one unit of an attachment as a rubric table, across pages.
 *
 * Every column's content, width, alignment and merging comes from the layout
 * (layout.h); a cell's text is what its column shows of the item: its 序号,
 * category, name, text, points, or a field (the score and remark columns
 * show the 自评分 and 说明 fields, which only a scored copy has).  A table is
 * made in three steps:
 *   1. cells: each row's (item's) text per column, broken into lines (display
 *      text in narrow columns keeps words whole);
 *   2. slices: paginate.h decides which rows, and which lines of each cell,
 *      each page holds;
 *   3. drawing: the header row on every page, the parts of rows and merged
 *      cells, "（续）" heading a row's later part in its content column,
 *      the total row.
 * The columns filled in by hand or by a scored copy (score, remark, blank)
 * never make a row taller: their text fits the row the form gives it, set
 * smaller when it must; text that fits no size is an error at its line.
 */
#ifndef GONGWEN_TABLE_H
#define GONGWEN_TABLE_H

#include "diag.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "typeset.h"

/* Where typesetting stands: the pages so far, the current one, its text
 * frame, and the next free y on it, going down. */
typedef struct cursor {
    page_list *out;
    page *pg;
    frame fr;
    double y;
} cursor;

/* The unit's table from cur->y down; cur is left below it, with at least
 * after pt free on its page (kept with the total row).  file names the
 * document, for texts without a file of their own. */
void table_typeset(const layout *lay, shaper *sh, cursor *cur, const attachment *a, const unit *u, const char *file,
                   double after, diag_list *d);

#endif
