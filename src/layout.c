/* SPDX-License-Identifier: MIT */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "intl.h"
#include "text.h"
#include "ytree.h"

typedef struct reader {
    const char *file;
    diag_list *d;
    int errors;
} reader;

static const char *const show_names[SHOW_COUNT] = {
    [SHOW_SEQ] = "seq",       [SHOW_CATEGORY] = "category", [SHOW_NAME] = "name",
    [SHOW_TEXT] = "text",     [SHOW_POINTS] = "points",     [SHOW_SCORE] = "score",
    [SHOW_FIELD] = "field",   [SHOW_BLANK] = "blank",       [SHOW_REMARK] = "remark",
};

const char *column_show_name(column_show s) { return s < SHOW_COUNT ? show_names[s] : "?"; }

char *layout_find(const char *name, const char *const *dirs)
{
    if (!*name || strchr(name, '/') || strstr(name, ".."))
        return NULL; /* a layout is named, never a path */
    for (size_t i = 0; dirs[i]; i++) {
        char *path = xasprintf("%s/%s.yaml", dirs[i], name);
        if (access(path, R_OK) == 0)
            return path;
        free(path);
    }
    return NULL;
}

/* ---- typed reads with defaults ----------------------------------------- */

/* "'KEY' WHAT": what is wrong with the setting key, in the reader's language. */
static void bad(reader *r, const ynode *n, const char *key, const char *what)
{
    diag_add(r->d, DIAG_ERROR, r->file, n->line, "'%s' %s", key, what);
    r->errors++;
}

static double number(reader *r, const ynode *map, const char *key, double fallback)
{
    const ynode *n = ymap_get(map, key);
    if (!n)
        return fallback;
    char *end = NULL;
    double v = n->kind == Y_SCALAR ? strtod(n->text, &end) : NAN;
    if (n->kind != Y_SCALAR || end == n->text || *end != '\0' || !isfinite(v) || v < 0 || v > 10000) {
        bad(r, n, key, _("must be a number from 0 to 10000"));
        return fallback;
    }
    return v;
}

/* A size that must be above zero: a zero font size or line pitch would give
 * nothing to draw and no progress down the page. */
static double positive(reader *r, const ynode *map, const char *key, double fallback, double max)
{
    double v = number(r, map, key, fallback);
    if (v <= 0 || v > max) {
        const ynode *n = ymap_get(map, key);
        char *what = xasprintf(_("must be above 0 and at most %g"), max);
        bad(r, n ? n : map, key, what);
        free(what);
        return fallback;
    }
    return v;
}

static bool flag(reader *r, const ynode *map, const char *key, bool fallback)
{
    const ynode *n = ymap_get(map, key);
    if (!n)
        return fallback;
    if (n->kind == Y_SCALAR && strcmp(n->text, "true") == 0)
        return true;
    if (n->kind == Y_SCALAR && strcmp(n->text, "false") == 0)
        return false;
    bad(r, n, key, _("must be true or false"));
    return fallback;
}

static char *string(reader *r, const ynode *map, const char *key, const char *fallback)
{
    const ynode *n = ymap_get(map, key);
    if (!n)
        return fallback ? xstrdup(fallback) : NULL;
    if (n->kind != Y_SCALAR) {
        bad(r, n, key, _("must be text"));
        return fallback ? xstrdup(fallback) : NULL;
    }
    return xstrdup(n->text);
}

static const ynode *section(reader *r, const ynode *map, const char *key, const char *const *known)
{
    const ynode *n = ymap_get(map, key);
    if (n && n->kind != Y_MAP) {
        bad(r, n, key, _("must be a group of settings"));
        return NULL;
    }
    if (n && ymap_check_keys(n, known, r->file, N_("setting"), r->d) < 0)
        r->errors++;
    return n;
}

static font_spec font(reader *r, const ynode *parent, const char *key, font_role role, double size)
{
    static const char *const known[] = {"role", "size_pt", "bold", NULL};
    const ynode *n = section(r, parent, key, known);
    font_spec f = {.role = role, .size_pt = size};
    if (!n)
        return f;
    const char *name = ymap_str(n, "role");
    if (name) {
        int found = font_role_from_name(name);
        if (found < 0)
            bad(r, ymap_get(n, "role"), "role", _("must be one of xiaobiaosong, fangsong, hei, kai, song"));
        else
            f.role = (font_role)found;
    }
    f.size_pt = positive(r, n, "size_pt", size, 200);
    f.bold = flag(r, n, "bold", false);
    return f;
}

