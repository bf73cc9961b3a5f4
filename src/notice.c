/* notice: the 通知 itself, laid out as GB/T 9704-2012 asks.
 *
 * Page 1 carries the 版头 (masthead in red, 发文字号, red rule), then the title,
 * 主送机关, body, 附件说明, 署名 and 成文日期; the body runs on the grid of
 * lines_per_page × chars_per_line.  Every number comes from the layout.
 */
#include "notice.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "typeset.h"

/* The em dash of a CJK face sits this high above the baseline, in em: the
 * page number's dashes are what the standard puts 7 mm below the text area. */
#define DASH_RISE 0.38

typedef struct setter {
    const document *doc;
    diag_list *d;        /* overflow warnings */
    const notice_layout *nl;
    const fontset *fs;
    page_list *out;
    page *pg;
    frame fr;
    int line;            /* next free grid line on pg */
} setter;

static void new_page(setter *s)
{
    s->pg = page_list_add(s->out);
    s->line = 0;
}

/* A line's worth of grid for the next text line, turning the page when full. */
static double next_baseline(setter *s, double size)
{
    if (s->line >= s->nl->lines_per_page)
        new_page(s);
    return frame_baseline(&s->fr, s->line++, size);
}

/* Body text tracks so that chars_per_line full-width glyphs fill the width. */
static double body_tracking(const setter *s)
{
    return s->fr.char_pitch - s->nl->body.size_pt;
}

font_spec notice_paragraph_font(const notice_layout *nl, const char *text)
{
    size_t n = cjk_numerals_length(text);
    if (n > 0 && starts_with(text + n, "、"))
        return nl->heading1;
    if (starts_with(text, "（")) {
        n = cjk_numerals_length(text + 3);
        if (n > 0 && starts_with(text + 3 + n, "）"))
            return nl->heading2;
    }
    return nl->body;
}

/* Sets a paragraph on the grid: first-line indent, justified, page breaks
 * between lines. */
static void set_paragraph(setter *s, const char *text, font_spec f, double indent)
{
    run r;
    run_shape(&r, s->fs, f, text, s->fr.char_pitch - f.size_pt);
    lb_result lines;
    text_break(&r, s->fr.width, indent, true, s->nl->compress_punct, &lines);
    for (size_t i = 0; i < lines.len; i++) {
        const lb_line *ln = &lines.lines[i];
        double y = next_baseline(s, f.size_pt);
        run_draw(s->pg, &r, ln->start, ln->end, ln->x, s->fr.left, y, f, BLACK);
    }
    lb_result_free(&lines);
    run_free(&r);
}

/* A one-line part wider than its room still prints (the document must say
 * what its author wrote), but not silently. */
static void warn_if_wider(setter *s, const char *key, double width, double room)
{
    if (width <= room + 0.5)
        return;
    const field *f = field_find(&s->doc->meta, key);
    if (!f)
        f = field_find(&s->doc->meta, META_ISSUER); /* 署名 and 标志 default to it */
    diag_warning(s->d, s->doc->path, f ? f->line : 0,
                 "%s is %.0f mm long and has %.0f mm: it runs past the margin", key,
                 width * 25.4 / 72.0, room * 25.4 / 72.0);
}

static void set_centered(setter *s, const char *text, font_spec f, double y, rgb color)
{
    double w = text_width(s->fs, f, text, 0);
    text_draw(s->pg, s->fs, f, text, s->fr.left + (s->fr.width - w) / 2, y, 0, color);
}

/* 版头: masthead top edge masthead_top_mm below the text area's top; 发文字号
 * two blank lines below it; the red rule rule_gap_mm below the 字号.
 * Returns the y of the rule. */
