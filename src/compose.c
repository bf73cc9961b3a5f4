/* SPDX-License-Identifier: MIT */
/* compose: a document's parts in order, its 版记 and page numbers.
 * Contract in compose.h. */
#include "compose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "notice.h"
#include "text.h"

/* Where the em dash's stroke sits in a CJK face without an outline to read,
 * in em above the baseline: the page number's dashes are what the standard
 * puts 7 mm below the text area. */
#define DASH_RISE 0.38
/* The 版记's face size: 4号. */
#define COLOPHON_PT 14.0
/* Rules of the 版记: thick first and last (0.35 mm), thin between (0.25 mm). */
#define RULE_THICK_PT 1.0
#define RULE_THIN_PT 0.75

typedef struct colophon {
    run cc;              /* 抄送：… */
    lb_result cc_lines;
    const char *printer, *printed;
    font_spec f;
    int lines;           /* grid lines it takes */
} colophon;

static source_ref meta_at(const document *doc, const char *key)
{
    const field *f = field_find(&doc->meta, key);
    return (source_ref){ doc->path, f ? f->line : 0 };
}

/* Sets the 抄送 lines; false when the document has no 版记. */
static bool colophon_set(colophon *c, const document *doc, const layout *lay, shaper *sh, const frame *fr)
{
    memset(c, 0, sizeof *c);
    const char *cc = field_value(&doc->meta, META_CC);
    c->printer = field_value(&doc->meta, META_PRINTER);
    c->printed = field_value(&doc->meta, META_PRINT_DATE);
    if (!cc && !c->printer && !c->printed)
        return false;
    c->f = lay->notice.body;
    c->f.size_pt = COLOPHON_PT;
    if (cc) {
        char *line = xasprintf("抄送：%s", cc);
        run_add(&c->cc, sh, c->f, line, 0, meta_at(doc, META_CC));
        free(line);
        lb_options opt = { .width = fr->width - 2 * c->f.size_pt, .rest_indent = 3 * c->f.size_pt,
                           .mode = LB_RAGGED, .em = c->f.size_pt };
        run_break(&c->cc, sh, BREAK_LIST, &opt, &c->cc_lines);
    }
    c->lines = (int)c->cc_lines.len + 1;
    return true;
}

static void colophon_free(colophon *c)
{
    run_free(&c->cc);
    lb_result_free(&c->cc_lines);
}

/* The 版记 on the last lines of pg: a thick rule above it, 抄送 one
 * character in from each side, a thin rule, 印发机关 one in from the left and
 * 印发日期 one in from the right, a thick rule on the text area's bottom. */
static void colophon_draw(const colophon *c, page *pg, const frame *fr, const document *doc, shaper *sh,
                          int lines_per_page, diag_list *d)
{
    double ch = c->f.size_pt;
    int k = lines_per_page - c->lines;
    double top = fr->top - k * fr->pitch;
    page_add_line(pg, fr->left, top, fr->right, top, RULE_THICK_PT, BLACK);
    for (size_t i = 0; i < c->cc_lines.len; i++, k++) {
        const lb_line *ln = &c->cc_lines.lines[i];
        run_draw(pg, &c->cc, ln->start, ln->end, ln->x, fr->left + ch, frame_baseline(fr, k, ch), BLACK);
    }
    if (c->cc_lines.len) {
        double y = fr->top - k * fr->pitch;
        page_add_line(pg, fr->left, y, fr->right, y, RULE_THIN_PT, BLACK);
    }
    double y = frame_baseline(fr, k, ch), used = 0;
    if (c->printer) {
        text_draw(pg, sh, c->f, c->printer, fr->left + ch, y, 0, BLACK, meta_at(doc, META_PRINTER));
        used = text_width(sh, c->f, c->printer, 0, meta_at(doc, META_PRINTER)) + ch;
    }
    if (c->printed) {
        char *line = xasprintf("%s印发", c->printed);
        double w = text_width(sh, c->f, line, 0, meta_at(doc, META_PRINT_DATE));
        if (used + w > fr->width - 2 * ch + 0.5) {
            source_ref at = meta_at(doc, META_PRINT_DATE);
            diag_error(d, at.file, at.line, "%s and %s do not fit one line of the 版记: shorten them", META_PRINTER,
                       META_PRINT_DATE);
        }
        text_draw(pg, sh, c->f, line, fr->right - ch - w, y, 0, BLACK, meta_at(doc, META_PRINT_DATE));
        free(line);
    }
    page_add_line(pg, fr->left, fr->bottom, fr->right, fr->bottom, RULE_THICK_PT, BLACK);
}

