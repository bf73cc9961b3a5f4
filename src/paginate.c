/* SPDX-License-Identifier: MIT */
/* paginate: a table's page slices.  Contract in paginate.h.
 *
 * Rows go down the pages one part at a time.  A part's height is what its
 * row still needs: its own cells' lines not yet shown (plus the marker line
 * of a later part), and, where a merged cell ends at the row, what that
 * cell still owes beyond the rows above it on the page.  What a merged cell
 * owes on a page: all its lines if it starts there or is a category (shown
 * whole on every page it reaches); the rest if a page before cut it; nothing
 * if it was shown whole already (then it is a reminder, as far as it fits).
 * When a page is left, each merged cell's piece on it takes the lines that
 * fit its height, from where it starts, and records how far it got.
 */
#include "paginate.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define EPS 1e-6
#define NONE SIZE_MAX

typedef struct state {
    const pg_table *t;
    pg_result *out;
    size_t pages_cap, parts_cap, pieces_cap;
    double room;        /* for rows on this page */
    double used;
    size_t page_part;   /* the first part on this page */
    size_t page_piece;  /* the first piece on this page */
    bool first_page;
    size_t *open;       /* per column: the merged cell whose pieces earlier pages showed, or NONE */
    size_t *shown;      /* per column: how far they got */
    size_t *resume;     /* per column: lines of the current row's own cell already placed */
} state;

double pg_cell_height(const pg_table *t, size_t nlines)
{
    return (double)nlines * t->line_h + 2 * t->pad;
}

static size_t lines_fitting(const pg_table *t, double h)
{
    double room = h - 2 * t->pad;
    return room <= 0 ? 0 : (size_t)floor(room / t->line_h + 1e-9);
}

size_t pg_lines_per_page(const pg_table *t)
{
    return lines_fitting(t, t->page_room - t->header_h);
}

static size_t at(const pg_table *t, size_t r, size_t k) { return r * t->ncols + k; }
static size_t group_of(const pg_table *t, size_t r, size_t k) { return t->group[at(t, r, k)]; }

static bool is_merged(const pg_table *t, size_t r, size_t k)
{
    return group_of(t, r, k) != r || (r + 1 < t->nrows && group_of(t, r + 1, k) == r);
}

static bool ends_merged(const pg_table *t, size_t r, size_t k)
{
    return is_merged(t, r, k) && (r + 1 == t->nrows || group_of(t, r + 1, k) != group_of(t, r, k));
}

/* The marker line a later part of a row gives up in the marker column. */
static size_t marker(const pg_table *t, size_t k, bool continued)
{
    return continued && k == t->marker_col ? 1 : 0;
}

/* ---- what merged cells owe -------------------------------------------------------- */

/* The line a piece of the merged cell g (column k) starts from on this page,
 * and the lines it owes here. */
static size_t piece_from(const state *s, size_t g, size_t k, size_t *owed)
{
    const pg_table *t = s->t;
    size_t n = t->lines[at(t, g, k)];
    if (s->open[k] != g || t->repeat[k]) {
        *owed = n;
        return 0;
    }
    if (s->shown[k] < n) {
        *owed = n - s->shown[k];
        return s->shown[k];
    }
    *owed = 0;
    return 0;
}

/* Offset from the page's rows top of the first part on this page of a row
 * at or after g, or y when there is none (the piece starts with the part
 * about to be placed). */
static double piece_top(const state *s, size_t g, double y)
{
    const pg_part *parts = s->out->parts;
    double top = 0;
    for (size_t i = s->page_part; i < s->out->nparts; i++) {
        if (parts[i].row >= g)
            return top;
        top += parts[i].height;
    }
    return y;
}

/* ---- rows ------------------------------------------------------------------------- */

/* Lines of row r's own cell in column k still to place. */
static size_t own_rest(const state *s, size_t r, size_t k, bool continued)
{
    const pg_table *t = s->t;
    size_t n = t->lines[at(t, r, k)];
    return n > s->resume[k] ? n - s->resume[k] + marker(t, k, continued) : 0;
}

/* The tallest own cell's rest, in lines: what a split is judged on. */
static size_t tallest_rest(const state *s, size_t r, bool continued)
{
    size_t most = 0;
    for (size_t k = 0; k < s->t->ncols; k++)
        if (s->t->sets_height[k] && !is_merged(s->t, r, k) && own_rest(s, r, k, continued) > most)
            most = own_rest(s, r, k, continued);
    return most;
}