static double set_masthead(setter *s, const document *doc)
{
    const notice_layout *nl = s->nl;
    const char *masthead = field_value(&doc->meta, META_MASTHEAD);
    if (!masthead)
        masthead = field_value(&doc->meta, META_ISSUER);
    font_spec mf = nl->masthead;
    double natural = text_width(s->fs, mf, masthead, 0);
    if (natural > s->fr.width) /* a long organ name shrinks to the width, never past it */
        mf.size_pt *= s->fr.width / natural;
    double top = s->fr.top - MM_TO_PT(nl->masthead_top_mm);
    set_centered(s, masthead, mf, baseline_below(top, mf.size_pt), nl->red);
    double number_top = top - mf.size_pt - 2 * s->fr.pitch;
    double number_base = baseline_below(number_top - (s->fr.pitch - nl->number.size_pt) / 2, nl->number.size_pt);
    const char *number = field_value(&doc->meta, META_NUMBER);
    warn_if_wider(s, META_NUMBER, text_width(s->fs, nl->number, number, 0), s->fr.width);
    set_centered(s, number, nl->number, number_base, BLACK);
    double rule_y = number_base - 0.12 * nl->number.size_pt - MM_TO_PT(nl->rule_gap_mm);
    page_add_line(s->pg, s->fr.left, rule_y, s->fr.right, rule_y, nl->rule_width_pt, nl->red);
    return rule_y;
}

/* The title in balanced lines, upper lines no shorter than lower ones: break
 * greedily at the narrowest width that still gives the fewest lines. */
static int set_title(setter *s, const char *title, font_spec f, int first_line)
{
    run r;
    run_shape(&r, s->fs, f, title, 0);
    double total = run_width(&r, 0, r.n);
    int nlines = (int)ceil(total / s->fr.width - 1e-9);
    lb_result lines = {0};
    for (double w = total / (nlines ? nlines : 1) + f.size_pt; ; w += f.size_pt / 4) {
        lb_result_free(&lines);
        text_break(&r, w < s->fr.width ? w : s->fr.width, 0, false, s->nl->compress_punct, &lines);
        if ((int)lines.len <= nlines || w >= s->fr.width)
            break;
    }
    int k = first_line;
    for (size_t i = 0; i < lines.len; i++, k++) {
        const lb_line *ln = &lines.lines[i];
        double x = s->fr.left + (s->fr.width - ln->width) / 2;
        run_draw(s->pg, &r, ln->start, ln->end, ln->x, x, frame_baseline(&s->fr, k, f.size_pt), f, BLACK);
    }
    lb_result_free(&lines);
    run_free(&r);
    return k;
}

/* 署名 two characters in from the right, 成文日期 on the next line starting
 * two characters right of it; a date longer than that goes four characters in
 * from the right, with the 署名 centred over it. */
static void set_signature(setter *s, const document *doc)
{
    const notice_layout *nl = s->nl;
    const char *sig = field_value(&doc->meta, META_SIGNATURE);
    if (!sig)
        sig = field_value(&doc->meta, META_ISSUER);
    const char *date = field_value(&doc->meta, META_DATE);
    double tracking = body_tracking(s), ch = s->fr.char_pitch;
    double sig_w = text_width(s->fs, nl->body, sig, tracking);
    double date_w = text_width(s->fs, nl->body, date, tracking);
    double sig_x = s->fr.right - 2 * ch - sig_w, date_x = sig_x + 2 * ch;
    if (date_x + date_w > s->fr.right - 2 * ch + 1e-6) {
        date_x = s->fr.right - 4 * ch - date_w;
        sig_x = date_x + (date_w - sig_w) / 2;
    }
    warn_if_wider(s, META_SIGNATURE, sig_w, sig_w + (sig_x - s->fr.left));
    warn_if_wider(s, META_DATE, date_w, date_w + (date_x - s->fr.left));
    if (s->line + 3 > nl->lines_per_page)
        new_page(s);
    s->line++; /* 空一行 */
    text_draw(s->pg, s->fs, nl->body, sig, sig_x, next_baseline(s, nl->body.size_pt), tracking, BLACK);
    text_draw(s->pg, s->fs, nl->body, date, date_x, next_baseline(s, nl->body.size_pt), tracking, BLACK);
}

/* 版记 at the foot of the last page: thick rule, 抄送, thin rule, 印发机关 and
 * 印发日期, thick rule at the text area's bottom. */
