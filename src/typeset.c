/* SPDX-License-Identifier: MIT */
/* typeset: shaping, runs and the text frame.  Contract in typeset.h. */
#include "typeset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const rgb BLACK = {0, 0, 0};

/* ---- the shaper -------------------------------------------------------------- */

void shaper_init(shaper *sh, const fontset *fs)
{
    memset(sh, 0, sizeof *sh);
    sh->fs = fs;
    sh->words = breaker_new();
}

void shaper_free(shaper *sh)
{
    breaker_free(sh->words);
    free(sh->misses);
    memset(sh, 0, sizeof *sh);
}

static bool same_place(source_ref a, source_ref b)
{
    return a.line == b.line && (a.file == b.file || (a.file && b.file && strcmp(a.file, b.file) == 0));
}

/* Recorded once per character, role and place. */
static void record_miss(shaper *sh, uint32_t cp, font_role role, source_ref at)
{
    for (size_t i = sh->nmisses; i-- > 0;) {
        const glyph_miss *m = &sh->misses[i];
        if (m->cp == cp && m->role == role && same_place(m->at, at))
            return;
    }
    GROW(sh->misses, sh->nmisses, sh->cap);
    sh->misses[sh->nmisses++] = (glyph_miss){cp, role, at};
}

/* "AR PL UMing CN, LXGW WenKai": the faces tried, in order (caller frees). */
static char *role_families(const fontset *fs, font_role role)
{
    const int *faces;
    size_t n = fontset_role_faces(fs, role, &faces);
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", fontset_face_family(fs, faces[i]));
    return sb_take(&sb);
}

int shaper_report(const shaper *sh, diag_list *d)
{
    for (size_t i = 0; i < sh->nmisses; i++) {
        const glyph_miss *m = &sh->misses[i];
        char *fams = role_families(sh->fs, m->role);
        strbuf ch = {0};
        utf8_encode(&ch, m->cp);
        diag_error(d, m->at.file, m->at.line, "%s (U+%04X) is in no font of role %s (tried: %s)", ch.data,
                   (unsigned)m->cp, font_role_name(m->role), fams);
        sb_free(&ch);
        free(fams);
    }
    return sh->nmisses ? -1 : 0;
}

/* ---- runs -------------------------------------------------------------------------- */

static bool is_full_width(uint32_t cp)
{
    return cp >= 0x2E80 || (cp >= 0x2010 && cp <= 0x2026);
}

/* Line breaks and tabs are layout, not glyphs. */
static bool is_control(uint32_t cp) { return cp < 0x20 || cp == 0x7F; }

void run_add(run *r, shaper *sh, font_spec f, const char *utf8, double tracking, source_ref at)
{
    size_t k;
    uint32_t *cps = utf8_to_cps(utf8, &k);
    if (r->n + k + 1 > r->cap) {
        r->cap = r->n + k + 1 > 2 * r->cap ? r->n + k + 1 : 2 * r->cap;
        r->cps = xrealloc(r->cps, r->cap * sizeof *r->cps);
        r->face = xrealloc(r->face, r->cap * sizeof *r->face);
        r->spec = xrealloc(r->spec, r->cap * sizeof *r->spec);
        r->nat = xrealloc(r->nat, r->cap * sizeof *r->nat);
        r->adv = xrealloc(r->adv, r->cap * sizeof *r->adv);
    }
    for (size_t j = 0; j < k; j++) {
        size_t i = r->n + j;
        uint32_t cp = cps[j];
        int face = fontset_face_for(sh->fs, f.role, cp);
        if (face < 0 && !is_control(cp)) {
            record_miss(sh, cp, f.role, at);
            face = fontset_face_for(sh->fs, f.role, 0x4E00); /* a stand-in keeps the layout whole */
        }
        r->cps[i] = cp;
        r->face[i] = face;
        r->spec[i] = f;
        r->nat[i] = is_control(cp) || face < 0 ? 0 : fontset_advance(sh->fs, face, cp) * f.size_pt;
        r->adv[i] = r->nat[i] + (is_control(cp) ? 0 : is_full_width(cp) ? tracking : tracking / 2);
    }
    r->n += k;
    free(cps);
}

