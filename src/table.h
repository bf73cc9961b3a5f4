/* table: one unit of an attachment as a rubric table, across pages. */
#ifndef GONGWEN_TABLE_H
#define GONGWEN_TABLE_H

#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "grade.h"
#include "scores.h"
#include "typeset.h"

/* Where typesetting stands: the pages so far, the current one, its text
 * frame, and the next free y on it, going down. */
typedef struct cursor {
    page_list *out;
    page *pg;
    frame fr;
    double y;
} cursor;

/* The header row, the unit's rows (new pages as needed, the header repeated
 * on each) and the total row, from cur->y down; cur is left below the table.
 * With grades, the 自评分 column is filled. */
void table_typeset(const table_layout *tl, const fontset *fs, cursor *cur, const attachment *a, const unit *u,
                   const grades *g);

#endif