/* The height the next part of row r needs with its top at y. */
static double row_need(const state *s, size_t r, double y, bool continued)
{
    const pg_table *t = s->t;
    double need = continued ? 0 : t->min_row;
    size_t most = tallest_rest(s, r, continued);
    if (most > 0 && pg_cell_height(t, most) > need)
        need = pg_cell_height(t, most);
    for (size_t k = 0; k < t->ncols; k++) {
        if (!ends_merged(t, r, k))
            continue;
        size_t owed;
        (void)piece_from(s, group_of(t, r, k), k, &owed);
        double h = pg_cell_height(t, owed) - (y - piece_top(s, group_of(t, r, k), y));
        if (owed > 0 && h > need)
            need = h;
    }
    return need;
}

static pg_part *add_part(state *s, size_t r, double h, bool continued)
{
    pg_result *o = s->out;
    if (o->nparts == s->parts_cap) {
        s->parts_cap = s->parts_cap ? 2 * s->parts_cap : 32;
        o->parts = xrealloc(o->parts, s->parts_cap * sizeof *o->parts);
    }
    pg_part *p = &o->parts[o->nparts++];
    p->row = r;
    p->height = h;
    p->continued = continued;
    p->from = xcalloc(s->t->ncols, sizeof *p->from);
    p->to = xcalloc(s->t->ncols, sizeof *p->to);
    return p;
}

/* Places a part of row r, h tall; its own cells take the lines that fit.
 * Columns that do not set heights show their cell whole in the first part. */
static void place(state *s, size_t r, double h, bool continued)
{
    const pg_table *t = s->t;
    pg_part *p = add_part(s, r, h, continued);
    for (size_t k = 0; k < t->ncols; k++) {
        size_t n = t->lines[at(t, r, k)];
        if (is_merged(t, r, k))
            continue;
        if (!t->sets_height[k]) {
            p->from[k] = continued ? n : 0;
            p->to[k] = n;
            continue;
        }
        size_t cap = lines_fitting(t, h), m = marker(t, k, continued);
        cap = cap > m ? cap - m : 0;
        p->from[k] = s->resume[k];
        p->to[k] = s->resume[k] + cap < n ? s->resume[k] + cap : n;
        s->resume[k] = p->to[k];
    }
    s->used += h;
}

/* After a part of row r was placed (its top at top, h tall): whether
 * anything of the row is left, its own lines or merged lines owed. */
static bool row_has_rest(const state *s, size_t r, double top, double h)
{
    const pg_table *t = s->t;
    if (tallest_rest(s, r, false) > 0)
        return true;
    for (size_t k = 0; k < t->ncols; k++) {
        if (!ends_merged(t, r, k))
            continue;
        size_t g = group_of(t, r, k), owed;
        (void)piece_from(s, g, k, &owed);
        /* A category owes all its lines on every page: one taller than an
         * empty page fits on none, so it is shown as far as it fits, and
         * asks no page more, which would owe as much again. */
        if (t->repeat[k] && owed > pg_lines_per_page(t))
            continue;
        if (owed > lines_fitting(t, top + h - piece_top(s, g, top)))
            return true;
    }
    return false;
}

/* ---- pages ------------------------------------------------------------------------- */

static void add_piece(state *s, size_t k, size_t first, size_t last, size_t from, size_t to)
{
    pg_result *o = s->out;
    if (o->npieces == s->pieces_cap) {
        s->pieces_cap = s->pieces_cap ? 2 * s->pieces_cap : 32;
        o->pieces = xrealloc(o->pieces, s->pieces_cap * sizeof *o->pieces);
    }
    o->pieces[o->npieces++] = (pg_piece){ k, first, last, from, to };
}

/* The merged cells' pieces on the page being left, and how far each got.
 * A category cell that continues on the next page takes the page's room
 * left, if it needs it, to be shown whole. */
static void close_pieces(state *s)
{
    const pg_table *t = s->t;
    pg_part *parts = s->out->parts;
    size_t end = s->out->nparts;
    for (size_t k = 0; k < t->ncols; k++) {
        for (size_t i = s->page_part; i < end;) {
            size_t r = parts[i].row, g = group_of(t, r, k);
            size_t j = i;
            while (j + 1 < end && group_of(t, parts[j + 1].row, k) == g)
                j++;
            if (!is_merged(t, r, k)) {
                i = j + 1;
                continue;
            }
            double h = 0;
            for (size_t q = i; q <= j; q++)
                h += parts[q].height;
            size_t owed, from = piece_from(s, g, k, &owed), n = t->lines[at(t, g, k)];
            if (t->repeat[k] && lines_fitting(t, h) < owed) {
                double grow = fmin(pg_cell_height(t, owed) - h, s->room - s->used);
                if (grow > 0) {
                    parts[j].height += grow;
                    s->used += grow;
                    h += grow;
                }
            }
            size_t to = from + lines_fitting(t, h) < n ? from + lines_fitting(t, h) : n;
            add_piece(s, k, i, j, from, to);
            if (s->open[k] != g || owed > 0) {
                s->open[k] = g;
                s->shown[k] = to;
            }
            i = j + 1;
        }
    }
}

