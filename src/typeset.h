/* SPDX-License-Identifier: MIT */
/* typeset: text as positioned glyphs — the pieces every part of a page shares.
 *
 * Every text is shaped in a shaper: the fonts, the word breaker (breaks.h)
 * and the record of every character no font of its role has, with the place
 * in the sources the text came from.  Typesetting goes on past a missing
 * character (it is drawn with a stand-in so the layout stays whole);
 * shaper_report then turns the record into errors at their lines, and no PDF
 * is written.  So coverage is decided exactly where glyphs are chosen, for
 * every text that is drawn, whatever part of the document it belongs to.
 *
 * A run is a text turned into code points, each with the face that draws it
 * (its role's fallback order), its font, its natural advance in the PDF and
 * its advance for layout (natural plus tracking, for the notice's grid).  A
 * run may join texts of several fonts: a run-in heading and its paragraph.
 * Invariant: cps, face, spec, nat and adv hold n entries, owned by the run.
 */
#ifndef GONGWEN_TYPESET_H
#define GONGWEN_TYPESET_H

#include <stddef.h>
#include <stdint.h>

#include "breaks.h"
#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "linebreak.h"
#include "page.h"

/* Where a text comes from: a file and a line (0: the whole file).  The file
 * is borrowed and must outlive the shaper's report. */
typedef struct source_ref {
    const char *file;
    int line;
} source_ref;

typedef struct glyph_miss {
    uint32_t cp;
    font_role role;
    source_ref at;
} glyph_miss;

typedef struct shaper {
    const fontset *fs;
    breaker *words;       /* NULL when ICU has no word iterator */
    glyph_miss *misses;
    size_t nmisses, cap;
} shaper;

void shaper_init(shaper *sh, const fontset *fs);
void shaper_free(shaper *sh);
/* One error per character missing at a place: `file:line: error: 字 (U+5B57)
 * is in no font of role …`.  Returns -1 if there was any. */
int shaper_report(const shaper *sh, diag_list *d);

typedef struct run {
    uint32_t *cps;
    int *face;
    font_spec *spec;
    double *nat;     /* the face's own advance at the size, pt */
    double *adv;     /* advance used for layout, pt */
    size_t n, cap;
} run;

/* Appends utf8 in font f.  tracking: extra advance of a full-width glyph
 * (half of it for a half-width one), pt; negative tightens.  Used to put 28
 * characters on a 156 mm line. */
void run_add(run *r, shaper *sh, font_spec f, const char *utf8, double tracking, source_ref at);
void run_free(run *r);
double run_width(const run *r, size_t from, size_t to);

/* The break costs of the run's text in style (n + 1 entries, caller frees). */
double *run_break_costs(const run *r, shaper *sh, break_style style);
/* Lines of the run: opt->costs from run_break_costs when NULL. */
void run_break(const run *r, shaper *sh, break_style style, const lb_options *opt, lb_result *out);

/* A title's lines (the notice's, an attachment's): the fewest that keep
 * words whole, balanced, shaped as a trapezoid or a diamond.  When the title
 * needs more than one line and begins with lead (the 发文机关, or NULL), the
 * organ's name may stand alone on the first line, as 公文 titles set it. */
void run_break_title(const run *r, shaper *sh, double width, const char *lead, lb_result *out);

/* Draws glyphs [from, to) whose left edges are x0 + xs[i - from], on
 * baseline y, each in its own font. */
void run_draw(page *p, const run *r, size_t from, size_t to, const double *xs, double x0, double y, rgb color);

/* One line of text at its natural spacing plus extra after each glyph;
 * returns its width. */
double text_width(shaper *sh, font_spec f, const char *utf8, double extra, source_ref at);
void text_draw(page *p, shaper *sh, font_spec f, const char *utf8, double x, double y, double extra, rgb color,
               source_ref at);

/* The baseline of text of size pt set in a box whose top is top: CJK faces
 * put the ideographic em box from -0.12 em to 0.88 em. */
double baseline_below(double top, double size);

/* The text area (版心) of a page, in PDF coordinates, and its grid. */
typedef struct frame {
    double left, right, top, bottom;  /* pt from the page's bottom-left corner */
    double width, height;
    double pitch;                     /* line pitch: height / lines_per_page */
    double char_pitch;                /* width / chars_per_line */
} frame;

frame frame_of(const notice_layout *nl);
/* The same text area on a landscape sheet (297 × 210 mm): the page's, a
 * quarter turn clockwise, so that turned back (page.h) it is the 版心. */
frame frame_landscape(const notice_layout *nl);
/* Baseline of grid line k (0 = first) for text of size pt, its em box centred
 * in the line. */
double frame_baseline(const frame *fr, int k, double size);

extern const rgb BLACK;

#endif
