/* SPDX-License-Identifier: MIT */
/* table: cells, slices and drawing of one unit's table.  Contract in table.h. */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "paginate.h"
#include "text.h"

#define HEADERS_FIELD "表头"
#define CONTINUED "（续）"
/* Display text keeps words whole: centred cells, and any cell narrower than
 * this many characters. */
#define NARROW_CELL_CHARS 10.0
/* A filled-in cell's text may be set this much smaller to fit its row. */
#define FIT_MIN_SCALE 0.6

typedef struct cell {
    run r;
    lb_result lines;
    font_spec f;
    cell_align align;
    double width;        /* inside the padding */
    double line_h;       /* its line pitch: the table's, or less for a filled-in cell set smaller */
    source_ref at;
    char *text;          /* kept for re-breaking a filled-in cell smaller */
} cell;

typedef struct table {
    const table_layout *tl;
    const attachment *a;
    const unit *u;
    const char *layout_path;
    shaper *sh;
    diag_list *d;
    const char *file;
    size_t ncols, nrows;
    double *col_x;       /* left edge of each column; col_x[ncols] is the right edge */
    cell *cells;         /* nrows × ncols, row-major */
    size_t *group;       /* nrows × ncols: first row of the merged cell a cell belongs to */
    size_t *nlines;      /* nrows × ncols */
    bool *sets_height, *repeat;
    double line_h, pad;
} table;

/* ---- cells ---------------------------------------------------------------- */

static bool filled_in(column_show s) { return s == SHOW_SCORE || s == SHOW_REMARK || s == SHOW_BLANK; }

static void cell_break(const table *t, cell *c)
{
    lb_result_free(&c->lines);
    bool narrow = c->width / c->f.size_pt < NARROW_CELL_CHARS;
    bool justify = c->align == ALIGN_LEFT && !narrow;
    lb_options opt = { .width = c->width, .mode = justify ? LB_JUSTIFY : LB_RAGGED,
                       .compress_punct = t->tl->compress_punct, .em = c->f.size_pt };
    run_break(&c->r, t->sh, justify ? BREAK_ANYWHERE : BREAK_WORDS, &opt, &c->lines);
}

static void cell_set(const table *t, cell *c, char *text, font_spec f, cell_align align, double width,
                     source_ref at)
{
    c->f = f;
    c->align = align;
    c->width = width - 2 * t->pad;
    c->at = at;
    c->text = text;
    c->line_h = t->line_h;
    run_add(&c->r, t->sh, f, text, 0, at);
    cell_break(t, c);
}

static void cell_free(cell *c)
{
    run_free(&c->r);
    lb_result_free(&c->lines);
    free(c->text);
}

/* (一)\n服\n务…\n18\n分: label on its own line, then one character a line. */
static char *vertical_text(const category *c, const char *suffix)
{
    strbuf sb = {0};
    if (c->label[0])
        sb_printf(&sb, "%s\n", c->label);
    size_t n;
    uint32_t *cps = utf8_to_cps(c->name, &n);
    for (size_t i = 0; i < n; i++) {
        utf8_encode(&sb, cps[i]);
        sb_putc(&sb, '\n');
    }
    free(cps);
    if (c->pts != POINTS_NONE) {
        char buf[32];
        sb_printf(&sb, "%s\n%s", points_format(c->pts, buf), suffix[0] ? suffix : "分");
    }
    return sb_take(&sb);
}

static char *category_text(const category *c, const column *col)
{
    if (col->vertical)
        return vertical_text(c, col->suffix);
    char buf[32];
    return c->pts == POINTS_NONE ? xstrdup(c->heading)
                                 : xasprintf("%s\n%s%s", c->heading, points_format(c->pts, buf),
                                             col->suffix[0] ? col->suffix : "分");
}

/* The field a column shows: its own field, or the filled-in columns'. */
static const char *column_field(const column *col)
{
    return col->show == SHOW_SCORE ? FIELD_SCORE : col->show == SHOW_REMARK ? FIELD_REMARK : col->field;
}

static source_ref field_at(const table *t, const field *f)
{
    return (source_ref){ f->file ? f->file : t->file, f->line };
}

