/* SPDX-License-Identifier: MIT */
/* templatexlsx: the template as an XLSX workbook, with libxlsxwriter (see
 * template.h).
 *
 * One sheet, 自评分: row 1 the headers (frozen, with the 单位 column), one
 * row per expected unit.  Each score cell is validated as the scores file
 * would be read: a number from 0 to the item's points (a stop), one of the
 * 评分档次 levels from a drop-down list (a warning only, since points are
 * accepted there too), or 是/否 for a veto item.  The full text of each item
 * is the comment on its header.
 */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "fileio.h"
#include "grade.h"
#include "intl.h"
#include "scoretable.h"
#include "scores.h"
#include "template.h"
#include "text.h"

#define FIXED_COLUMNS 3  /* 单位, 评分人, 评分日期 */
#define SPARE_ROWS 200   /* validated rows for units that write their own names */
#define LIST_MAX 255     /* Excel's limit on a validation list, in characters */

typedef struct formats {
    lxw_format *header, *name, *date;
} formats;

/* Appends entry (taken) to a NULL-terminated list unless Excel could not
 * hold it: a comma separates its entries, and all of them together are at
 * most LIST_MAX characters. */
static void list_add(char ***list, size_t *len, size_t *cap, size_t *chars, char *entry)
{
    size_t add = utf8_length(entry) + (*len > 0);
    if (*chars + add > LIST_MAX || strchr(entry, ',')) {
        free(entry);
        return;
    }
    *chars += add;
    if (*len + 1 >= *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *list = xrealloc(*list, *cap * sizeof **list);
    }
    (*list)[(*len)++] = entry;
    (*list)[*len] = NULL;
}

/* Level names as a drop-down: each level, then each level that gives a
 * share with each deduction (基本完成、资料不全), as far as Excel's limit
 * allows.  NULL-terminated, perhaps empty. */
static char **level_list(const char *levels)
{
    size_t n, len = 0, cap = 0, chars = 0;
    grade_level *l = levels_parse(levels, &n);
    char **list = xcalloc(1, sizeof *list);
    for (size_t i = 0; i < n; i++)
        list_add(&list, &len, &cap, &chars, xstrdup(l[i].name));
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n && l[i].pct >= 0; k++)
            if (l[k].pct < 0)
                list_add(&list, &len, &cap, &chars, xasprintf("%s、%s", l[i].name, l[k].name));
    levels_free(l, n);
    return list;
}

static void list_free(char **list)
{
    for (size_t i = 0; list && list[i]; i++)
        free(list[i]);
    free(list);
}

/* The validation of item it's score cells, from first to last row. */
static lxw_error validate(lxw_worksheet *ws, const item *it, const char *levels, lxw_row_t first, lxw_row_t last,
                          lxw_col_t col)
{
    char max[32];
    points_format(it->pts, max);
    char *msg = NULL;
    char **list = NULL;
    static char *veto[] = {"是", "否", NULL};
    lxw_data_validation v = {.show_input = LXW_VALIDATION_ON, .show_error = LXW_VALIDATION_ON};
    if (it->kind == KIND_VETO) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = veto;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        msg = xstrdup("一票否决项：发生填“是”，未发生填“否”。");
    } else if (levels && (list = level_list(levels))[0]) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = list;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        msg = xasprintf("选择评分档次，或填0至%s之间的分数。", max);
    } else {
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 0;
        v.maximum_number = (double)it->pts / POINTS_ONE;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        msg = xasprintf("填0至%s之间的分数，至多两位小数。", max);
    }
    v.input_message = msg;
    v.error_message = msg;
    lxw_error err = worksheet_data_validation_range(ws, first, col, last, col, &v);
    free(msg);
    list_free(list);
    return err;
}

/* Consecutive rows scoring the same item (or items alike) share one
 * validation range. */
static bool alike(const item *a, const char *la, const item *b, const char *lb)
{
    if (!a || !b)
        return a == b;
    return a->kind == b->kind && a->pts == b->pts && (la == lb || (la && lb && strcmp(la, lb) == 0));
}

