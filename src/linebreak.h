/* linebreak: Chinese line breaking on a character grid.
 *
 * Input is a paragraph as code points with the advance of each (pt, at the size
 * it will be drawn).  Output is lines, and the x position of every glyph
 * relative to the line's left edge, after:
 *  - 禁则 (kinsoku): no line starts with closing punctuation
 *    ，。、；：？！）》」』”’…〕】 and none ends with opening punctuation
 *    （《「『“‘〔【;
 *  - runs of adjacent full-width punctuation compressed (half of the blank side
 *    of each but the last);
 *  - Latin letters and digits kept together (never split inside a number or
 *    word unless the word alone is wider than the line);
 *  - justification: every line but the last stretched to the full width.
 * Knows nothing of fonts, PDF or Markdown.
 */
#ifndef GONGWEN_LINEBREAK_H
#define GONGWEN_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lb_options {
    double width;        /* line width, pt */
    double first_indent; /* added to the left of the first line, pt */
    bool justify;        /* stretch all lines but the last to the width */
    bool compress_punct; /* compress runs of full-width punctuation */
} lb_options;

typedef struct lb_line {
    size_t start, end;   /* glyphs [start, end) of the paragraph */
    double *x;           /* end - start positions, relative to the line start
                            (including first_indent on the first line) */
    double width;        /* natural width after compression, before justification */
} lb_line;

typedef struct lb_result {
    lb_line *lines;
    size_t len;
} lb_result;

/* Breaks cps[0..n).  Always succeeds (a glyph wider than the line gets a line
 * of its own).  Line-feed code points (U+000A) force a break and are not
 * placed on any line. */
void linebreak(const uint32_t *cps, const double *advances, size_t n,
               const lb_options *opt, lb_result *out);
void lb_result_free(lb_result *r);

/* Character classes, exposed for tests and for callers that check output. */
bool lb_is_closing(uint32_t cp);
bool lb_is_opening(uint32_t cp);

#endif
