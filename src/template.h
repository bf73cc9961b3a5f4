/* SPDX-License-Identifier: MIT */
/* template: the forms a unit's 自评分 comes back in, made from the rubric
 * (template.c, templatexlsx.c).
 *
 *   gongwen template RUBRIC.md -o 分数.xlsx   one sheet, a unit a row
 *   gongwen template RUBRIC.md -o 分数.csv    the same as CSV, UTF-8 with BOM
 *   gongwen template RUBRIC.md -o DIR        one scores file (YAML) per unit
 *
 * Every item is a column headed by its number (model.h item_number), its
 * name and its points, followed by a 说明 column for the remark on it; the
 * rows are the expected units (roster.h roster_expected), pre-filled.  What
 * the sheet holds is read back by scoretable.h, and a skeleton by scores.h:
 * the template is that reader's header, never a second idea of it.
 *
 * A rubric of 单位 tables (each unit its own table) is one sheet all the
 * same: a row per unit, named; the columns are the items' numbers over all
 * tables, headed by the first table's names, and each row's cells are
 * checked against its own table's points.
 *
 * Nothing is overwritten that a unit may have filled: a skeleton already in
 * the folder is an error and no file is written.  The spreadsheet is written
 * whole or not at all.
 */
#ifndef GONGWEN_TEMPLATE_H
#define GONGWEN_TEMPLATE_H

#include <stdio.h>

#include "app.h"
#include "diag.h"
#include "fileio.h"
#include "model.h"

int app_template(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);

/* ---- shared by template.c and templatexlsx.c ---- */

/* One column of item scores: the number that keys it, and the item of the
 * first table that has it (its name and points head the column). */
typedef struct template_column {
    char *key;
    const item *first;
    bool same_points;    /* every table that has the item gives it the same points */
} template_column;

/* One row: a unit expected, and the table it fills in. */
typedef struct template_row {
    const char *unit_name; /* NULL: a row left for a unit to write its name */
    const unit *table;
    const attachment *att;
} template_row;

typedef struct template_plan {
    const document *doc;
    template_column *cols;
    size_t ncols;
    template_row *rows;
    size_t nrows;
    const unit *table;   /* a rubric of one table: it, for rows below the named ones */
    const attachment *att;
    long long epoch;     /* SOURCE_DATE_EPOCH, or -1 */
} template_plan;

/* The header of column c: number, name and points, joined by sep. */
char *template_header(const template_column *c, const char *sep);
/* The header of c's remark column. */
char *template_remark_header(const template_column *c);
/* The item of row r that column c scores, or NULL when its table has none. */
const item *template_item(const template_plan *p, const template_row *r, const template_column *c);

/* Adds the workbook at path to set. */
int template_put_xlsx(const template_plan *p, const char *path, file_set *set, diag_list *d);

#endif
