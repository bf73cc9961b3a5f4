/* SPDX-License-Identifier: MIT */
/* scoretable: many units' scores from one spreadsheet, a unit a row
 * (scoretable.c).
 *
 * The sheet is the one `gongwen template` writes (or any with the same
 * header row), in CSV or XLSX (spreadsheet.h):
 *
 *        A        B       C          D                  E          F
 *   1  单位     评分人  评分日期  1.1 广泛开展…（满分3分）  1.1 说明   1.2 …
 *   2  某工会    张三   2012-12-20         3            报送4篇      2
 *
 * - The header row is the first row with a cell 单位 (or 单位名称); rows above
 *   it (a title) are not read.  Its cells name the columns:
 *   单位; 评分人 (or 填表人); 评分日期 (or 日期); 缺项 (零分 or 报错); an item's
 *   number (model.h item_number: "1.1", or the 序号 "7"; the id always
 *   works), with anything after it (its name, its points) for people only;
 *   the same number followed by 说明, the remark on that item's score;
 *   序号, 合计, 总分 and 排名, which gongwen works out itself and does not read.
 *   Any other header, a number that names no item, or a number given twice
 *   is an error at its cell, and nothing of the sheet is read.
 * - A score cell holds what a scores file holds: points, a completion level,
 *   several levels as 基本完成、资料不全 (separated by 、，or ,), or 是/否 for a
 *   veto item.  A date cell may be a spreadsheet date.
 * - Each row becomes the tree of the scores file it stands for, each value
 *   placed at its cell (ytree.h), and is read by scores.c, so a row passes
 *   exactly the checks a scores file does, reported as 分数.xlsx:C7.
 * - An empty row is no unit.  A row with a 单位 and no score at all is a unit
 *   that has not reported: a warning, and no scoresheet.  A row with scores
 *   and no 单位, or a value in a column with no header, is an error at that
 *   cell, and the row gives no scoresheet; the other rows still do.
 */
#ifndef GONGWEN_SCORETABLE_H
#define GONGWEN_SCORETABLE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "scores.h"
#include "ytree.h"

/* The headers gongwen template writes (others are read too, see above). */
#define TABLE_UNIT   "单位"
#define TABLE_SCORER "评分人"
#define TABLE_DATE   "评分日期"
#define TABLE_REMARK "说明"

/* A row refused: the 单位 it names, and where. */
typedef struct refused_row {
    char *unit;
    int row;
} refused_row;

/* The scoresheets of the rows of path (.csv or .xlsx) against rubric (whose
 * numbering must be set: model.h).  Returns -1 when anything was wrong: the
 * file as a whole (then *n is 0) or some rows (then *out holds the others,
 * to be scored all the same).  refused (may be NULL) gets each refused row
 * that names a unit (*nrefused of them; the caller frees each unit and the
 * array).  The caller frees the sheets with scoresheets_free. */
int scoresheets_from_table(const char *path, const document *rubric, scoresheet ***out, size_t *n,
                           refused_row **refused, size_t *nrefused, diag_list *d);
void scoresheets_free(scoresheet **sheets, size_t n);
/* A score as a cell (or a form's field) holds it, as a scores file writes
 * it: points, a level, or a list of levels (基本完成、资料不全, separated by
 * 、，or ,), placed at row, column. */
ynode *score_cell_value(const char *text, int row, int column);

#endif
