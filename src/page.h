/* SPDX-License-Identifier: MIT */
/* page: what typesetting produces and the PDF writer draws.
 *
 * A laid-out document is a list of pages, each a list of drawing operations in
 * PDF points (1/72 inch), origin at the bottom-left of an A4 page.  Text
 * operations name a face by its id in the fontset (fonts.h), so the writer
 * knows exactly which code points each face must carry before it subsets it.
 * Nothing here knows libharu or cmark.
 *
 * Invariant: a text op's cps array holds ncps code points, owned by the op,
 * as a field op owns its name and group; page_list_free releases pages and
 * ops; a page's low is at or below every op on it.
 */
#ifndef GONGWEN_PAGE_H
#define GONGWEN_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define A4_WIDTH_PT  MM_TO_PT(210.0)
#define A4_HEIGHT_PT MM_TO_PT(297.0)

typedef struct rgb {
    double r, g, b; /* 0..1 */
} rgb;

typedef enum { OP_TEXT, OP_LINE, OP_FIELD } op_kind;

/* What a field (OP_FIELD) takes: an item's 自评分, or a line of text (a
 * blank of the header line). */
typedef enum { FORM_SCORE, FORM_TEXT } form_kind;

typedef struct op {
    op_kind kind;
    rgb color;
    /* OP_TEXT: glyphs drawn from (x, y) on the baseline, each advanced by its
     * own width plus char_spacing. */
    int face;             /* fontset face id */
    double size;          /* font size, pt */
    double x, y;
    double char_spacing;  /* extra advance after each glyph, pt */
    bool bold;            /* fake bold: fill then stroke */
    bool rotated;         /* glyphs turned a quarter turn counter-clockwise (a landscape page) */
    uint32_t *cps;
    size_t ncps;
    /* OP_LINE; OP_FIELD: the box (x1, y1)–(x2, y2) */
    double x1, y1, x2, y2, width;
    /* OP_FIELD: a cell or blank to be filled in.  It draws nothing: the PDF
     * writer makes it a form field when asked for a fillable form (pdfwrite.h),
     * and passes it by otherwise.  Its name is an item's number or a header
     * label; its group the unit's name, telling apart the fields of several
     * tables (NULL: the rubric's one table).  Text typed in it is set at size
     * (rotated on a landscape page); max_len > 0 bounds it. */
    form_kind form;
    char *name, *group;
    int max_len;
} op;

typedef struct page {
    op *ops;
    size_t len, cap;
    double low;           /* the lowest y anything reaches (A4_HEIGHT_PT when empty) */
    bool landscape;       /* typeset on a landscape sheet and turned (page_turn_landscape) */
    bool unnumbered;      /* carries no page number (a blank page before the 版记, and the 版记 page after it) */
} page;

typedef struct page_list {
    page *pages;
    size_t len, cap;
} page_list;

page *page_list_add(page_list *d);
/* Moves src's pages to the end of d, leaving src empty. */
void page_list_take(page_list *d, page_list *src);
/* Appends copies of src's pages to d. */
void page_list_copy(page_list *d, const page_list *src);
/* Turns a page typeset on a landscape A4 sheet (297 × 210 mm, origin at its
 * bottom-left) into the portrait page it is printed on, its top to the
 * page's left edge: the binding edge of an odd page, the outer edge of an
 * even one, as GB/T 9704 puts a landscape table's head. */
void page_turn_landscape(page *p);
/* Appends a copy of cps. */
void page_add_text(page *p, int face, double size, double x, double y, double char_spacing,
                   bool bold, rgb color, const uint32_t *cps, size_t ncps);
void page_add_line(page *p, double x1, double y1, double x2, double y2, double width, rgb color);
/* A field in the box (x1, y1)–(x2, y2); name and group (may be NULL) are copied. */
void page_add_field(page *p, form_kind form, const char *name, const char *group, int max_len, double size,
                    double x1, double y1, double x2, double y2);
void page_list_free(page_list *d);
/* The code points each face id below nfaces draws: cps[f] (caller frees)
 * holds ncps[f], ascending and distinct.  -1 if a text op names a face id
 * outside 0..nfaces-1 (its text is not counted). */
int page_list_face_cps(const page_list *d, size_t nfaces, uint32_t **cps, size_t *ncps);

#endif