static void end_page(state *s, bool total)
{
    pg_result *o = s->out;
    close_pieces(s);
    s->first_page = false;
    if (o->npages == 0 && o->nparts == 0 && !total && !o->starts_new_page) {
        o->starts_new_page = true; /* nothing fitted below what precedes the table */
        s->used = 0;
        s->room = s->t->page_room - s->t->header_h;
        return;
    }
    if (o->npages == s->pages_cap) {
        s->pages_cap = s->pages_cap ? 2 * s->pages_cap : 8;
        o->pages = xrealloc(o->pages, s->pages_cap * sizeof *o->pages);
    }
    pg_page *pg = &o->pages[o->npages++];
    pg->first_part = s->page_part;
    pg->nparts = o->nparts - s->page_part;
    pg->first_piece = s->page_piece;
    pg->npieces = o->npieces - s->page_piece;
    pg->total = total;
    s->page_part = o->nparts;
    s->page_piece = o->npieces;
    s->used = 0;
    s->room = s->t->page_room - s->t->header_h;
}

/* The part of row r to place here when all of it (with the total row, for
 * the last row) does not fit in left: its height, or 0 when the row should
 * rather move whole to the next page.  A row is cut where at least
 * split_lines lines of its tallest cell fit and as many are left for the
 * next page, or anywhere if it is taller than a page.  When only the total
 * row does not fit, the cut leaves the next page split_lines lines to keep
 * the total company. */
static double split_height(const state *s, size_t r, double need, double left, bool continued)
{
    const pg_table *t = s->t;
    size_t most = tallest_rest(s, r, continued);
    size_t fit = need <= left + EPS ? (most > t->split_lines ? most - t->split_lines : 0) : lines_fitting(t, left);
    if (fit == 0)
        return 0;
    if (need > t->page_room - t->header_h + EPS)
        return left;
    /* Only the total row does not fit: a row of few lines moves whole rather
     * than leave a scrap of itself with the total. */
    size_t least = need <= left + EPS ? t->split_lines + 1 : t->split_lines;
    if (fit < least || most < fit + t->split_lines)
        return 0;
    return need <= left + EPS ? pg_cell_height(t, fit) : left;
}

void paginate(const pg_table *t, pg_result *out)
{
    memset(out, 0, sizeof *out);
    state s = { .t = t, .out = out, .first_page = true };
    s.open = xmalloc((t->ncols + 1) * sizeof *s.open);
    s.shown = xcalloc(t->ncols + 1, sizeof *s.shown);
    s.resume = xcalloc(t->ncols + 1, sizeof *s.resume);
    for (size_t k = 0; k < t->ncols; k++)
        s.open[k] = NONE;
    s.room = t->first_room - t->header_h;
    /* The first page, below what precedes the table, is no empty page: a row
     * that does not fit there moves on rather than being cut. */
    bool below_text = t->first_room < t->page_room - EPS;
    for (size_t r = 0; r < t->nrows; r++) {
        memset(s.resume, 0, t->ncols * sizeof *s.resume);
        bool continued = false;
        double keep = r + 1 == t->nrows ? t->total_h : 0;
        for (;;) {
            double y = s.used, need = row_need(&s, r, y, continued), left = s.room - s.used;
            bool fresh = s.out->nparts == s.page_part && !(below_text && s.first_page);
            if (need + keep <= left + EPS) {
                place(&s, r, need, continued);
                break;
            }
            double h = split_height(&s, r, need, left, continued);
            if (h <= 0 && !fresh) {
                end_page(&s, false);
                continue;
            }
            if (h <= 0 && need <= left + EPS) {
                place(&s, r, need, continued); /* cannot be cut: the total row goes on alone */
                break;
            }
            if (h <= 0)
                h = left; /* taller than an empty page and cut nowhere else: cut here */
            size_t before = tallest_rest(&s, r, continued);
            place(&s, r, h, continued);
            if (!row_has_rest(&s, r, y, h) || (fresh && before > 0 && tallest_rest(&s, r, true) >= before))
                break; /* nothing left, or no progress on an empty page: never loop */
            end_page(&s, false);
            continued = true;
        }
    }
    if (t->total_h > 0 && s.used + t->total_h > s.room + EPS)
        end_page(&s, false);
    end_page(&s, t->total_h > 0);
    free(s.open);
    free(s.shown);
    free(s.resume);
}

void pg_result_free(pg_result *r)
{
    for (size_t i = 0; i < r->nparts; i++) {
        free(r->parts[i].from);
        free(r->parts[i].to);
    }
    free(r->parts);
    free(r->pages);
    free(r->pieces);
    memset(r, 0, sizeof *r);
}