static rgb color(reader *r, const ynode *map, const char *key, rgb fallback)
{
    const ynode *n = ymap_get(map, key);
    if (!n)
        return fallback;
    unsigned v;
    char tail;
    if (n->kind != Y_SCALAR || sscanf(n->text, "#%6x%c", &v, &tail) != 1 || strlen(n->text) != 7) {
        bad(r, n, key, _("must be a colour written #RRGGBB"));
        return fallback;
    }
    return (rgb){((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

/* ---- the two parts ----------------------------------------------------- */

static void read_notice(reader *r, const ynode *root, notice_layout *nl)
{
    static const char *const known[] = {
        "margin_top_mm", "margin_left_mm", "text_width_mm", "text_height_mm", "lines_per_page",
        "chars_per_line", "body", "masthead", "number", "title", "heading1", "heading2",
        "page_number", "attachment_label", "masthead_top_mm", "rule_gap_mm", "rule_width_pt",
        "page_number_gap_mm", "red", "compress_punctuation", "squeeze_lines", "signature_sealed",
        "colophon_on_even_page", NULL};
    const ynode *n = section(r, root, "notice", known);
    /* Defaults are GB/T 9704-2012's own numbers. */
    nl->margin_top_mm = number(r, n, "margin_top_mm", 37);
    nl->margin_left_mm = number(r, n, "margin_left_mm", 28);
    nl->text_width_mm = positive(r, n, "text_width_mm", 156, 210);
    nl->text_height_mm = positive(r, n, "text_height_mm", 225, 297);
    nl->lines_per_page = (int)number(r, n, "lines_per_page", 22);
    nl->chars_per_line = (int)number(r, n, "chars_per_line", 28);
    nl->body = font(r, n, "body", ROLE_FANGSONG, 16);
    nl->masthead = font(r, n, "masthead", ROLE_XIAOBIAOSONG, 36);
    nl->number = font(r, n, "number", ROLE_FANGSONG, 16);
    nl->title = font(r, n, "title", ROLE_XIAOBIAOSONG, 22);
    nl->heading1 = font(r, n, "heading1", ROLE_HEI, 16);
    nl->heading2 = font(r, n, "heading2", ROLE_KAI, 16);
    nl->page_number = font(r, n, "page_number", ROLE_SONG, 14);
    nl->attachment_label = font(r, n, "attachment_label", ROLE_HEI, 16);
    nl->masthead_top_mm = number(r, n, "masthead_top_mm", 35);
    nl->rule_gap_mm = number(r, n, "rule_gap_mm", 4);
    nl->rule_width_pt = number(r, n, "rule_width_pt", 1);
    nl->page_number_gap_mm = number(r, n, "page_number_gap_mm", 7);
    nl->red = color(r, n, "red", (rgb){0.9, 0.0, 0.0});
    nl->compress_punct = flag(r, n, "compress_punctuation", false);
    nl->squeeze_lines = (int)number(r, n, "squeeze_lines", 1);
    nl->sealed = flag(r, n, "signature_sealed", false);
    nl->colophon_even_page = flag(r, n, "colophon_on_even_page", false);
    if (nl->lines_per_page < 1 || nl->chars_per_line < 1)
        bad(r, n ? n : root, "notice", _("needs lines_per_page and chars_per_line of at least 1"));
}

static int parse_show(const char *s)
{
    for (int i = 0; i < SHOW_COUNT; i++)
        if (strcmp(s, show_names[i]) == 0)
            return i;
    return -1;
}

static void read_column(reader *r, const ynode *n, column *c)
{
    static const char *const known[] = {"header", "header_span", "width_mm", "show", "field",
                                        "vertical", "merge", "suffix", "align", "numbered", NULL};
    c->line = n->line;
    if (n->kind != Y_MAP) {
        bad(r, n, "columns", _("entries must each be a group of settings"));
        return;
    }
    if (ymap_check_keys(n, known, r->file, N_("column setting"), r->d) < 0)
        r->errors++;
    c->header = string(r, n, "header", "");
    c->header_span = (int)number(r, n, "header_span", 1);
    c->width_mm = number(r, n, "width_mm", 0);
    c->field = string(r, n, "field", NULL);
    c->vertical = flag(r, n, "vertical", false);
    c->merge = flag(r, n, "merge", false);
    c->numbered = flag(r, n, "numbered", false);
    c->suffix = string(r, n, "suffix", "");
    const char *align = ymap_str(n, "align");
    c->align = align && strcmp(align, "left") == 0 ? ALIGN_LEFT : ALIGN_CENTER;
    if (align && strcmp(align, "left") != 0 && strcmp(align, "center") != 0)
        bad(r, ymap_get(n, "align"), "align", _("must be left or center"));
    const char *show = ymap_str(n, "show");
    int s = show ? parse_show(show) : -1;
    if (s < 0)
        bad(r, n, "show", _("must be one of seq, category, name, text, points, score, field, blank, remark"));
    c->show = s < 0 ? SHOW_TEXT : (column_show)s;
    if (c->numbered && c->show != SHOW_TEXT && c->show != SHOW_NAME)
        bad(r, ymap_get(n, "numbered"), "numbered", _("is for the column that shows an item's text or name"));
    if (c->show == SHOW_FIELD && !c->field)
        bad(r, n, "field", _("is needed by a column that shows a field"));
    if (c->width_mm <= 0)
        bad(r, n, "width_mm", _("must be given and positive"));
    if (c->header_span < 1)
        bad(r, n, "header_span", _("must be at least 1"));
}

static void check_columns(reader *r, const ynode *list, const table_layout *t)
{
    int seen[SHOW_COUNT] = {0};
    double total = 0;
    for (size_t i = 0; i < t->ncolumns; i++) {
        const column *c = &t->columns[i];
        total += c->width_mm;
        if (c->show != SHOW_FIELD && c->show != SHOW_BLANK && seen[c->show]++)
            bad(r, list->kids[i], "show", _("shows what another column already shows"));
        if (c->numbered && layout_item_numbering(t) == NUMBER_BY_SEQ)
            bad(r, list->kids[i], "numbered", _("repeats what the seq column shows: the table's items are known "
                "by their 序号 there"));
        if (i + (size_t)c->header_span > t->ncolumns)
            bad(r, list->kids[i], "header_span", _("reaches past the last column"));
        if (c->width_mm > 0 && 2 * t->padding_mm >= c->width_mm)
            bad(r, list->kids[i], "width_mm", _("leaves no room inside the cell padding"));
    }
    double most = t->landscape ? 257 : 170;
    if (total > most + 1e-9)
        bad(r, list, "columns", t->landscape ? _("are wider in all than the 257 mm a landscape A4 table can take")
                                              : _("are wider in all than the 170 mm an A4 table can take; "
                                                  "set landscape: true for a wider one"));
}

/* header_line: a list of labels; by default the unit's name alone. */
static void read_header_line(reader *r, const ynode *table, table_layout *t)
{
    const ynode *n = ymap_get(table, "header_line");
    if (!n) {
        t->header_labels = xcalloc(1, sizeof *t->header_labels);
        t->header_labels[0] = xstrdup("单位");
        t->nheader_labels = 1;
        return;
    }
    if (n->kind != Y_LIST) {
        bad(r, n, "header_line", _("must be a list of labels, e.g. [单位, 填表人, 填表日期]"));
        return;
    }
    t->header_labels = xcalloc(n->len + 1, sizeof *t->header_labels);
    for (size_t i = 0; i < n->len; i++) {
        if (n->kids[i]->kind != Y_SCALAR || !n->kids[i]->text[0]) {
            bad(r, n->kids[i], "header_line", _("entries must be labels"));
            continue;
        }
        t->header_labels[t->nheader_labels++] = xstrdup(n->kids[i]->text);
    }
}

static void read_table(reader *r, const ynode *root, table_layout *t)
{
    static const char *const known[] = {"title", "unit_line", "header", "cell", "line_width_pt",
                                        "padding_mm", "min_row_mm", "line_gap", "total_label",
                                        "header_line", "columns", "compress_punctuation",
                                        "total_span", "split_lines", "unit_starts_page", "landscape",
                                        "scored_label", "lines_after_table", NULL};
    const ynode *n = section(r, root, "table", known);
    if (!n) {
        diag_add(r->d, DIAG_ERROR, r->file, root->line, "a layout needs a 'table' with its 'columns'");
        r->errors++;
        return;
    }
    t->title = font(r, n, "title", ROLE_XIAOBIAOSONG, 22);
    t->unit_line = font(r, n, "unit_line", ROLE_FANGSONG, 14);
    t->header = font(r, n, "header", ROLE_HEI, 12);
    t->cell = font(r, n, "cell", ROLE_FANGSONG, 12);
    t->line_width_pt = number(r, n, "line_width_pt", 0.75);
    t->padding_mm = number(r, n, "padding_mm", 1.5);
    t->min_row_mm = positive(r, n, "min_row_mm", 10, 100);
    t->line_gap = positive(r, n, "line_gap", 1.4, 10);
    t->total_label = string(r, n, "total_label", NULL);
    t->total_span = (int)number(r, n, "total_span", 1);
    read_header_line(r, n, t);
    t->lines_after_table = (int)number(r, n, "lines_after_table", 3);
    t->compress_punct = flag(r, n, "compress_punctuation", false);
    t->split_lines = (int)positive(r, n, "split_lines", 3, 100);
    t->unit_starts_page = flag(r, n, "unit_starts_page", true);
    t->landscape = flag(r, n, "landscape", false);
    t->scored_label = string(r, n, "scored_label", "自评得分");
    const ynode *cols = ymap_get(n, "columns");
    if (!cols || cols->kind != Y_LIST || cols->len == 0) {
        bad(r, cols ? cols : n, "columns", _("must list at least one column"));
        return;
    }
    if (t->total_span < 1 || (size_t)t->total_span > cols->len)
        bad(r, ymap_get(n, "total_span"), "total_span", _("must be from 1 to the number of columns"));
    t->columns = xcalloc(cols->len, sizeof *t->columns);
    t->ncolumns = cols->len;
    for (size_t i = 0; i < cols->len; i++)
        read_column(r, cols->kids[i], &t->columns[i]);
    check_columns(r, cols, t);
}

/* Takes root (frees it). */
static int layout_from_tree(const char *path, ynode *root, layout **out, diag_list *d)
{
    static const char *const known[] = {"name", "notice", "table", NULL};
    reader r = {.file = path, .d = d};
    layout *l = xcalloc(1, sizeof *l);
    l->path = xstrdup(path);
    if (root->kind != Y_MAP) {
        bad(&r, root, "layout", _("must be a group of settings"));
    } else {
        if (ymap_check_keys(root, known, path, N_("setting"), d) < 0)
            r.errors++;
        read_notice(&r, root, &l->notice);
        read_table(&r, root, &l->table);
    }
    ytree_free(root);
    if (r.errors) {
        layout_free(l);
        return -1;
    }
    *out = l;
    return 0;
}

int layout_load(const char *path, layout **out, diag_list *d)
{
    return layout_load_text(path, NULL, 0, out, d);
}

int layout_load_text(const char *path, const char *text, size_t len, layout **out, diag_list *d)
{
    ynode *root = NULL;
    *out = NULL;
    if (ytree_read(path, text, len, &root, d) < 0)
        return -1;
    return layout_from_tree(path, root, out, d);
}

void layout_free(layout *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->table.ncolumns; i++) {
        free(l->table.columns[i].header);
        free(l->table.columns[i].field);
        free(l->table.columns[i].suffix);
    }
    free(l->table.columns);
    free(l->table.total_label);
    for (size_t i = 0; i < l->table.nheader_labels; i++)
        free(l->table.header_labels[i]);
    free(l->table.header_labels);
    free(l->table.scored_label);
    free(l->path);
    free(l);
}

size_t layout_header_cells(const table_layout *t)
{
    size_t cells = 0;
    for (size_t i = 0; i < t->ncolumns; i += (size_t)t->columns[i].header_span)
        cells++;
    return cells;
}

item_numbering layout_item_numbering(const table_layout *t)
{
    for (size_t i = 0; i < t->ncolumns; i++)
        if (t->columns[i].show == SHOW_SEQ)
            return NUMBER_BY_SEQ;
    return NUMBER_BY_ID;
}
