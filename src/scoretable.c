/* SPDX-License-Identifier: MIT */
/* scoretable: a spreadsheet's rows read as scores files (see scoretable.h). */
#include "scoretable.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "spreadsheet.h"
#include "text.h"
#include "ytree.h"

typedef enum { COL_NONE, COL_UNIT, COL_SCORER, COL_DATE, COL_MISSING, COL_IGNORED, COL_SCORE, COL_REMARK } col_kind;

typedef struct column_role {
    col_kind kind;
    char *key;           /* COL_SCORE, COL_REMARK: the item's number as the header writes it */
} column_role;

typedef struct header {
    int row;
    column_role *cols;   /* cols[k] is column k + 1 */
    size_t len;
    int unit;            /* the 单位 column */
} header;

static const struct {
    const char *text;
    col_kind kind;
} named_columns[] = {
    {TABLE_UNIT, COL_UNIT},   {"单位名称", COL_UNIT},  {TABLE_SCORER, COL_SCORER}, {"填表人", COL_SCORER},
    {TABLE_DATE, COL_DATE},   {"日期", COL_DATE},      {"填表日期", COL_DATE}, {"缺项", COL_MISSING},
    {"序号", COL_IGNORED},    {"合计", COL_IGNORED},   {"总分", COL_IGNORED},  {"排名", COL_IGNORED},
};
#define NNAMED (sizeof named_columns / sizeof named_columns[0])


static col_kind named_kind(const char *s)
{
    for (size_t i = 0; s && i < NNAMED; i++)
        if (strcmp(s, named_columns[i].text) == 0)
            return named_columns[i].kind;
    return COL_NONE;
}

/* Bytes of the item number at the start of s: digits, or digits.digits. */
static size_t number_length(const char *s)
{
    size_t n = strspn(s, "0123456789");
    if (n > 0 && s[n] == '.' && s[n + 1] >= '0' && s[n + 1] <= '9')
        n += 1 + strspn(s + n + 1, "0123456789");
    return n;
}

static bool names_an_item(const document *doc, const char *key)
{
    size_t index;
    for (size_t a = 0; a < doc->len; a++)
        for (size_t u = 0; u < doc->atts[a].len; u++)
            if (unit_item_by_number(&doc->atts[a].units[u], doc->numbering, key, &index))
                return true;
    return false;
}

/* What header cell text says its column holds; an error at the cell if
 * nothing known. */
static int classify(const spreadsheet *s, const document *doc, int row, int column, const char *text,
                    column_role *role, diag_list *d)
{
    role->kind = named_kind(text);
    if (role->kind != COL_NONE)
        return 0;
    size_t n = number_length(text);
    if (n == 0 || (text[n] >= '0' && text[n] <= '9'))
        return diag_error_at(d, s->path, row, column, "unknown column '%s': a column is headed 单位, 评分人, "
                             "评分日期, 缺项, or an item's number (with its name, or %s)", text, TABLE_REMARK);
    role->key = xstrndup(text, n);
    char *rest = trim(xstrdup(text + n));
    role->kind = strcmp(rest, TABLE_REMARK) == 0 ? COL_REMARK : COL_SCORE;
    free(rest);
    if (!names_an_item(doc, role->key))
        return diag_error_at(d, s->path, row, column, "column '%s': the rubric has no item %s", text, role->key);
    return 0;
}

static void header_free(header *h)
{
    for (size_t k = 0; k < h->len; k++)
        free(h->cols[k].key);
    free(h->cols);
}

/* The index of the header row: the first with a cell 单位; s->len if none. */
static size_t header_row(const spreadsheet *s)
{
    for (size_t i = 0; i < s->len; i++)
        for (size_t k = 0; k < s->rows[i].len; k++)
            if (named_kind(s->rows[i].cells[k].text) == COL_UNIT)
                return i;
    return s->len;
}

/* The column before k that holds what k holds, or -1. */
static long earlier_same(const header *h, size_t k)
{
    const column_role *b = &h->cols[k];
    for (size_t j = 0; j < k; j++) {
        const column_role *a = &h->cols[j];
        if (a->kind != b->kind || a->kind == COL_NONE || a->kind == COL_IGNORED)
            continue;
        if (!a->key || strcmp(a->key, b->key) == 0)
            return (long)j;
    }
    return -1;
}