static lxw_error validate_column(lxw_worksheet *ws, const template_plan *p, const template_column *c,
                                 lxw_col_t col)
{
    size_t rows = p->nrows;
    if (p->table && rows < SPARE_ROWS)
        rows = SPARE_ROWS;
    lxw_error err = LXW_NO_ERROR;
    const item *open = NULL;
    const char *open_levels = NULL;
    size_t start = 0;
    /* Data row i is the sheet's row i + 1 (0-based; the header is row 0). */
    for (size_t i = 0; i < rows && !err; i++) {
        template_row r = i < p->nrows ? p->rows[i] : (template_row){.table = p->table, .att = p->att};
        const item *it = template_item(p, &r, c);
        const char *levels = it ? item_field(it, r.table, r.att, FIELD_LEVELS) : NULL;
        if (i > 0 && alike(open, open_levels, it, levels))
            continue;
        if (open)
            err = validate(ws, open, open_levels, (lxw_row_t)start + 1, (lxw_row_t)i, col);
        open = it;
        open_levels = levels;
        start = i;
    }
    if (open && !err)
        err = validate(ws, open, open_levels, (lxw_row_t)start + 1, (lxw_row_t)rows, col);
    return err;
}

static lxw_error write_headers(lxw_worksheet *ws, const template_plan *p, const formats *f)
{
    static const char *const fixed[FIXED_COLUMNS] = {TABLE_UNIT, TABLE_SCORER, TABLE_DATE};
    static const double widths[FIXED_COLUMNS] = {30, 10, 12};
    lxw_error err = worksheet_set_row(ws, 0, 96, NULL);
    for (lxw_col_t k = 0; k < FIXED_COLUMNS && !err; k++)
        err = worksheet_write_string(ws, 0, k, fixed[k], f->header);
    for (lxw_col_t k = 0; k < FIXED_COLUMNS && !err; k++)
        err = worksheet_set_column(ws, k, k, widths[k], k == 0 ? f->name : k == 2 ? f->date : NULL);
    lxw_comment_options big = {.width = 360, .height = 180};
    for (size_t k = 0; k < p->ncols && !err; k++) {
        lxw_col_t col = (lxw_col_t)(FIXED_COLUMNS + 2 * k);
        char *h = template_header(&p->cols[k], "\n"), *r = template_remark_header(&p->cols[k]);
        const item *it = p->cols[k].first;
        err = worksheet_write_string(ws, 0, col, h, f->header);
        if (!err)
            err = worksheet_write_comment_opt(ws, 0, col, it->text[0] ? it->text : h, &big);
        if (!err)
            err = worksheet_write_string(ws, 0, col + 1, r, f->header);
        if (!err)
            err = worksheet_set_column(ws, col, col, 16, NULL);
        if (!err)
            err = worksheet_set_column(ws, col + 1, col + 1, 16, NULL);
        if (!err)
            err = validate_column(ws, p, &p->cols[k], col);
        free(h);
        free(r);
    }
    return err;
}

static const char *write_workbook(const char *tmp, void *ctx)
{
    const template_plan *p = ctx;
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb)
        return _("libxlsxwriter cannot make a workbook there");
    const char *title = p->doc->len > 0 ? p->doc->atts[0].title : NULL;
    char *full = xasprintf("%s 自评分", title ? title : "");
    /* Dated as the PDFs are: by SOURCE_DATE_EPOCH when set, so that the same
     * rubric gives the same bytes. */
    lxw_doc_properties props = {.title = full, .created = p->epoch >= 0 ? (time_t)p->epoch : 0};
    lxw_error err = workbook_set_properties(wb, &props);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "自评分");
    formats f = {
        .header = workbook_add_format(wb),
        .name = workbook_add_format(wb),
        .date = workbook_add_format(wb),
    };
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_bg_color(f.header, 0xE7E6E6);
    format_set_num_format(f.name, "@");
    format_set_num_format(f.date, "yyyy-mm-dd");
    if (!err && !ws)
        err = LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (!err)
        err = write_headers(ws, p, &f);
    for (size_t i = 0; i < p->nrows && !err; i++)
        err = worksheet_write_string(ws, (lxw_row_t)i + 1, 0, p->rows[i].unit_name, f.name);
    if (ws) {
        worksheet_freeze_panes(ws, 1, 1);
        /* Printed, each page repeats the headers and the units' names. */
        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, 9); /* A4 */
        worksheet_repeat_rows(ws, 0, 0);
        worksheet_repeat_columns(ws, 0, 0);
    }
    lxw_error closed = workbook_close(wb);
    free(full);
    return err ? lxw_strerror(err) : closed ? lxw_strerror(closed) : NULL;
}

int template_put_xlsx(const template_plan *p, const char *path, file_set *set, diag_list *d)
{
    return file_set_put_written(set, path, N_("template"), write_workbook, (void *)p, d);
}
