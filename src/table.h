/* table: each attachment's rubric as tables, one per unit, on new pages. */
#ifndef GONGWEN_TABLE_H
#define GONGWEN_TABLE_H

#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "page.h"

/* Appends the attachments' pages to out: label, title, then for each unit
 * (each on a new page) its 单位 line and table. */
void attachments_typeset(const document *doc, const layout *lay, const fontset *fs, layout_doc *out);

#endif
