/* table: one unit of an attachment as a rubric table.
 *
 * Every column's content, width, alignment and merging comes from the layout.
 * A table is laid out in three steps:
 *   1. cells: each row's (item's) text per column, broken into lines;
 *   2. heights: a row is as tall as its tallest unmerged cell (at least
 *      min_row_mm, room to write by hand);
 *   3. pages: rows go down the page; the header row repeats on each page; a
 *      merged cell cut by a page break goes on where it stopped, while a
 *      category, or text already shown whole, is drawn again from the top;
 *      the last row of a merged cell grows until the cell's part on its page
 *      holds all it still owes, so no text is lost; a row taller than a page
 *      is split between lines, its later part marked （续）.
 */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scores.h"
#include "text.h"
#include "typeset.h"

#define HEADERS_FIELD "表头"
#define CONTINUED "（续）"

typedef struct cell {
    run r;
    lb_result lines;
    font_spec f;
    cell_align align;
    bool justify;
} cell;

typedef struct table {
    const table_layout *tl;
    const fontset *fs;
    const grades *g;        /* the unit's scores, or NULL for a blank form */
    size_t ncols, nrows;
    double *col_x;          /* left edge of each column; col_x[ncols] is the right edge */
    cell *cells;            /* nrows × ncols, row-major */
    size_t *group;          /* nrows × ncols: first row of the merged cell a cell belongs to */
    double *height;         /* per row */
    double line_h;          /* line pitch in a cell */
    double pad;
} table;

/* ---- cells ---------------------------------------------------------------- */

static void cell_set(const table *t, cell *c, const char *text, font_spec f, cell_align align, double width)
{
    c->f = f;
    c->align = align;
    c->justify = align == ALIGN_LEFT;
    run_shape(&c->r, t->fs, f, text, 0);
    text_break(&c->r, width - 2 * t->pad, 0, c->justify, t->tl->compress_punct, &c->lines);
}

static void cell_free(cell *c)
{
    run_free(&c->r);
    lb_result_free(&c->lines);
}

