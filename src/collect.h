/* SPDX-License-Identifier: MIT */
/* collect: filled forms read back and scored (collect.c).
 *
 *   gongwen collect RUBRIC.md 一中.pdf 师院.pdf … [-o DIR]
 *
 * Each PDF is a form `gongwen build --fillable` made of this very rubric
 * (its /GongwenForm, pdfwrite.h, names the rubric's bytes and numbering; a
 * form of another rubric, of another version of it, or numbered otherwise
 * is refused, saying which), and its fields are those the form was made
 * with: a field gongwen did not make, one not a text field, or an item
 * without its field means the form was edited, and it is refused.  The
 * values become the scores file they stand for: 单位 (or the table's unit),
 * 填表人 as 评分人, 填表日期 as 评分日期, each item's field as its score, so
 * that a form is checked exactly as that file would be, and scored with the
 * others into the same PDFs and 汇总表 as a batch (batch.h).  A scored PDF
 * embeds that file, as NAME.pdf.yaml.
 *
 * A form of several tables (株洲: each unit its own) is filled in one table:
 * values in two tables are an error.  A form with a 单位 and no score has
 * not been filled in (a warning, no PDF).
 */
#ifndef GONGWEN_COLLECT_H
#define GONGWEN_COLLECT_H

#include <stdio.h>

#include "app.h"
#include "diag.h"

int app_collect(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);

#endif
