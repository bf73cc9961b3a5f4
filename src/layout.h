/* SPDX-License-Identifier: MIT */
/* layout: how a document looks, read from layouts/NAME.yaml.
 *
 * All geometry of the notice (GB/T 9704-2012 numbers) and every column of the
 * rubric table live in the layout file, so a federation with another table
 * shape writes a new layout, not code.  Lengths in the file are millimetres
 * (keys ending in _mm) or points (_pt); here they are kept as written.
 *
 * Invariant: a loaded layout has at least one column, every column a
 * positive width, and at most one column showing each of seq, category, name,
 * text, points and score.
 */
#ifndef GONGWEN_LAYOUT_H
#define GONGWEN_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "fonts.h"
#include "model.h"
#include "page.h"

typedef struct font_spec {
    font_role role;
    double size_pt;
    bool bold;           /* fake bold (fill + stroke) for faces with no bold */
} font_spec;

typedef enum {
    SHOW_SEQ,            /* 序号: 1, 2, 3 … within the unit */
    SHOW_CATEGORY,       /* the category heading (label, name, points) */
    SHOW_NAME,           /* the item's short name (heading form) */
    SHOW_TEXT,           /* the item's text */
    SHOW_POINTS,         /* the item's points */
    SHOW_SCORE,          /* the unit's score: blank on a form */
    SHOW_FIELD,          /* a named field: 扣分方法、标准 … */
    SHOW_BLANK,          /* left empty to be written in by hand: 扣分, 实际得分 … */
    SHOW_REMARK,         /* a scored unit's remark on the item (blank on a form) */
    SHOW_COUNT
} column_show;

typedef enum { ALIGN_CENTER, ALIGN_LEFT } cell_align;

typedef struct column {
    char *header;
    int header_span;     /* the header covers this and the next span-1 columns */
    double width_mm;
    column_show show;
    char *field;         /* SHOW_FIELD: the field's name */
    bool vertical;       /* one character a line, top to bottom */
    bool merge;          /* equal adjacent cells merge (category: per category) */
    /* text or name: the item's number (its id, 2.3) begins the cell, in place
     * of the number its text begins with, so that the number the units key
     * their scores by (model.h item_number) is on the form; for a table with
     * no seq column, which shows the number itself. */
    bool numbered;
    char *suffix;        /* appended to points, e.g. 分 */
    cell_align align;
    int line;            /* in the layout file */
} column;

typedef struct notice_layout {
    double margin_top_mm, margin_left_mm, text_width_mm, text_height_mm;
    int lines_per_page, chars_per_line;
    font_spec body, masthead, number, title, heading1, heading2, page_number, attachment_label;
    double masthead_top_mm;     /* masthead's top edge below the text area's top */
    double rule_gap_mm;         /* red rule below the 发文字号 */
    double rule_width_pt;
    double page_number_gap_mm;  /* below the text area */
    rgb red;
    bool compress_punct;        /* see table_layout */
    /* GB/T 9704 7.3.5.5: a page may hold this many lines more, its pitch
     * tightened, to keep the 署名 and 成文日期 with the body. */
    int squeeze_lines;
    bool sealed;                /* 7.3.5.1: 成文日期 four characters in, 署名 centred on it */
    bool colophon_even_page;    /* double-sided: the 版记 on an even page */
} notice_layout;

typedef struct table_layout {
    font_spec title, unit_line, header, cell;
    double line_width_pt;
    double padding_mm;
    double min_row_mm;          /* a row is at least this tall: room to write by hand */
    double line_gap;            /* line pitch as a multiple of the cell font size */
    char *total_label;          /* 合计; NULL: no total row */
    int total_span;             /* columns the 合计 label covers */
    /* The line above each table: "单位：____  填表人：____": each label with
     * the unit's value for it (单位: its name; others: its field of that
     * name), or a blank to write on. */
    char **header_labels;
    size_t nheader_labels;
    int lines_after_table;      /* kept free under the table for its 表后说明 (a scored copy's sums) */
    /* Squeeze runs of full-width punctuation.  Off by default: GB/T 9704's
     * grid gives every character, punctuation too, a cell of its own, and
     * poppler's text extraction splits a line wherever glyph boxes overlap. */
    bool compress_punct;
    int split_lines;            /* a row is cut at a page break where this many of its lines fit */
    bool unit_starts_page;      /* each 单位's table begins a page */
    bool landscape;             /* set on a landscape sheet, its head to the binding edge */
    char *scored_label;         /* opens a scored copy's sums: 自评得分, 考核得分 */
    column *columns;
    size_t ncolumns;
} table_layout;

typedef struct layout {
    char *path;
    notice_layout notice;
    table_layout table;
} layout;

/* Finds layouts/NAME.yaml in the first of dirs (NULL-terminated) that has it.
 * Returns a new path, or NULL. */
char *layout_find(const char *name, const char *const *dirs);
int layout_load(const char *path, layout **out, diag_list *d);
/* The same from text in memory (len bytes; NULL: read path); path names it
 * in diagnostics. */
int layout_load_text(const char *path, const char *text, size_t len, layout **out, diag_list *d);
void layout_free(layout *l);

/* Number of header cells: columns less those covered by a header_span. */
size_t layout_header_cells(const table_layout *t);
const char *column_show_name(column_show s);
/* How a form in this layout numbers its items: by the 序号 its table prints,
 * or, with no 序号 column, by id (model.h item_number). */
item_numbering layout_item_numbering(const table_layout *t);

#endif