static char *cell_text(const table *t, const column *col, const attachment *a, const unit *u, const category *c,
                       const item *it, source_ref *at)
{
    char buf[32];
    *at = (source_ref){ t->file, it->line };
    switch (col->show) {
    case SHOW_SEQ: return xasprintf("%d", it->seq);
    case SHOW_CATEGORY: *at = (source_ref){ t->file, c->line }; return category_text(c, col);
    case SHOW_NAME: return col->numbered ? item_numbered(it, it->name ? it->name : "") : xstrdup(it->name ? it->name : "");
    case SHOW_TEXT: return col->numbered ? item_numbered(it, it->text) : xstrdup(it->text);
    case SHOW_POINTS:
        return it->pts == POINTS_NONE ? xstrdup("") : xasprintf("%s%s", points_format(it->pts, buf), col->suffix);
    case SHOW_FIELD:
    case SHOW_SCORE:
    case SHOW_REMARK: {
        const field *f = col->show == SHOW_FIELD ? item_field_find(it, u, a, col->field)
                                                 : field_find(&it->fields, column_field(col));
        if (!f)
            return xstrdup("");
        *at = field_at(t, f);
        return xstrdup(f->value);
    }
    default: return xstrdup(""); /* blank columns: written in by hand */
    }
}

/* Which rows share a merged cell: a category column merges per category; any
 * other merging column merges neighbours with the same text. */
static void set_groups(table *t, const unit *u, char **texts)
{
    size_t r = 0;
    for (size_t c = 0; c < u->len; c++) {
        size_t first = r;
        for (size_t i = 0; i < u->cats[c].len; i++, r++) {
            for (size_t k = 0; k < t->ncols; k++) {
                const column *col = &t->tl->columns[k];
                size_t g = r;
                if (col->merge && col->show == SHOW_CATEGORY)
                    g = first;
                else if (col->merge && r > 0 && strcmp(texts[r * t->ncols + k], texts[(r - 1) * t->ncols + k]) == 0)
                    g = t->group[(r - 1) * t->ncols + k];
                t->group[r * t->ncols + k] = g;
            }
        }
    }
}

static void build_cells(table *t, const attachment *a, const unit *u)
{
    size_t n = t->nrows * t->ncols;
    char **texts = xcalloc(n + 1, sizeof *texts);
    source_ref *at = xcalloc(n + 1, sizeof *at);
    size_t r = 0;
    for (size_t c = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++, r++)
            for (size_t k = 0; k < t->ncols; k++)
                texts[r * t->ncols + k] = cell_text(t, &t->tl->columns[k], a, u, &u->cats[c], &u->cats[c].items[i],
                                                    &at[r * t->ncols + k]);
    set_groups(t, u, texts);
    for (size_t i = 0; i < n; i++) {
        const column *col = &t->tl->columns[i % t->ncols];
        size_t row = i / t->ncols, g = t->group[i];
        /* A merged cell's text is its first row's; the others draw nothing. */
        char *text = g == row ? texts[i] : xstrdup("");
        if (g != row)
            free(texts[i]);
        cell_set(t, &t->cells[i], text, t->tl->cell, col->align, MM_TO_PT(col->width_mm), at[i]);
        t->nlines[i] = t->cells[i].lines.len;
    }
    free(texts);
    free(at);
}

static void table_init(table *t, const table_layout *tl, shaper *sh, const frame *fr, size_t nrows)
{
    memset(t, 0, sizeof *t);
    t->tl = tl;
    t->sh = sh;
    t->ncols = tl->ncolumns;
    t->nrows = nrows;
    t->pad = MM_TO_PT(tl->padding_mm);
    t->line_h = tl->cell.size_pt * tl->line_gap;
    t->col_x = xmalloc((t->ncols + 1) * sizeof *t->col_x);
    double width = 0;
    for (size_t k = 0; k < t->ncols; k++)
        width += MM_TO_PT(tl->columns[k].width_mm);
    t->col_x[0] = fr->left + (fr->width - width) / 2;
    for (size_t k = 0; k < t->ncols; k++)
        t->col_x[k + 1] = t->col_x[k] + MM_TO_PT(tl->columns[k].width_mm);
    size_t n = nrows * t->ncols + 1;
    t->cells = xcalloc(n, sizeof *t->cells);
    t->group = xcalloc(n, sizeof *t->group);
    t->nlines = xcalloc(n, sizeof *t->nlines);
    t->sets_height = xcalloc(t->ncols + 1, sizeof *t->sets_height);
    t->repeat = xcalloc(t->ncols + 1, sizeof *t->repeat);
    for (size_t k = 0; k < t->ncols; k++) {
        t->sets_height[k] = !filled_in(tl->columns[k].show);
        t->repeat[k] = tl->columns[k].show == SHOW_CATEGORY;
    }
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        cell_free(&t->cells[i]);
    free(t->cells);
    free(t->group);
    free(t->nlines);
    free(t->sets_height);
    free(t->repeat);
    free(t->col_x);
}

/* The column a row's later part is marked in: the item's text, else the
 * widest column whose cells set heights. */