static double lines_height(const table *t, size_t nlines)
{
    return (double)nlines * t->line_h + 2 * t->pad;
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

/* A scored item's 自评分: its points, 是/否 for a veto item. */
static char *score_text(const grades *g, const item *it)
{
    const item_grade *ig = &g->items[it->seq - 1];
    char buf[32];
    if (it->kind == KIND_VETO)
        return xstrdup(ig->vetoed ? "是" : ig->score == POINTS_NONE ? "" : "否");
    return xstrdup(ig->score == POINTS_NONE ? "" : points_format(ig->score, buf));
}

static char *cell_text(const table *t, const column *col, const attachment *a, const unit *u,
                       const category *c, const item *it)
{
    char buf[32];
    switch (col->show) {
    case SHOW_SCORE: return t->g ? score_text(t->g, it) : xstrdup("");
    case SHOW_REMARK: {
        const char *remark = t->g ? t->g->items[it->seq - 1].remark : NULL;
        return xstrdup(remark ? remark : "");
    }
    case SHOW_SEQ: return xasprintf("%d", it->seq);
    case SHOW_CATEGORY: return category_text(c, col);
    case SHOW_NAME: return xstrdup(it->name ? it->name : "");
    case SHOW_TEXT: return xstrdup(it->text);
    case SHOW_POINTS:
        return it->pts == POINTS_NONE ? xstrdup("") : xasprintf("%s%s", points_format(it->pts, buf), col->suffix);
    case SHOW_FIELD: {
        const char *v = item_field(it, u, a, col->field);
        return xstrdup(v ? v : "");
    }
    default: return xstrdup(""); /* score and blank columns: written in by hand */
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
    char **texts = xcalloc(t->nrows * t->ncols, sizeof *texts);
    size_t r = 0;
    for (size_t c = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++, r++)
            for (size_t k = 0; k < t->ncols; k++)
                texts[r * t->ncols + k] = cell_text(t, &t->tl->columns[k], a, u, &u->cats[c], &u->cats[c].items[i]);
    set_groups(t, u, texts);
    for (size_t i = 0; i < t->nrows * t->ncols; i++) {
        const column *col = &t->tl->columns[i % t->ncols];
        cell_set(t, &t->cells[i], texts[i], t->tl->cell, col->align, col->width_mm * 72 / 25.4);
        free(texts[i]);
    }
    free(texts);
}

/* Whether the cell at (r, k) spans more than its own row. */
static bool is_merged(const table *t, size_t r, size_t k)
{
    size_t i = r * t->ncols + k;
    return t->group[i] != r || (r + 1 < t->nrows && t->group[i + t->ncols] == r);
}

/* Whether row r is the last of a merged cell in column k. */
static bool ends_merged(const table *t, size_t r, size_t k)
{
    return is_merged(t, r, k) &&
           (r + 1 == t->nrows || t->group[(r + 1) * t->ncols + k] != t->group[r * t->ncols + k]);
}

/* Rows' own heights; what merged cells need is settled page by page. */
static void set_heights(table *t)
{
    double min = MM_TO_PT(t->tl->min_row_mm);
    for (size_t r = 0; r < t->nrows; r++) {
        t->height[r] = min;
        for (size_t k = 0; k < t->ncols; k++) {
            double h = lines_height(t, t->cells[r * t->ncols + k].lines.len);
            if (!is_merged(t, r, k) && h > t->height[r])
                t->height[r] = h;
        }
    }
}

static void table_init(table *t, const table_layout *tl, const fontset *fs, const frame *fr, size_t nrows)
{
    memset(t, 0, sizeof *t);
    t->tl = tl;
    t->fs = fs;
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
    t->cells = xcalloc(nrows * t->ncols + 1, sizeof *t->cells);
    t->group = xcalloc(nrows * t->ncols + 1, sizeof *t->group);
    t->height = xcalloc(nrows + 1, sizeof *t->height);
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        cell_free(&t->cells[i]);
    free(t->cells);
    free(t->group);
    free(t->height);
    free(t->col_x);
}

/* ---- drawing ---------------------------------------------------------------- */

static void draw_box(page *pg, double x0, double x1, double top, double bottom, double w)
{
    page_add_line(pg, x0, top, x1, top, w, BLACK);
    page_add_line(pg, x0, bottom, x1, bottom, w, BLACK);
    page_add_line(pg, x0, top, x0, bottom, w, BLACK);
    page_add_line(pg, x1, top, x1, bottom, w, BLACK);
}

/* Draws lines [from, to) of c in the box, centred vertically. */
static void draw_lines(const table *t, page *pg, const cell *c, size_t from, size_t to, double x0,
                       double x1, double top, double bottom)
{
    double block = (double)(to - from) * t->line_h;
    double y = top - ((top - bottom) - block) / 2;
    for (size_t i = from; i < to; i++, y -= t->line_h) {
        const lb_line *ln = &c->lines.lines[i];
        double base = baseline_below(y - (t->line_h - c->f.size_pt) / 2, c->f.size_pt);
        double x = c->align == ALIGN_LEFT ? x0 + t->pad : x0 + ((x1 - x0) - ln->width) / 2;
        run_draw(pg, &c->r, ln->start, ln->end, ln->x, x, base, c->f, BLACK);
    }
}

static size_t lines_fitting(const table *t, double height)
{
    double room = height - 2 * t->pad;
    return room <= 0 ? 0 : (size_t)floor(room / t->line_h + 1e-9);
}

/* A one-row table of the given texts (header or total row) at the cursor,
 * on a new page if it would run past the foot of this one. */
static double draw_simple_row(const table *t, cursor *cur, char **texts, const size_t *spans, size_t n,
                              font_spec f)
{
    cell *cells = xcalloc(n, sizeof *cells);
    double h = MM_TO_PT(t->tl->min_row_mm) * 0.8;
    size_t k = 0;
    for (size_t i = 0; i < n; k += spans[i], i++) {
        cell_set(t, &cells[i], texts[i], f, ALIGN_CENTER, t->col_x[k + spans[i]] - t->col_x[k]);
        if (lines_height(t, cells[i].lines.len) > h)
            h = lines_height(t, cells[i].lines.len);
    }
    if (cur->y - h < cur->fr.bottom - 1e-6 && cur->y < cur->fr.top) {
        cur->pg = page_list_add(cur->out);
        cur->y = cur->fr.top;
    }
    k = 0;
    for (size_t i = 0; i < n; k += spans[i], i++) {
        double x0 = t->col_x[k], x1 = t->col_x[k + spans[i]];
        draw_box(cur->pg, x0, x1, cur->y, cur->y - h, t->tl->line_width_pt);
        draw_lines(t, cur->pg, &cells[i], 0, cells[i].lines.len, x0, x1, cur->y, cur->y - h);
        cell_free(&cells[i]);
    }
    free(cells);
    cur->y -= h;
    return h;
}

/* The header cells: the layout's, or the unit's (or attachment's) 表头. */
static void draw_header(const table *t, cursor *cur, const unit *u, const attachment *a)
{
    const char *custom = field_value(&u->fields, HEADERS_FIELD);
    if (!custom)
        custom = field_value(&a->fields, HEADERS_FIELD);
    size_t n = layout_header_cells(t->tl);
    char **texts = xcalloc(n, sizeof *texts);
    size_t *spans = xcalloc(n, sizeof *spans);
    const char *s = custom;
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
    draw_simple_row(t, cur, texts, spans, n, t->tl->header);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(spans);
}

static void new_table_page(const table *t, cursor *cur, const unit *u, const attachment *a)
{
    cur->pg = page_list_add(cur->out);
    cur->y = cur->fr.top;
    draw_header(t, cur, u, a);
}

/* The part of row r's cells in [top, bottom); line offsets say where each
 * column's text resumes when a row is split across pages. */
static void draw_row_part(const table *t, cursor *cur, size_t r, size_t *resume, double h, bool continued)
{
    double top = cur->y, bottom = cur->y - h;
    for (size_t k = 0; k < t->ncols; k++) {
        if (is_merged(t, r, k))
            continue; /* drawn with its merged cell */
        const cell *c = &t->cells[r * t->ncols + k];
        /* the category's label again on every page its row reaches */
        bool label = continued && t->tl->columns[k].show == SHOW_CATEGORY;
        size_t fit = lines_fitting(t, h), from = label ? 0 : resume[k];
        size_t to = from + fit < c->lines.len ? from + fit : c->lines.len;
        double x0 = t->col_x[k], x1 = t->col_x[k + 1];
        draw_box(cur->pg, x0, x1, top, bottom, t->tl->line_width_pt);
        draw_lines(t, cur->pg, c, from, to, x0, x1, top, bottom);
        if (!label)
            resume[k] = to;
    }
    if (continued) {
        font_spec f = t->tl->cell;
        f.size_pt *= 0.8;
        text_draw(cur->pg, t->fs, f, CONTINUED, t->col_x[t->ncols] - text_width(t->fs, f, CONTINUED, 0) - t->pad,
                  bottom + t->pad, 0, BLACK);
    }
    cur->y = bottom;
}

/* The line the merged cell of column k holding row r starts from on the
 * page whose rows begin at first.  Text cut by the page before goes on where
 * it stopped (shown[k]); a cell begun on this page starts at its top; a
 * category, and text already shown whole, start at the top again, as a
 * reminder.  *owed: whether the lines from there on must all be shown on
 * this page (all but a reminder of text already shown). */
static size_t merged_from(const table *t, size_t r, size_t k, size_t first, const size_t *shown, bool *owed)
{
    size_t g = t->group[r * t->ncols + k];
    bool label = t->tl->columns[k].show == SHOW_CATEGORY;
    bool cut = g < first && !label && shown[k] < t->cells[g * t->ncols + k].lines.len;
    *owed = g >= first || label || cut;
    return cut ? shown[k] : 0;
}

/* Merged cells of rows [first, last] on this page: one box each, with as
 * much of the text as fits from merged_from on; shown[k] records how far
 * owed text got. */
static void draw_merged(const table *t, page *pg, size_t first, size_t last, const double *row_top,
                        const double *row_bottom, size_t *shown)
{
    for (size_t k = 0; k < t->ncols; k++) {
        for (size_t r = first; r <= last; r++) {
            size_t g = t->group[r * t->ncols + k];
            bool starts = r == first || t->group[(r - 1) * t->ncols + k] != g;
            size_t end = r;
            while (end < last && t->group[(end + 1) * t->ncols + k] == g)
                end++;
            if (!starts || !is_merged(t, r, k))
                continue; /* a single-row cell was drawn with its row */
            const cell *c = &t->cells[g * t->ncols + k];
            double top = row_top[r - first], bottom = row_bottom[end - first];
            bool owed;
            size_t from = merged_from(t, r, k, first, shown, &owed), fit = lines_fitting(t, top - bottom);
            size_t to = from + fit < c->lines.len ? from + fit : c->lines.len;
            draw_box(pg, t->col_x[k], t->col_x[k + 1], top, bottom, t->tl->line_width_pt);
            draw_lines(t, pg, c, from, to, t->col_x[k], t->col_x[k + 1], top, bottom);
            if (owed)
                shown[k] = to;
            r = end;
        }
    }
}

/* The rows on the current page: they begin at first; the i-th of the n
 * placed so far spans tops[i] down to bottoms[i].  Their merged cells are
 * drawn when the page is left; shown[k] is how far the merged cell open in
 * column k got on the pages before. */
typedef struct page_rows {
    double *tops, *bottoms;
    size_t first, n;
    size_t *shown;
} page_rows;

/* For the merged cell of column k that ends at row r (r's top at row_top):
 * the top of its part on this page, and the lines it owes there. */
static size_t merged_part(const table *t, size_t r, size_t k, const page_rows *pr, double row_top, double *top)
{
    size_t g = t->group[r * t->ncols + k], s = g > pr->first ? g : pr->first;
    *top = s < r ? pr->tops[s - pr->first] : row_top;
    bool owed;
    size_t from = merged_from(t, r, k, pr->first, pr->shown, &owed);
    return owed ? t->cells[g * t->ncols + k].lines.len - from : 0;
}

/* The height row r needs with its top at y: its own, or more where a merged
 * cell ends at it, whose part on this page must hold what it has left. */
static double row_need(const table *t, size_t r, const page_rows *pr, double y)
{
    double need = t->height[r];
    for (size_t k = 0; k < t->ncols; k++) {
        double top;
        if (!ends_merged(t, r, k))
            continue;
        double h = lines_height(t, merged_part(t, r, k, pr, y, &top)) - (top - y);
        if (h > need)
            need = h;
    }
    return need;
}

/* The height row r still needs once a part of it, from row_top down to y, is
 * placed: for its own cells' lines not drawn (resume) and the merged text
 * ending at it that did not fit; a category's label is repeated, not
 * continued. */
static double rest_height(const table *t, size_t r, const size_t *resume, const page_rows *pr, double row_top,
                          double y)
{
    size_t most = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        bool label = t->tl->columns[k].show == SHOW_CATEGORY;
        size_t rest = 0;
        if (ends_merged(t, r, k) && !label) {
            double top;
            size_t left = merged_part(t, r, k, pr, row_top, &top), fit = lines_fitting(t, top - y);
            rest = left > fit ? left - fit : 0;
        } else if (!is_merged(t, r, k) && !(label && resume[k] > 0)) {
            rest = t->cells[r * t->ncols + k].lines.len - resume[k];
        }
        if (rest > most)
            most = rest;
    }
    return most ? lines_height(t, most) : 0;
}

static void leave_page(const table *t, cursor *cur, page_rows *pr, size_t next_first, const unit *u,
                       const attachment *a)
{
    if (pr->n > 0)
        draw_merged(t, cur->pg, pr->first, pr->first + pr->n - 1, pr->tops, pr->bottoms, pr->shown);
    new_table_page(t, cur, u, a);
    pr->first = next_first;
    pr->n = 0;
}

/* Rows down the pages.  A page holding only its header is never left empty:
 * a row too tall for it is split there, and a part that places no new line
 * ends the row rather than loop. */
static void draw_rows(const table *t, cursor *cur, const unit *u, const attachment *a, double reserve)
{
    page_rows pr = {xcalloc(t->nrows + 1, sizeof *pr.tops), xcalloc(t->nrows + 1, sizeof *pr.bottoms), 0, 0,
                    xcalloc(t->ncols, sizeof *pr.shown)};
    size_t *resume = xcalloc(t->ncols, sizeof *resume);
    bool fresh = false; /* the page holds only its header */
    for (size_t r = 0; r < t->nrows; r++) {
        memset(resume, 0, t->ncols * sizeof *resume);
        /* the last row keeps the total row company on its page */
        double keep = r + 1 == t->nrows ? reserve : 0;
        bool continued = false;
        for (;;) {
            /* until a part of the row is placed, its need depends on the page */
            double left = continued ? rest_height(t, r, resume, &pr, cur->y, cur->y) : row_need(t, r, &pr, cur->y);
            double room = cur->y - cur->fr.bottom;
            double full = cur->fr.height * 0.6; /* a row that fits in 60% of a page is never split */
            if (!fresh && left + keep > room + 1e-6 && (pr.n > 0 || left <= full || room < t->line_h * 3)) {
                leave_page(t, cur, &pr, r, u, a);
                fresh = true;
                continue;
            }
            fresh = false;
            double h = left <= room + 1e-6 ? left : room, top = cur->y;
            pr.tops[pr.n] = top;
            draw_row_part(t, cur, r, resume, h, continued);
            pr.bottoms[pr.n] = cur->y;
            double rest = rest_height(t, r, resume, &pr, top, cur->y);
            pr.n++;
            if (rest < 1e-6 || rest >= left)
                break;
            leave_page(t, cur, &pr, r, u, a);
            fresh = true;
            continued = true;
        }
    }
    if (pr.n > 0)
        draw_merged(t, cur->pg, pr.first, pr.first + pr.n - 1, pr.tops, pr.bottoms, pr.shown);
    free(pr.tops);
    free(pr.bottoms);
    free(pr.shown);
    free(resume);
}

static void draw_total(const table *t, cursor *cur, const unit *u)
{
    points total = 0;
    for (size_t c = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++)
            if (u->cats[c].items[i].kind == KIND_NORMAL && u->cats[c].items[i].pts != POINTS_NONE)
                total += u->cats[c].items[i].pts;
    char **texts = xcalloc(t->ncols, sizeof *texts);
    size_t *spans = xcalloc(t->ncols, sizeof *spans);
    char buf[32];
    size_t n = 0;
    texts[n] = xstrdup(t->tl->total_label);
    spans[n++] = (size_t)t->tl->total_span;
    for (size_t k = (size_t)t->tl->total_span; k < t->ncols; k++, n++) {
        const column *col = &t->tl->columns[k];
        spans[n] = 1;
        if (col->show == SHOW_POINTS)
            texts[n] = xasprintf("%s%s", points_format(total, buf), col->suffix);
        else if (col->show == SHOW_SCORE && t->g)
            texts[n] = xstrdup(points_format(t->g->total, buf));
        else
            texts[n] = xstrdup("");
    }
    draw_simple_row(t, cur, texts, spans, n, t->tl->cell);
    for (size_t k = 0; k < n; k++)
        free(texts[k]);
    free(texts);
    free(spans);
}

static size_t unit_rows(const unit *u)
{
    size_t n = 0;
    for (size_t c = 0; c < u->len; c++)
        n += u->cats[c].len;
    return n;
}

void table_typeset(const table_layout *tl, const fontset *fs, cursor *cur, const attachment *a, const unit *u,
                   const grades *g)
{
    table t;
    table_init(&t, tl, fs, &cur->fr, unit_rows(u));
    t.g = g;
    build_cells(&t, a, u);
    set_heights(&t);
    draw_header(&t, cur, u, a);
    draw_rows(&t, cur, u, a, tl->total_label ? MM_TO_PT(tl->min_row_mm) : 0);
    if (tl->total_label)
        draw_total(&t, cur, u);
    table_free(&t);
}
