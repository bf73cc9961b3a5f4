/* SPDX-License-Identifier: MIT */
/* linebreak: a paragraph's lines, chosen by cost over all candidate breaks.
 *
 * Input is a paragraph as code points, the advance of each (pt, at the size
 * it will be drawn) and the cost of breaking before each (breaks.h says
 * where a break is allowed and what it costs).  Output is lines, and the x
 * position of every glyph relative to the line's left edge.
 *
 * As TeX chooses a paragraph, every line of a choice is priced and the
 * cheapest choice wins, by dynamic programming over the breaks:
 *  - LB_JUSTIFY (body text, cells): every line but the last stretched to the
 *    full width; a line short of it by s em costs 100 s²; runs of full-width
 *    punctuation may be compressed, and a line squeezed to fit (its closing
 *    marks' blank halves) costs 50 per em squeezed;
 *  - LB_RAGGED (centred or flush cells): lines at natural spacing; a short
 *    line costs 10 s² and each line 50, so break costs decide; a last line
 *    of one character (孤字, punctuation aside) after others costs 400;
 *  - LB_BALANCE (titles): the fewest lines that keep words whole, then lines
 *    of about equal width, shaped as a trapezoid or a diamond (菱形): no line
 *    shorter than both its neighbours.
 * Breaking where breaks.h says never (BREAK_NEVER) happens only when nothing
 * else fits (a word or a glyph wider than the line), as few times as
 * possible, 禁则 last.  Line feeds (U+000A, forced breaks) end lines and are
 * not placed on any.  Knows nothing of fonts, PDF or Markdown.
 */
#ifndef GONGWEN_LINEBREAK_H
#define GONGWEN_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { LB_JUSTIFY, LB_RAGGED, LB_BALANCE } lb_mode;

typedef struct lb_options {
    double width;          /* line width, pt */
    double first_indent;   /* added to the left of the first line, pt */
    double rest_indent;    /* added to the left of every later line, pt */
    lb_mode mode;
    bool compress_punct;   /* compress runs of full-width punctuation */
    double em;             /* the text's size, pt: lengths are priced in ems (0: 16) */
    const double *costs;   /* n + 1 break costs (breaks.h); NULL: breaks.h's BREAK_ANYWHERE */
} lb_options;

typedef struct lb_line {
    size_t start, end;   /* glyphs [start, end) of the paragraph */
    double *x;           /* end - start positions, relative to the line start
                            (including the indent) */
    double width;        /* natural width after compression, before justification */
} lb_line;

typedef struct lb_result {
    lb_line *lines;
    size_t len;
} lb_result;

/* Breaks cps[0..n).  Always succeeds (a glyph wider than the line gets a
 * line of its own). */
void linebreak(const uint32_t *cps, const double *advances, size_t n, const lb_options *opt, lb_result *out);
void lb_result_free(lb_result *r);

#endif