static size_t marker_column(const table *t)
{
    size_t best = t->ncols;
    for (size_t k = 0; k < t->ncols; k++) {
        const column *col = &t->tl->columns[k];
        if (col->show == SHOW_TEXT && !col->merge)
            return k;
        if (t->sets_height[k] && !col->merge &&
            (best == t->ncols || col->width_mm > t->tl->columns[best].width_mm))
            best = k;
    }
    return best;
}

/* ---- simple rows: header and total --------------------------------------- */

typedef struct simple_row {
    cell *cells;
    size_t *span;        /* columns each cell covers */
    size_t n;
    double height;
} simple_row;

/* at: where the texts come from; a line of 0 stands for each column's own
 * line in the layout. */
static void simple_row_set(const table *t, simple_row *row, char **texts, size_t *spans, size_t n, font_spec f,
                           source_ref at)
{
    row->cells = xcalloc(n + 1, sizeof *row->cells);
    row->span = spans;
    row->n = n;
    row->height = MM_TO_PT(t->tl->min_row_mm) * 0.8;
    for (size_t i = 0, k = 0; i < n; k += spans[i], i++) {
        source_ref cell_at = at.line || at.file != t->layout_path ? at : (source_ref){ at.file, t->tl->columns[k].line };
        cell_set(t, &row->cells[i], texts[i], f, ALIGN_CENTER, t->col_x[k + spans[i]] - t->col_x[k], cell_at);
        double h = (double)row->cells[i].lines.len * t->line_h + 2 * t->pad;
        if (h > row->height)
            row->height = h;
    }
    free(texts);
}

static void simple_row_free(simple_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        cell_free(&row->cells[i]);
    free(row->cells);
    free(row->span);
}

/* The header cells: the layout's, or the unit's (or attachment's) 表头. */
static void header_row(const table *t, const unit *u, const attachment *a, simple_row *row)
{
    const field *custom = field_find(&u->fields, HEADERS_FIELD);
    if (!custom)
        custom = field_find(&a->fields, HEADERS_FIELD);
    size_t n = layout_header_cells(t->tl);
    char **texts = xcalloc(n + 1, sizeof *texts);
    size_t *spans = xcalloc(n + 1, sizeof *spans);
    const char *s = custom ? custom->value : NULL;
    for (size_t i = 0, k = 0; i < n; k += spans[i], i++) {
        spans[i] = (size_t)t->tl->columns[k].header_span;
        if (!custom) {
            texts[i] = xstrdup(t->tl->columns[k].header);
            continue;
        }
        const char *bar = s ? strpbrk(s, "|\xEF") : NULL; /* | or the first byte of ｜ */
        while (bar && *bar != '|' && !starts_with(bar, "｜"))
            bar = strpbrk(bar + 1, "|\xEF");
        texts[i] = trim(s ? xstrndup(s, bar ? (size_t)(bar - s) : strlen(s)) : xstrdup(""));
        s = bar ? bar + (*bar == '|' ? 1 : 3) : NULL;
    }
    source_ref at = custom ? field_at(t, custom) : (source_ref){ t->layout_path, 0 };
    simple_row_set(t, row, texts, spans, n, t->tl->header, at);
}

static points items_total(const unit *u)
{
    points total = 0;
    for (size_t c = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++)
            if (u->cats[c].items[i].kind == KIND_NORMAL && u->cats[c].items[i].pts != POINTS_NONE)
                total += u->cats[c].items[i].pts;
    return total;
}

/* 合计 over total_span columns, then each column's total: the items' points,
 * or the unit's total of the field the column shows. */
static void total_row(const table *t, const unit *u, simple_row *row)
{
    size_t span = (size_t)t->tl->total_span, n = t->ncols - span + 1;
    char **texts = xcalloc(n + 1, sizeof *texts);
    size_t *spans = xcalloc(n + 1, sizeof *spans);
    char buf[32];
    texts[0] = xstrdup(t->tl->total_label);
    spans[0] = span;
    for (size_t k = span, i = 1; k < t->ncols; k++, i++) {
        const column *col = &t->tl->columns[k];
        const char *field_name = column_field(col);
        const char *v = field_name ? field_value(&u->totals, field_name) : NULL;
        spans[i] = 1;
        if (col->show == SHOW_POINTS)
            texts[i] = xasprintf("%s%s", points_format(items_total(u), buf), col->suffix);
        else
            texts[i] = xstrdup(v ? v : "");
    }
    const field *f = field_find(&u->totals, FIELD_SCORE);
    source_ref at = f ? field_at(t, f) : (source_ref){ t->layout_path, 0 };
    simple_row_set(t, row, texts, spans, n, t->tl->cell, at);
}