static void add_colophon(page_list *out, const document *doc, const layout *lay, shaper *sh, diag_list *d)
{
    frame fr = frame_of(&lay->notice);
    colophon c;
    if (!colophon_set(&c, doc, lay, sh, &fr))
        return;
    double top = fr.bottom + c.lines * fr.pitch;
    page *last = out->len ? &out->pages[out->len - 1] : NULL;
    bool room = last && !last->landscape && last->low >= top + fr.pitch / 2;
    page *pg;
    if (room && (!lay->notice.colophon_even_page || out->len % 2 == 0)) {
        pg = last;
    } else if (!lay->notice.colophon_even_page || (out->len + 1) % 2 == 0) {
        pg = page_list_add(out);
    } else {
        page_list_add(out)->unnumbered = true; /* the blank page that puts it on an even one */
        pg = page_list_add(out);
        pg->unnumbered = true;
    }
    colophon_draw(&c, pg, &fr, doc, sh, lay->notice.lines_per_page, d);
    colophon_free(&c);
}

static void add_page_numbers(page_list *out, const layout *lay, shaper *sh)
{
    const notice_layout *nl = &lay->notice;
    frame fr = frame_of(nl);
    font_spec f = nl->page_number;
    source_ref at = { lay->path, 0 };
    /* The stroke's middle 7 mm below the text area, wherever the face draws
     * its dash. */
    double low, high, rise = DASH_RISE;
    int face = fontset_face_for(sh->fs, f.role, 0x2014);
    if (face >= 0 && fontset_ink_height(sh->fs, face, 0x2014, &low, &high))
        rise = (low + high) / 2;
    double y = fr.bottom - MM_TO_PT(nl->page_number_gap_mm) - rise * f.size_pt;
    for (size_t i = 0; i < out->len; i++) {
        if (out->pages[i].unnumbered)
            continue;
        char *label = xasprintf("\u2014 %zu \u2014", i + 1);
        double w = text_width(sh, f, label, 0, at);
        bool odd = (i + 1) % 2 == 1;
        double x = odd ? fr.right - f.size_pt - w : fr.left + f.size_pt;
        text_draw(&out->pages[i], sh, f, label, x, y, 0, BLACK, at);
        free(label);
    }
}

void compose_learn_names(shaper *sh, const document *doc)
{
    static const char *const keys[] = { META_ISSUER, META_SIGNATURE, META_PRINTER };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        breaker_add_name(sh->words, field_value(&doc->meta, keys[i]));
    for (size_t a = 0; a < doc->len; a++) {
        for (size_t u = 0; u < doc->atts[a].len; u++) {
            const unit *un = &doc->atts[a].units[u];
            breaker_add_name(sh->words, un->name);
            for (size_t c = 0; c < un->len; c++)
                breaker_add_name(sh->words, un->cats[c].name);
        }
    }
}

void compose_document(const document *doc, const layout *lay, shaper *sh, const page_list *notice, page_list *out,
                      diag_list *d)
{
    compose_learn_names(sh, doc);
    page_list pages = {0};
    if (notice)
        page_list_copy(&pages, notice);
    else if (document_has_notice(doc))
        notice_typeset(doc, lay, sh, &pages, d);
    attachments_typeset(doc, lay, sh, &pages, d);
    add_colophon(&pages, doc, lay, sh, d);
    add_page_numbers(&pages, lay, sh);
    page_list_take(out, &pages);
}