void run_free(run *r)
{
    free(r->cps);
    free(r->face);
    free(r->spec);
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

double *run_break_costs(const run *r, shaper *sh, break_style style)
{
    double *costs = xmalloc((r->n + 1) * sizeof *costs);
    break_costs(style == BREAK_ANYWHERE ? NULL : sh->words, r->cps, r->n, style, costs);
    return costs;
}

void run_break(const run *r, shaper *sh, break_style style, const lb_options *opt, lb_result *out)
{
    lb_options o = *opt;
    double *costs = NULL;
    if (!o.costs)
        o.costs = costs = run_break_costs(r, sh, style);
    if (o.em <= 0)
        o.em = r->n ? r->spec[0].size_pt : 16;
    linebreak(r->cps, r->adv, r->n, &o, out);
    free(costs);
}

/* The first line ending after the lead name is worth this much: less than
 * a line of its own (linebreak.h prices one at 1000), so it never makes the
 * title longer. */
#define LEAD_ALONE_BONUS 300.0

void run_break_title(const run *r, shaper *sh, double width, const char *lead, lb_result *out)
{
    double *costs = run_break_costs(r, sh, BREAK_WORDS);
    size_t n = 0;
    uint32_t *name = lead ? utf8_to_cps(lead, &n) : NULL;
    bool leads = n > 0 && n < r->n && memcmp(r->cps, name, n * sizeof *name) == 0;
    if (leads && costs[n] < BREAK_IN_WORD)
        costs[n] -= LEAD_ALONE_BONUS;
    free(name);
    lb_options opt = { .width = width, .mode = LB_BALANCE, .em = r->n ? r->spec[0].size_pt : 22, .costs = costs };
    linebreak(r->cps, r->adv, r->n, &opt, out);
    free(costs);
}

/* The space after glyph k up to the next, beyond its own advance; the last
 * glyph of a line has none to speak of. */
static double gap_after(const run *r, size_t k, size_t from, size_t to, const double *xs)
{
    return k + 1 < to ? xs[k + 1 - from] - xs[k - from] - r->nat[k] : NAN;
}

static bool is_blank(uint32_t cp) { return cp == '\n' || cp == ' ' || cp == 0x3000 || is_control(cp); }

static bool same_font(font_spec a, font_spec b)
{
    return a.role == b.role && a.size_pt == b.size_pt && a.bold == b.bold;
}

/* libharu 2.3.0 refuses char spacing outside -30..300 pt and fails the whole
 * PDF: a wider gap (a justified cell line of two hanzi before a long URL) is
 * drawn as a glyph on its own, at its place. */
static bool spacing_ok(double gap) { return isnan(gap) || (gap >= -30 && gap <= 300); }

/* Glyphs that share a face and font and have the same space after each
 * become one text operation with that space as its char spacing.  Every
 * glyph's advance in the PDF (width + char spacing) then ends exactly where
 * the next glyph starts, also for compressed punctuation, so text extraction
 * sees one unbroken line rather than overlapping boxes. */
void run_draw(page *p, const run *r, size_t from, size_t to, const double *xs, double x0, double y, rgb color)
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
        while (!isnan(extra) && j < to && r->face[j] == r->face[i] && same_font(r->spec[j], r->spec[i]) &&
               !is_blank(r->cps[j])) {
            double e = gap_after(r, j, from, to, xs);
            if (!isnan(e) && fabs(e - extra) > 0.01)
                break;
            j++;
        }
        font_spec f = r->spec[i];
        page_add_text(p, r->face[i], f.size_pt, x0 + xs[i - from], y, isnan(extra) ? 0 : extra, f.bold, color,
                      r->cps + i, j - i);
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

double text_width(shaper *sh, font_spec f, const char *utf8, double extra, source_ref at)
{
    run r = {0};
    run_add(&r, sh, f, utf8, 0, at);
    double w = 0;
    for (size_t i = 0; i < r.n; i++)
        w += r.nat[i] + (i + 1 < r.n ? extra : 0);
    run_free(&r);
    return w;
}

void text_draw(page *p, shaper *sh, font_spec f, const char *utf8, double x, double y, double extra, rgb color,
               source_ref at)
{
    run r = {0};
    run_add(&r, sh, f, utf8, 0, at);
    double *xs = natural_positions(&r, extra);
    run_draw(p, &r, 0, r.n, xs, x, y, color);
    free(xs);
    run_free(&r);
}

double baseline_below(double top, double size)
{
    return top - 0.88 * size;
}

/* ---- the frame --------------------------------------------------------------------- */

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

frame frame_landscape(const notice_layout *nl)
{
    frame fr = frame_of(nl);
    double bottom_margin = fr.bottom;  /* of the portrait page */
    fr.width = MM_TO_PT(nl->text_height_mm);
    fr.height = MM_TO_PT(nl->text_width_mm);
    fr.left = bottom_margin;
    fr.right = fr.left + fr.width;
    fr.top = A4_WIDTH_PT - MM_TO_PT(nl->margin_left_mm);
    fr.bottom = fr.top - fr.height;
    return fr;
}

double frame_baseline(const frame *fr, int k, double size)
{
    double slot_top = fr->top - k * fr->pitch;
    return baseline_below(slot_top - (fr->pitch - size) / 2, size);
}