/* Whether the score column of key is there. */
static bool has_score_column(const header *h, const char *key)
{
    for (size_t j = 0; j < h->len; j++)
        if (h->cols[j].kind == COL_SCORE && strcmp(h->cols[j].key, key) == 0)
            return true;
    return false;
}

/* The header row, its columns classified; *at gets its index. */
static int read_header(const spreadsheet *s, const document *doc, header *h, size_t *at, diag_list *d)
{
    memset(h, 0, sizeof *h);
    *at = header_row(s);
    if (*at == s->len)
        return diag_error(d, s->path, 0, "no header row: no cell reads 单位 (the row that names the columns: "
                          "单位, then each item's number, as gongwen template writes it)");
    const sheet_row *r = &s->rows[*at];
    h->row = r->row;
    h->len = r->len;
    h->cols = xcalloc(r->len + 1, sizeof *h->cols);
    int rc = 0;
    char where[16];
    for (size_t k = 0; k < r->len; k++) {
        const char *text = r->cells[k].text;
        int column = (int)k + 1;
        if (!text)
            continue;
        if (classify(s, doc, h->row, column, text, &h->cols[k], d) < 0) {
            rc = -1;
            continue;
        }
        long twin = earlier_same(h, k);
        if (twin >= 0)
            rc = diag_error_at(d, s->path, h->row, column, "column '%s' repeats column %s", text,
                               cell_name(h->row, (int)twin + 1, where));
        if (h->cols[k].kind == COL_UNIT)
            h->unit = column;
    }
    for (size_t k = 0; k < h->len; k++)
        if (h->cols[k].kind == COL_REMARK && !has_score_column(h, h->cols[k].key))
            rc = diag_error_at(d, s->path, h->row, (int)k + 1, "column '%s': no column holds item %s's score",
                               r->cells[k].text, h->cols[k].key);
    return rc;
}

static const column_role *role_at(const header *h, size_t k)
{
    static const column_role none = {COL_NONE, NULL};
    return k < h->len ? &h->cols[k] : &none;
}

/* The remark column of key, or 0. */
static int remark_column(const header *h, const char *key)
{
    for (size_t k = 0; k < h->len; k++)
        if (h->cols[k].kind == COL_REMARK && strcmp(h->cols[k].key, key) == 0)
            return (int)k + 1;
    return 0;
}

ynode *score_cell_value(const char *text, int row, int column)
{
    if (score_text_is_number(text))
        return ynode_scalar(text, row, column);
    ynode *list = ynode_new(Y_LIST, row, column);
    char *copy = xstrdup(text);
    for (char *part = copy; part;) {
        char *next = NULL;
        const char *seps[] = {"、", "，", ",", NULL};
        for (size_t i = 0; seps[i]; i++) {
            char *at = strstr(part, seps[i]);
            if (at && (!next || at < next))
                next = at;
        }
        char *after = next ? next + (*next == ',' ? 1 : strlen("、")) : NULL;
        if (next)
            *next = '\0';
        if (*trim(part))
            ylist_push(list, ynode_scalar(part, row, column));
        part = after;
    }
    free(copy);
    if (list->len == 1) { /* one level: the scalar, as a scores file writes it */
        ynode *one = list->kids[0];
        list->len = 0;
        ytree_free(list);
        return one;
    }
    return list;
}

/* The scores of row r under header h as a 得分 map; *any gets whether a
 * score was given. */
static int row_scores(const spreadsheet *s, const header *h, const sheet_row *r, ynode *scores, bool *any,
                      diag_list *d)
{
    int rc = 0;
    *any = false;
    for (size_t k = 0; k < h->len; k++) {
        if (h->cols[k].kind != COL_SCORE)
            continue;
        int column = (int)k + 1, rcol = remark_column(h, h->cols[k].key);
        const char *text = sheet_text(r, column), *remark = rcol ? sheet_text(r, rcol) : NULL;
        *any |= text || remark;
        if (!text && remark)
            rc = diag_error_at(d, s->path, r->row, rcol, "a %s on item %s, which has no score", TABLE_REMARK,
                               h->cols[k].key);
        if (!text)
            continue;
        ynode *value = score_cell_value(text, r->row, column);
        if (remark) {
            ynode *m = ynode_new(Y_MAP, r->row, column);
            ymap_put(m, value->kind == Y_SCALAR && score_text_is_number(text) ? "分" : "档次", r->row, value);
            ymap_put(m, TABLE_REMARK, r->row, ynode_scalar(remark, r->row, rcol));
            value = m;
        }
        ymap_put(scores, h->cols[k].key, r->row, value);
    }
    return rc;
}