/* ---- drawing ---------------------------------------------------------------- */

static void draw_box(page *pg, double x0, double x1, double top, double bottom, double w)
{
    page_add_line(pg, x0, top, x1, top, w, BLACK);
    page_add_line(pg, x0, bottom, x1, bottom, w, BLACK);
    page_add_line(pg, x0, top, x0, bottom, w, BLACK);
    page_add_line(pg, x1, top, x1, bottom, w, BLACK);
}

/* Draws lines [from, to) of c in the box, after `lead` lines of marker:
 * centred vertically when they are all the cell has, else from the top. */
static void draw_lines(const table *t, page *pg, const cell *c, size_t from, size_t to, size_t lead, double x0,
                       double x1, double top, double bottom)
{
    double line_h = c->line_h;
    double block = (double)(to - from + lead) * line_h;
    bool whole = from == 0 && to == c->lines.len;
    double y = whole ? top - ((top - bottom) - block) / 2 : top - t->pad;
    if (lead) {
        font_spec f = c->f;
        double w = text_width(t->sh, f, CONTINUED, 0, c->at);
        text_draw(pg, t->sh, f, CONTINUED, c->align == ALIGN_LEFT ? x0 + t->pad : x0 + ((x1 - x0) - w) / 2,
                  baseline_below(y - (line_h - f.size_pt) / 2, f.size_pt), 0, BLACK, c->at);
        y -= line_h * (double)lead;
    }
    for (size_t i = from; i < to; i++, y -= line_h) {
        const lb_line *ln = &c->lines.lines[i];
        double base = baseline_below(y - (line_h - c->f.size_pt) / 2, c->f.size_pt);
        double x = c->align == ALIGN_LEFT ? x0 + t->pad : x0 + ((x1 - x0) - ln->width) / 2;
        run_draw(pg, &c->r, ln->start, ln->end, ln->x, x, base, BLACK);
    }
}

/* A filled-in cell's text set to fit a row of height h: smaller if it must,
 * an error at its line if it fits no size. */
static void fit_cell(table *t, cell *c, double h)
{
    font_spec f = c->f;
    double full = f.size_pt;
    while ((double)c->lines.len * c->line_h + 2 * t->pad > h + 1e-6) {
        f.size_pt -= full * 0.05;
        if (f.size_pt < full * FIT_MIN_SCALE - 1e-9) {
            diag_error(t->d, c->at.file, c->at.line, "'%s' does not fit its cell: %zu lines in a row of %.0f mm",
                       c->text, c->lines.len, h * 25.4 / 72);
            return;
        }
        run_free(&c->r);
        c->f = f;
        c->line_h = t->line_h * f.size_pt / full;
        run_add(&c->r, t->sh, f, c->text, 0, c->at);
        cell_break(t, c);
    }
}

static void draw_simple_row(const table *t, page *pg, const simple_row *row, double top)
{
    for (size_t i = 0, k = 0; i < row->n; k += row->span[i], i++) {
        double x0 = t->col_x[k], x1 = t->col_x[k + row->span[i]];
        draw_box(pg, x0, x1, top, top - row->height, t->tl->line_width_pt);
        draw_lines(t, pg, &row->cells[i], 0, row->cells[i].lines.len, 0, x0, x1, top, top - row->height);
    }
}

/* A fillable form's field over the score cell of row, named by the item's
 * number (model.h item_number). */
static void score_field(const table *t, page *pg, size_t row, double x0, double x1, double top, double bottom)
{
    size_t c = 0, r = row;
    while (r >= t->u->cats[c].len)
        r -= t->u->cats[c++].len;
    const item *it = &t->u->cats[c].items[r];
    char buf[ITEM_NUMBER_SIZE];
    page_add_field(pg, FORM_SCORE, item_number(it, layout_item_numbering(t->tl), buf), t->u->name,
                   item_score_max_chars(it, t->u, t->a), t->tl->cell.size_pt, x0, bottom, x1, top);
}

static void draw_part(table *t, page *pg, const pg_table *pt, const pg_part *p, double top)
{
    double bottom = top - p->height;
    for (size_t k = 0; k < t->ncols; k++) {
        size_t i = p->row * t->ncols + k;
        if (t->group[i] != p->row || (p->row + 1 < t->nrows && t->group[i + t->ncols] == p->row))
            continue; /* drawn with its merged cell */
        cell *c = &t->cells[i];
        double x0 = t->col_x[k], x1 = t->col_x[k + 1];
        draw_box(pg, x0, x1, top, bottom, t->tl->line_width_pt);
        if (!t->sets_height[k] && !p->continued)
            fit_cell(t, c, p->height);
        if (t->tl->columns[k].show == SHOW_SCORE && !p->continued)
            score_field(t, pg, p->row, x0, x1, top, bottom);
        draw_lines(t, pg, c, p->from[k], p->to[k], p->continued && k == pt->marker_col ? 1 : 0, x0, x1, top, bottom);
    }
}

