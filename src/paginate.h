/* SPDX-License-Identifier: MIT */
/* paginate: a table's rows cut into pages, decided on heights and line
 * counts alone, as TeX breaks pages apart from shipping them out.  The table
 * typesetter (table.h) measures the cells, this module decides the slices,
 * and the typesetter draws them; nothing here draws.
 *
 * What it promises:
 *  - every line of every cell is shown, once, on some page (a merged cell's
 *    text cut by a page break goes on where it stopped; a category column's
 *    cell, and a merged text already shown whole, is shown again from its
 *    top as a reminder, as far as the rows below it leave room);
 *  - the header row heads every page;
 *  - a row that does not fit the rest of a page is split across the break
 *    when at least split_lines lines of it fit and as many are left for the
 *    next page, or when it is taller than a page; otherwise it moves whole to
 *    the next page.  Its later part is marked (the marker's line is room in
 *    the marker column, counted here);
 *  - a row is as tall as its tallest cell in a column that sets heights
 *    (filled-in columns do not: a scored copy paginates like the form), at
 *    least min_row; the last row of a merged cell grows until the cell's
 *    part on its page holds what it owes;
 *  - the total row is never alone on a page: it keeps the last row's last
 *    part company.
 */
#ifndef GONGWEN_PAGINATE_H
#define GONGWEN_PAGINATE_H

#include <stdbool.h>
#include <stddef.h>

/* A table as the paginator sees it.  Cell (r, k) is r * ncols + k. */
typedef struct pg_table {
    size_t nrows, ncols;
    const size_t *lines;     /* lines of each cell's text; of a merged cell, at its first row */
    const size_t *group;     /* first row of the merged cell a cell belongs to (itself if unmerged) */
    const bool *sets_height; /* per column: its cells decide row heights */
    const bool *repeat;      /* per column: a merged cell shown again from its top on each page */
    size_t marker_col;       /* where a row's later part is marked continued */
    double line_h, pad;      /* a cell of n lines is n * line_h + 2 * pad tall */
    double min_row;
    double header_h, total_h;   /* total_h 0: no total row */
    double first_room;       /* below the cursor on the first page (header included) */
    double page_room;        /* on every later page */
    size_t split_lines;
} pg_table;

/* A row, or a part of one, on a page: its height, and per column the lines
 * [from, to) of its own (unmerged) cells drawn there. */
typedef struct pg_part {
    size_t row;
    double height;
    bool continued;          /* not the row's first part: marked */
    size_t *from, *to;       /* ncols each; unused for merged cells */
} pg_part;

/* The piece of a merged cell on a page: rows [first, last] of the page's
 * rows, lines [from, to) of its text. */
typedef struct pg_piece {
    size_t col, first, last;
    size_t from, to;
} pg_piece;

typedef struct pg_page {
    size_t first_part, nparts;   /* into pg_result.parts */
    size_t first_piece, npieces; /* into pg_result.pieces */
    bool total;                  /* the total row ends this page */
} pg_page;

typedef struct pg_result {
    pg_page *pages;
    size_t npages;
    pg_part *parts;
    size_t nparts;
    pg_piece *pieces;
    size_t npieces;
    bool starts_new_page;        /* nothing of the table fits the first page's room: it starts on a new one */
} pg_result;

void paginate(const pg_table *t, pg_result *out);
/* The lines of a cell that an empty page holds below the header: a repeated
 * (category) cell with more fits no page whole, and is cut on every page. */
size_t pg_lines_per_page(const pg_table *t);
void pg_result_free(pg_result *r);

/* Height of a cell of n lines. */
double pg_cell_height(const pg_table *t, size_t nlines);

#endif
