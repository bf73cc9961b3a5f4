/* attachment: the attachments of a rubric, typeset after its notice. */
#ifndef GONGWEN_ATTACHMENT_H
#define GONGWEN_ATTACHMENT_H

#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "grade.h"
#include "scores.h"

/* Appends the attachments' pages to out: label, title, then for each unit
 * (each on a new page) its 单位 line and table.  With grades (a scored
 * document), only the scored unit's table, its 自评分 filled and totalled,
 * and a summary of its grades; NULL gives the blank form. */
void attachments_typeset(const document *doc, const layout *lay, const fontset *fs, const grades *g,
                         page_list *out);

#endif