static void draw_page(table *t, cursor *cur, const pg_table *pt, const pg_result *res, const pg_page *p,
                      const simple_row *header, const simple_row *total)
{
    draw_simple_row(t, cur->pg, header, cur->y);
    cur->y -= header->height;
    double *tops = xcalloc(p->nparts + 1, sizeof *tops);
    for (size_t i = 0; i < p->nparts; i++) {
        const pg_part *part = &res->parts[p->first_part + i];
        tops[i] = cur->y;
        draw_part(t, cur->pg, pt, part, cur->y);
        cur->y -= part->height;
    }
    tops[p->nparts] = cur->y;
    for (size_t i = 0; i < p->npieces; i++) {
        const pg_piece *pc = &res->pieces[p->first_piece + i];
        size_t first = pc->first - p->first_part, last = pc->last - p->first_part;
        size_t row = t->group[res->parts[pc->first].row * t->ncols + pc->col];
        double x0 = t->col_x[pc->col], x1 = t->col_x[pc->col + 1];
        draw_box(cur->pg, x0, x1, tops[first], tops[last + 1], t->tl->line_width_pt);
        draw_lines(t, cur->pg, &t->cells[row * t->ncols + pc->col], pc->from, pc->to, 0, x0, x1, tops[first],
                   tops[last + 1]);
    }
    free(tops);
    if (p->total && total->n) {
        draw_simple_row(t, cur->pg, total, cur->y);
        cur->y -= total->height;
    }
}

static size_t unit_rows(const unit *u)
{
    size_t n = 0;
    for (size_t c = 0; c < u->len; c++)
        n += u->cats[c].len;
    return n;
}

/* A cell shown again on every page it reaches (a category) must fit an
 * empty page below the header: one taller would be cut on every page, so
 * it is an error at its line, not lost text. */
static void check_repeated_cells(const table *t, const pg_table *pt)
{
    size_t fitting = pg_lines_per_page(pt);
    for (size_t k = 0; k < t->ncols; k++) {
        if (!t->repeat[k])
            continue;
        for (size_t r = 0; r < t->nrows; r++) {
            size_t i = r * t->ncols + k;
            const cell *c = &t->cells[i];
            if (t->group[i] == r && t->nlines[i] > fitting)
                diag_error(t->d, c->at.file, c->at.line,
                           "'%s' needs %zu lines in its column, and a page holds %zu: widen the column or "
                           "make the table's text smaller in the layout", c->text, t->nlines[i], fitting);
        }
    }
}

void table_typeset(const layout *lay, shaper *sh, cursor *cur, const attachment *a, const unit *u, const char *file,
                   double after, diag_list *d)
{
    const table_layout *tl = &lay->table;
    table t;
    table_init(&t, tl, sh, &cur->fr, unit_rows(u));
    t.layout_path = lay->path;
    t.a = a;
    t.u = u;
    t.d = d;
    t.file = file;
    build_cells(&t, a, u);
    simple_row header = {0}, total = {0};
    header_row(&t, u, a, &header);
    if (tl->total_label)
        total_row(&t, u, &total);
    pg_table pt = {
        .nrows = t.nrows, .ncols = t.ncols, .lines = t.nlines, .group = t.group,
        .sets_height = t.sets_height, .repeat = t.repeat, .marker_col = marker_column(&t),
        .line_h = t.line_h, .pad = t.pad, .min_row = MM_TO_PT(tl->min_row_mm),
        .header_h = header.height, .total_h = (tl->total_label ? total.height : 0) + after,
        .first_room = cur->y - cur->fr.bottom, .page_room = cur->fr.height,
        .split_lines = (size_t)tl->split_lines,
    };
    check_repeated_cells(&t, &pt);
    pg_result res;
    paginate(&pt, &res);
    for (size_t i = 0; i < res.npages; i++) {
        if (i > 0 || res.starts_new_page) {
            cur->pg = page_list_add(cur->out);
            cur->y = cur->fr.top;
        }
        draw_page(&t, cur, &pt, &res, &res.pages[i], &header, &total);
    }
    pg_result_free(&res);
    simple_row_free(&header);
    if (tl->total_label)
        simple_row_free(&total);
    table_free(&t);
}
