/* typeset: text as positioned glyphs — the pieces notice.c and table.c share.
 *
 * A run is a string turned into code points, each with the face that draws it
 * (the role's fallback order), its natural advance in the PDF and its advance
 * for layout (natural plus tracking, for the notice's character grid).
 * Invariant: cps, face, nat and adv all hold n entries, owned by the run.
 */
#ifndef GONGWEN_TYPESET_H
#define GONGWEN_TYPESET_H

#include <stddef.h>
#include <stdint.h>

#include "fonts.h"
#include "layout.h"
#include "linebreak.h"
#include "page.h"

typedef struct run {
    uint32_t *cps;
    int *face;
    double *nat;     /* the face's own advance at the size, pt */
    double *adv;     /* advance used for layout, pt */
    size_t n;
} run;

/* tracking: extra advance of a full-width glyph (half of it for a half-width
 * one), pt; negative tightens.  Used to put 28 characters on a 156 mm line. */
void run_shape(run *r, const fontset *fs, font_spec f, const char *utf8, double tracking);
void run_free(run *r);
double run_width(const run *r, size_t from, size_t to);

/* Draws glyphs [from, to) whose left edges are x0 + xs[i - from], on baseline y. */
void run_draw(page *p, const run *r, size_t from, size_t to, const double *xs, double x0,
              double y, font_spec f, rgb color);

/* One line of text at its natural spacing plus extra after each glyph;
 * returns its width. */
double text_width(const fontset *fs, font_spec f, const char *utf8, double extra);
void text_draw(page *p, const fontset *fs, font_spec f, const char *utf8, double x, double y,
               double extra, rgb color);

/* The baseline of text of size pt set in a box whose top is top: CJK faces
 * put the ideographic em box from -0.12 em to 0.88 em. */
double baseline_below(double top, double size);

/* Breaks and justifies text to width; lines go to out (caller frees).
 * compress: squeeze runs of full-width punctuation (see layout.h). */
void text_break(const run *r, double width, double first_indent, bool justify, bool compress,
                lb_result *out);

/* The text area (版心) of a page, in PDF coordinates, and its grid. */
typedef struct frame {
    double left, right, top, bottom;  /* pt from the page's bottom-left corner */
    double width, height;
    double pitch;                     /* line pitch: height / lines_per_page */
    double char_pitch;                /* width / chars_per_line */
} frame;

frame frame_of(const notice_layout *nl);
/* Baseline of grid line k (0 = first) for text of size pt, its em box centred
 * in the line. */
double frame_baseline(const frame *fr, int k, double size);

extern const rgb BLACK;

#endif