static void set_colophon(setter *s, const document *doc)
{
    const char *cc = field_value(&doc->meta, META_CC);
    const char *printer = field_value(&doc->meta, META_PRINTER);
    const char *printed = field_value(&doc->meta, META_PRINT_DATE);
    if (!cc && !printer)
        return;
    const notice_layout *nl = s->nl;
    font_spec f = nl->body;
    f.size_pt = 14;
    int need = (cc ? 1 : 0) + 1;
    if (s->line + need + 1 > nl->lines_per_page)
        new_page(s);
    int k = nl->lines_per_page - need;
    double ch = f.size_pt, thick = 1.0, thin = 0.75;
    double top = s->fr.top - k * s->fr.pitch;
    page_add_line(s->pg, s->fr.left, top, s->fr.right, top, thick, BLACK);
    if (cc) {
        char *line = xasprintf("抄送：%s", cc);
        warn_if_wider(s, META_CC, text_width(s->fs, f, line, 0), s->fr.width - 2 * ch);
        text_draw(s->pg, s->fs, f, line, s->fr.left + ch, frame_baseline(&s->fr, k++, f.size_pt), 0, BLACK);
        free(line);
        double y = s->fr.top - k * s->fr.pitch;
        page_add_line(s->pg, s->fr.left, y, s->fr.right, y, thin, BLACK);
    }
    double y = frame_baseline(&s->fr, k, f.size_pt);
    if (printer)
        text_draw(s->pg, s->fs, f, printer, s->fr.left + ch, y, 0, BLACK);
    if (printed) {
        char *line = xasprintf("%s印发", printed);
        double both = text_width(s->fs, f, line, 0) + (printer ? text_width(s->fs, f, printer, 0) + ch : 0);
        warn_if_wider(s, META_PRINT_DATE, both, s->fr.width - 2 * ch);
        text_draw(s->pg, s->fs, f, line, s->fr.right - ch - text_width(s->fs, f, line, 0), y, 0, BLACK);
        free(line);
    }
    page_add_line(s->pg, s->fr.left, s->fr.bottom, s->fr.right, s->fr.bottom, thick, BLACK);
}

void notice_typeset(const document *doc, const layout *lay, const fontset *fs, page_list *out,
                    diag_list *d)
{
    setter s = {.doc = doc, .d = d, .nl = &lay->notice, .fs = fs, .out = out, .fr = frame_of(&lay->notice)};
    const notice_layout *nl = s.nl;
    new_page(&s);
    double rule_y = set_masthead(&s, doc);
    /* the title two blank lines below the rule, snapped to the grid */
    int k = (int)ceil((s.fr.top - rule_y) / s.fr.pitch - 1e-9) + 2;
    k = set_title(&s, field_value(&doc->meta, META_TITLE), nl->title, k);
    if (k > nl->lines_per_page) {
        const field *title = field_find(&doc->meta, META_TITLE);
        diag_warning(d, doc->path, title ? title->line : 0, "%s runs past the foot of the first page",
                     META_TITLE);
    }
    s.line = k + 1; /* 空一行 */
    char *to = xasprintf("%s：", field_value(&doc->meta, META_RECIPIENTS));
    set_paragraph(&s, to, nl->body, 0);
    free(to);
    double indent = 2 * s.fr.char_pitch;
    for (size_t i = 0; i < doc->nbody; i++)
        set_paragraph(&s, doc->body[i].text, notice_paragraph_font(nl, doc->body[i].text), indent);
    const char *note = field_value(&doc->meta, META_ATTACH_NOTE);
    if (note) {
        char *line = xasprintf("附件：%s", note);
        s.line++;
        set_paragraph(&s, line, nl->body, indent);
        free(line);
    }
    set_signature(&s, doc);
    set_colophon(&s, doc);
}

void page_numbers_add(page_list *out, const notice_layout *nl, const fontset *fs)
{
    frame fr = frame_of(nl);
    font_spec f = nl->page_number;
    double y = fr.bottom - MM_TO_PT(nl->page_number_gap_mm) - DASH_RISE * f.size_pt;
    for (size_t i = 0; i < out->len; i++) {
        char *label = xasprintf("\u2014 %zu \u2014", i + 1);
        double w = text_width(fs, f, label, 0);
        bool odd = (i + 1) % 2 == 1;
        double x = odd ? fr.right - f.size_pt - w : fr.left + f.size_pt;
        text_draw(&out->pages[i], fs, f, label, x, y, 0, BLACK);
        free(label);
    }
}
