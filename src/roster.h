/* SPDX-License-Identifier: MIT */
/* roster: the 单位名单, the units a rubric expects to report (roster.c).
 *
 * The front matter names it in one of two ways:
 *
 *   单位名单:                        a list, one unit a line
 *     - 乐山市第一中学工会
 *     - 乐山师范学院工会
 *
 *   单位名单: 单位名单.xlsx           a file beside the rubric:
 *                                   .txt   one unit a line (UTF-8 or GB18030;
 *                                          blank lines and # remarks skipped)
 *                                   .csv, .xlsx   the column headed 单位 or
 *                                          单位名称, or else the first column
 *
 * Each name keeps where it was written (a line, or a cell), so that a name
 * given twice, or a unit that sent nothing, is reported where the clerk can
 * mend it.
 */
#ifndef GONGWEN_ROSTER_H
#define GONGWEN_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "scores.h"
#include "ytree.h"

/* The front matter's 单位名单 value (at key_line) into doc->roster: the
 * list's names, or those of the file it names, read now. */
int roster_from_front_matter(document *doc, const ynode *value, int key_line, diag_list *d);

/* The list itself (check.c): a unit named twice, and, in a rubric of 单位
 * tables, a unit with no table, are errors at the name. */
int roster_check(const document *doc, diag_list *d);

/* The units a batch of the rubric expects: its 单位名单, or, with none, the
 * units of its 单位 tables (each table is a unit that reports); empty for a
 * rubric of one table and no 单位名单.  out is a copy. */
void roster_expected(const document *doc, roster *out);

/* A batch's scoresheets held against the expected units r (may be empty):
 * reports, at level (a warning, or an error under --strict), each unit on r
 * that no sheet names, each sheet whose unit is not on r, and each sheet
 * whose unit an earlier sheet already gave (the last also with no roster).
 * reported (r->len entries, may be NULL) gets whether each unit of r has a
 * sheet: those that have none are 未报 in the 汇总表.  Returns the number of
 * findings. */
size_t roster_check_sheets(const roster *r, const scoresheet *const *sheets, size_t n, diag_level level,
                           bool *reported, diag_list *d);

#endif
