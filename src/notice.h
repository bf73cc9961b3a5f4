/* notice: the GB/T 9704-2012 notice pages, and page numbers for all pages. */
#ifndef GONGWEN_NOTICE_H
#define GONGWEN_NOTICE_H

#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "page.h"

/* Appends the notice's pages to out.  The document must have passed check:
 * the notice's required front-matter keys are present.  A one-line part
 * (发文字号, 署名, 成文日期, 抄送, 印发) too wide for its place, or a title
 * longer than the first page, is drawn anyway and warned about in d. */
void notice_typeset(const document *doc, const layout *lay, const fontset *fs, page_list *out,
                    diag_list *d);

/* The font of a body paragraph follows its opening: 一、 Hei, （一） Kai,
 * anything else the body font. */
font_spec notice_paragraph_font(const notice_layout *nl, const char *text);

/* "— N —" on every page: odd pages right, even pages left, one character in,
 * page_number_gap_mm below the text area. */
void page_numbers_add(page_list *out, const notice_layout *nl, const fontset *fs);

#endif