/* Row r as the tree of a scores file; NULL when it is empty, has not
 * reported, or is refused (then *refused). */
static ynode *row_tree(const spreadsheet *s, const header *h, const sheet_row *r, bool *refused, diag_list *d)
{
    const char *unit_name = sheet_text(r, h->unit);
    ynode *root = ynode_new(Y_MAP, r->row, h->unit), *scores = ynode_new(Y_MAP, r->row, h->unit);
    int rc = 0;
    if (unit_name)
        ymap_put(root, "单位", r->row, ynode_scalar(unit_name, r->row, h->unit));
    for (size_t k = 0; k < r->len; k++) {
        const char *text = r->cells[k].text;
        col_kind kind = role_at(h, k)->kind;
        int column = (int)k + 1;
        char date[16];
        if (!text)
            continue;
        if (kind == COL_NONE)
            rc = diag_error_at(d, s->path, r->row, column, "a value in a column with no header: whose is it?");
        else if (kind == COL_SCORER)
            ymap_put(root, "评分人", r->row, ynode_scalar(text, r->row, column));
        else if (kind == COL_DATE)
            ymap_put(root, "评分日期", r->row,
                     ynode_scalar(sheet_date(s, &r->cells[k], date) ? date : text, r->row, column));
        else if (kind == COL_MISSING)
            ymap_put(root, "缺项", r->row, ynode_scalar(text, r->row, column));
    }
    bool any;
    if (row_scores(s, h, r, scores, &any, d) < 0)
        rc = -1;
    ymap_put(root, "得分", r->row, scores);
    if (!unit_name && any)
        rc = diag_error_at(d, s->path, r->row, h->unit, "a row with scores and no 单位: whose are they?");
    if (unit_name && !any && rc == 0)
        diag_warning_at(d, s->path, r->row, h->unit, "单位 '%s' has no scores in this row: not reported", unit_name);
    *refused = rc < 0;
    if (!unit_name || !any || rc < 0) {
        ytree_free(root);
        return NULL;
    }
    return root;
}

int scoresheets_from_table(const char *path, const document *rubric, scoresheet ***out, size_t *n,
                           refused_row **refused_rows, size_t *nrefused, diag_list *d)
{
    *out = NULL;
    *n = 0;
    size_t refused_cap = 0;
    if (refused_rows) {
        *refused_rows = NULL;
        *nrefused = 0;
    }
    spreadsheet *s;
    if (spreadsheet_read(path, &s, d) < 0)
        return -1;
    header h;
    size_t at = 0;
    int rc = read_header(s, rubric, &h, &at, d);
    size_t cap = 0;
    bool rows_failed = false;
    for (size_t i = at + 1; rc == 0 && i < s->len; i++) {
        bool refused = false;
        ynode *tree = row_tree(s, &h, &s->rows[i], &refused, d);
        scoresheet *sheet = NULL;
        if (tree) {
            const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
            char *name = xasprintf("%s 第%d行.yaml", base, s->rows[i].row);
            char *about = xasprintf("%s, row %d, as the scores file it stands for", base, s->rows[i].row);
            refused |= scoresheet_from_tree(path, tree, name, about, &sheet, d) < 0;
            free(name);
            free(about);
        }
        if (sheet) {
            sheet->line = s->rows[i].row;
            sheet->column = h.unit;
            GROW(*out, *n, cap);
            (*out)[(*n)++] = sheet;
        }
        const char *unit_name = sheet_text(&s->rows[i], h.unit);
        if (refused && unit_name && refused_rows) {
            GROW(*refused_rows, *nrefused, refused_cap);
            (*refused_rows)[(*nrefused)++] = (refused_row){.unit = xstrdup(unit_name), .row = s->rows[i].row};
        }
        rows_failed |= refused;
    }
    header_free(&h);
    spreadsheet_free(s);
    return rc < 0 || rows_failed ? -1 : 0;
}

void scoresheets_free(scoresheet **sheets, size_t n)
{
    for (size_t i = 0; i < n; i++)
        scoresheet_free(sheets[i]);
    free(sheets);
}
