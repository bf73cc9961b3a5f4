#include "typeset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const rgb BLACK = {0, 0, 0};

static bool is_full_width(uint32_t cp)
{
    return cp >= 0x2E80 || (cp >= 0x2010 && cp <= 0x2026);
}

void run_shape(run *r, const fontset *fs, font_spec f, const char *utf8, double tracking)
{
    memset(r, 0, sizeof *r);
    r->cps = utf8_to_cps(utf8, &r->n);
    r->face = xmalloc((r->n + 1) * sizeof *r->face);
    r->nat = xmalloc((r->n + 1) * sizeof *r->nat);
    r->adv = xmalloc((r->n + 1) * sizeof *r->adv);
    for (size_t i = 0; i < r->n; i++) {
        uint32_t cp = r->cps[i];
        int face = fontset_face_for(fs, f.role, cp);
        if (face < 0) /* coverage was checked before typesetting; keep the layout going */
            face = fontset_face_for(fs, f.role, 0x4E00);
        r->face[i] = face;
        r->nat[i] = cp == '\n' || face < 0 ? 0 : fontset_advance(fs, face, cp) * f.size_pt;
        r->adv[i] = r->nat[i] + (cp == '\n' ? 0 : is_full_width(cp) ? tracking : tracking / 2);
    }
}

void run_free(run *r)
{
    free(r->cps);
    free(r->face);
    free(r->nat);
    free(r->adv);
    memset(r, 0, sizeof *r);
}

double run_width(const run *r, size_t from, size_t to)
{
    double w = 0;
    for (size_t i = from; i < to; i++)
        w += r->adv[i];
    return w;
}

/* The space after glyph k up to the next, beyond its own advance; the last
 * glyph of a line has none to speak of. */
static double gap_after(const run *r, size_t k, size_t from, size_t to, const double *xs)
{
    return k + 1 < to ? xs[k + 1 - from] - xs[k - from] - r->nat[k] : NAN;
}

static bool is_blank(uint32_t cp) { return cp == '\n' || cp == ' '; }

/* libharu 2.3.0 refuses char spacing outside -30..300 pt and fails the whole
 * PDF: a wider gap (a justified cell line of two hanzi before a long URL) is
 * drawn as a glyph on its own, at its place. */
static bool spacing_ok(double gap) { return isnan(gap) || (gap >= -30 && gap <= 300); }

/* Glyphs that share a face and have the same space after each become one
 * text operation with that space as its char spacing.  Every glyph's advance
 * in the PDF (width + char spacing) then ends exactly where the next glyph
 * starts, also for compressed punctuation, so text extraction sees one
 * unbroken line rather than overlapping boxes. */
void run_draw(page *p, const run *r, size_t from, size_t to, const double *xs, double x0,
              double y, font_spec f, rgb color)
{
    size_t i = from;
    while (i < to) {
        if (is_blank(r->cps[i])) {
            i++;
            continue;
        }
        double extra = gap_after(r, i, from, to, xs);
        if (!spacing_ok(extra))
            extra = NAN; /* drawn alone: its op's spacing reaches no other glyph */
        size_t j = i + 1;
        while (!isnan(extra) && j < to && r->face[j] == r->face[i] && !is_blank(r->cps[j])) {
            double e = gap_after(r, j, from, to, xs);
            if (!isnan(e) && !isnan(extra) && fabs(e - extra) > 0.01)
                break;
            if (isnan(extra))
                extra = e;
            j++;
        }
        page_add_text(p, r->face[i], f.size_pt, x0 + xs[i - from], y, isnan(extra) ? 0 : extra,
                      f.bold, color, r->cps + i, j - i);
        i = j;
    }
}

static double *natural_positions(const run *r, double extra)
{
    double *xs = xmalloc((r->n + 1) * sizeof *xs), x = 0;
    for (size_t i = 0; i < r->n; i++) {
        xs[i] = x;
        x += r->nat[i] + extra;
    }
    return xs;
}

double text_width(const fontset *fs, font_spec f, const char *utf8, double extra)
{
    run r;
    run_shape(&r, fs, f, utf8, 0);
    double w = 0;
    for (size_t i = 0; i < r.n; i++)
        w += r.nat[i] + (i + 1 < r.n ? extra : 0);
    run_free(&r);
    return w;
}

void text_draw(page *p, const fontset *fs, font_spec f, const char *utf8, double x, double y,
               double extra, rgb color)
{
    run r;
    run_shape(&r, fs, f, utf8, 0);
    double *xs = natural_positions(&r, extra);
    run_draw(p, &r, 0, r.n, xs, x, y, f, color);
    free(xs);
    run_free(&r);
}

double baseline_below(double top, double size)
{
    return top - 0.88 * size;
}

void text_break(const run *r, double width, double first_indent, bool justify, bool compress,
                lb_result *out)
{
    lb_options opt = {.width = width, .first_indent = first_indent, .justify = justify,
                      .compress_punct = compress};
    linebreak(r->cps, r->adv, r->n, &opt, out);
}

frame frame_of(const notice_layout *nl)
{
    frame fr;
    fr.width = MM_TO_PT(nl->text_width_mm);
    fr.height = MM_TO_PT(nl->text_height_mm);
    fr.left = MM_TO_PT(nl->margin_left_mm);
    fr.right = fr.left + fr.width;
    fr.top = A4_HEIGHT_PT - MM_TO_PT(nl->margin_top_mm);
    fr.bottom = fr.top - fr.height;
    fr.pitch = fr.height / nl->lines_per_page;
    fr.char_pitch = fr.width / nl->chars_per_line;
    return fr;
}

double frame_baseline(const frame *fr, int k, double size)
{
    double slot_top = fr->top - k * fr->pitch;
    return baseline_below(slot_top - (fr->pitch - size) / 2, size);
}
