/* SPDX-License-Identifier: MIT */
/* notice: the 通知 as a list of grid lines, then pages.  Contract in notice.h. */
#include "notice.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NONE ((size_t)-1)

/* A text set as lines: its run, its lines and where each line starts. */
typedef struct para {
    run r;
    lb_result lines;
    double x;            /* left edge of its lines from the text area's left */
    bool centred;        /* each line centred instead */
} para;

/* One line of the grid. */
typedef struct vline {
    size_t para, line;   /* para NONE: a blank line */
    bool keep_next;      /* a heading: never the last line of a page */
    bool body;           /* 正文 */
    bool tail;           /* 附件说明, 署名, 成文日期: never on a page without 正文 */
} vline;

/* Lines [first, first + n) of the list on a page of capacity lines, the
 * first at grid line slot. */
typedef struct npage {
    size_t first, n;
    int slot, capacity;
} npage;

typedef struct setter {
    const document *doc;
    const layout *lay;
    const notice_layout *nl;
    shaper *sh;
    diag_list *d;
    frame fr;
    para *paras;
    size_t npara, cappara;
    vline *lines;
    size_t nlines, caplines;
} setter;

static source_ref meta_at(const setter *s, const char *key)
{
    const field *f = field_find(&s->doc->meta, key);
    return (source_ref){ s->doc->path, f ? f->line : 0 };
}

/* Body text tracks so that chars_per_line full-width glyphs fill the width. */
static double tracking(const setter *s, font_spec f) { return s->fr.char_pitch - f.size_pt; }

static para *add_para(setter *s)
{
    GROW(s->paras, s->npara, s->cappara);
    para *p = &s->paras[s->npara++];
    memset(p, 0, sizeof *p);
    return p;
}

static void add_line(setter *s, size_t p, size_t line, bool body, bool tail)
{
    GROW(s->lines, s->nlines, s->caplines);
    s->lines[s->nlines++] = (vline){ p, line, false, body, tail };
}

static void add_blank(setter *s, bool tail) { add_line(s, NONE, 0, false, tail); }

/* Every line of the last paragraph onto the grid. */
static void add_para_lines(setter *s, bool body, bool tail)
{
    size_t p = s->npara - 1;
    for (size_t i = 0; i < s->paras[p].lines.len; i++)
        add_line(s, p, i, body, tail);
}

/* ---- 版头 -------------------------------------------------------------------- */

static void draw_centred(setter *s, page *pg, const char *text, font_spec f, double y, rgb color, source_ref at)
{
    double w = text_width(s->sh, f, text, 0, at);
    text_draw(pg, s->sh, f, text, s->fr.left + (s->fr.width - w) / 2, y, 0, color, at);
}

/* Where the 版头 goes: 标志 top edge masthead_top_mm below the text area's
 * top, shrunk to the width if it is wider; 发文字号 two blank lines below
 * it; the red rule rule_gap_mm below the 字号. */
typedef struct masthead {
    const char *key;     /* 发文机关标志, or 发文机关 standing for it */
    font_spec f;
    double base, number_base, rule_y;
} masthead;

static masthead place_masthead(setter *s)
{
    const notice_layout *nl = s->nl;
    masthead m = { .key = field_find(&s->doc->meta, META_MASTHEAD) ? META_MASTHEAD : META_ISSUER, .f = nl->masthead };
    double natural = text_width(s->sh, m.f, field_value(&s->doc->meta, m.key), 0, meta_at(s, m.key));
    if (natural > s->fr.width)
        m.f.size_pt *= s->fr.width / natural;
    double top = s->fr.top - MM_TO_PT(nl->masthead_top_mm);
    m.base = baseline_below(top, m.f.size_pt);
    double number_top = top - m.f.size_pt - 2 * s->fr.pitch;
    m.number_base = baseline_below(number_top - (s->fr.pitch - nl->number.size_pt) / 2, nl->number.size_pt);
    m.rule_y = m.number_base - 0.12 * nl->number.size_pt - MM_TO_PT(nl->rule_gap_mm);
    return m;
}

static void draw_masthead(setter *s, page *pg, const masthead *m)
{
    draw_centred(s, pg, field_value(&s->doc->meta, m->key), m->f, m->base, s->nl->red, meta_at(s, m->key));
    draw_centred(s, pg, field_value(&s->doc->meta, META_NUMBER), s->nl->number, m->number_base, BLACK,
                 meta_at(s, META_NUMBER));
    page_add_line(pg, s->fr.left, m->rule_y, s->fr.right, m->rule_y, s->nl->rule_width_pt, s->nl->red);
}

/* The grid line of the title: two blank lines below the rule's line. */
static int title_slot(const setter *s, const masthead *m)
{
    return (int)ceil((s->fr.top - m->rule_y) / s->fr.pitch - 1e-9) + 2;
}

/* A one-line part must fit its line: the standard gives it no second one. */
static void check_width(setter *s, const char *key, double width, double room)
{
    if (width <= room + 0.5)
        return;
    source_ref at = meta_at(s, key);
    if (!field_find(&s->doc->meta, key))
        at = meta_at(s, META_ISSUER); /* 署名 defaults to it */
    diag_error(s->d, at.file, at.line, "%s is %.0f mm long and its line has %.0f mm: shorten it", key,
               width * 25.4 / 72.0, room * 25.4 / 72.0);
}

/* ---- the lines ------------------------------------------------------------------ */

static void add_title(setter *s)
{
    font_spec f = s->nl->title;
    para *p = add_para(s);
    run_add(&p->r, s->sh, f, field_value(&s->doc->meta, META_TITLE), 0, meta_at(s, META_TITLE));
    run_break_title(&p->r, s->sh, s->fr.width, field_value(&s->doc->meta, META_ISSUER), &p->lines);
    p->centred = true;
    add_para_lines(s, false, false);
}

/* 主送机关 flush left, broken after 、，； only, ending in ：. */
static void add_recipients(setter *s)
{
    font_spec f = s->nl->body;
    char *to = xasprintf("%s：", field_value(&s->doc->meta, META_RECIPIENTS));
    para *p = add_para(s);
    run_add(&p->r, s->sh, f, to, tracking(s, f), meta_at(s, META_RECIPIENTS));
    lb_options opt = { .width = s->fr.width, .mode = LB_RAGGED, .compress_punct = s->nl->compress_punct };
    run_break(&p->r, s->sh, BREAK_LIST, &opt, &p->lines);
    add_para_lines(s, true, false);
    free(to);
}

/* Bytes of the heading a body paragraph opens with, and its font: 一、 Hei,
 * （一） Kai, through the first 。：！？ (or the whole paragraph); 0 when it
 * opens with none. */
static size_t heading_length(const notice_layout *nl, const char *text, font_spec *f)
{
    size_t n = cjk_numerals_length(text);
    if (n > 0 && starts_with(text + n, "、"))
        *f = nl->heading1;
    else if (starts_with(text, "（") && (n = cjk_numerals_length(text + 3)) > 0 && starts_with(text + 3 + n, "）"))
        *f = nl->heading2;
    else
        return 0;
    static const char *const ends[] = { "。", "：", "！", "？" };
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++)
        for (size_t k = 0; k < 4; k++)
            if (starts_with(text + i, ends[k]))
                return i + strlen(ends[k]) < len ? i + strlen(ends[k]) : len;
    return len;
}

static void add_body_paragraph(setter *s, const paragraph *pa)
{
    font_spec body = s->nl->body, head;
    size_t h = heading_length(s->nl, pa->text, &head);
    source_ref at = { s->doc->path, pa->line };
    para *p = add_para(s);
    if (h > 0) {
        char *heading = xstrndup(pa->text, h);
        run_add(&p->r, s->sh, head, heading, tracking(s, head), at);
        free(heading);
    }
    run_add(&p->r, s->sh, body, pa->text + h, tracking(s, body), at);
    lb_options opt = { .width = s->fr.width, .first_indent = 2 * s->fr.char_pitch, .mode = LB_JUSTIFY,
                       .compress_punct = s->nl->compress_punct, .em = body.size_pt };
    run_break(&p->r, s->sh, BREAK_ANYWHERE, &opt, &p->lines);
    add_para_lines(s, true, false);
    if (h > 0 && pa->text[h] == '\0' && s->nlines > 0)
        s->lines[s->nlines - 1].keep_next = true;
}

/* 附件：1.XXX, then 2.XXX under the 1., a wrapped name aligned with its
 * first character (7.3.4); one blank line above. */
static void add_attachment_note(setter *s)
{
    const field_list *meta = &s->doc->meta;
    size_t n = 0;
    for (size_t i = 0; i < meta->len; i++)
        n += strcmp(meta->items[i].name, META_ATTACH_NOTE) == 0;
    if (n == 0)
        return;
    add_blank(s, true);
    font_spec f = s->nl->body;
    double ch = s->fr.char_pitch, label = 3 * ch, number = n > 1 ? ch : 0;
    for (size_t i = 0, k = 0; i < meta->len; i++) {
        const field *fd = &meta->items[i];
        if (strcmp(fd->name, META_ATTACH_NOTE) != 0)
            continue;
        char *text = n > 1 ? xasprintf("%s%zu.%s", k == 0 ? "附件：" : "", k + 1, fd->value)
                           : xasprintf("附件：%s", fd->value);
        para *p = add_para(s);
        run_add(&p->r, s->sh, f, text, tracking(s, f), (source_ref){ s->doc->path, fd->line });
        lb_options opt = { .width = s->fr.width, .first_indent = 2 * ch + (k == 0 ? 0 : label),
                           .rest_indent = 2 * ch + label + number, .mode = LB_JUSTIFY,
                           .compress_punct = s->nl->compress_punct, .em = f.size_pt };
        run_break(&p->r, s->sh, BREAK_ANYWHERE, &opt, &p->lines);
        add_para_lines(s, false, true);
        free(text);
        k++;
    }
}

static para *add_single_line(setter *s, const char *text, font_spec f, source_ref at)
{
    para *p = add_para(s);
    run_add(&p->r, s->sh, f, text, tracking(s, f), at);
    lb_options opt = { .width = INFINITY, .mode = LB_RAGGED };
    run_break(&p->r, s->sh, BREAK_ANYWHERE, &opt, &p->lines);
    return p;
}

/* 署名 two characters in from the right, 成文日期 under it starting two
 * characters right of its first; a date longer than that ends two
 * characters in and the 署名 moves left to start two characters before it
 * (7.3.5.2).  Sealed (7.3.5.1): the date four characters in, the 署名 centred
 * on it.  One blank line above. */
static void add_signature(setter *s)
{
    const char *sig_key = field_find(&s->doc->meta, META_SIGNATURE) ? META_SIGNATURE : META_ISSUER;
    font_spec f = s->nl->body;
    double ch = s->fr.char_pitch, right = s->fr.width;
    add_blank(s, true);
    para *sig = add_single_line(s, field_value(&s->doc->meta, sig_key), f, meta_at(s, sig_key));
    size_t sig_para = s->npara - 1;
    para *date = add_single_line(s, field_value(&s->doc->meta, META_DATE), f, meta_at(s, META_DATE));
    sig = &s->paras[sig_para]; /* add_single_line may have moved the paragraphs */
    double sig_w = run_width(&sig->r, 0, sig->r.n), date_w = run_width(&date->r, 0, date->r.n);
    if (s->nl->sealed) {
        date->x = right - 4 * ch - date_w;
        sig->x = date->x + (date_w - sig_w) / 2;
    } else {
        sig->x = right - 2 * ch - sig_w;
        date->x = sig->x + 2 * ch;
        if (date->x + date_w > right - 2 * ch + 1e-6) {
            date->x = right - 2 * ch - date_w;
            sig->x = date->x - 2 * ch;
        }
    }
    check_width(s, sig_key, sig_w, sig_w + sig->x);
    check_width(s, META_DATE, date_w, date_w + date->x);
    add_line(s, sig_para, 0, false, true);
    add_line(s, s->npara - 1, 0, false, true);
}

/* ---- pages ------------------------------------------------------------------------ */

static bool is_blank(const setter *s, size_t i) { return s->lines[i].para == NONE; }

/* The first line of the tail (附件说明, 署名, 成文日期), or nlines. */
static size_t tail_start(const setter *s)
{
    size_t t = s->nlines;
    while (t > 0 && s->lines[t - 1].tail)
        t--;
    return t;
}

static bool has_body(const setter *s, size_t from, size_t to)
{
    for (size_t j = from; j < to; j++)
        if (s->lines[j].body)
            return true;
    return false;
}

/* Where the page that would hold [first, end) of the list must end instead
 * (used: its grid lines then in use), so that a heading is not its last line
 * and the tail is not alone on the next page; *capacity grows by up to
 * squeeze_lines to keep the tail here. */
static size_t page_end(const setter *s, size_t first, size_t end, int used, int *capacity)
{
    size_t n = s->nlines, tail = tail_start(s);
    if (end >= n)
        return end;
    if (tail <= end) {
        /* The tail would be cut, or begin the next page. */
        int need = used + (int)(n - end);
        if (need <= *capacity + s->nl->squeeze_lines && has_body(s, first, tail)) {
            *capacity = need;
            return n;
        }
        size_t e = tail;
        for (int moved = 0; e > first + 1 && moved < 2;)
            if (!is_blank(s, --e))
                moved++;
        end = e;
    }
    while (end > first + 1 && s->lines[end - 1].keep_next)
        end--;
    return end;
}

static size_t paginate_lines(setter *s, int first_slot, npage **pages)
{
    size_t np = 0, cap = 0, i = 0;
    int slot = first_slot;
    *pages = NULL;
    while (i < s->nlines) {
        if (np > 0)
            while (i < s->nlines && is_blank(s, i))
                i++; /* a blank line does not open a page */
        if (i >= s->nlines)
            break;
        int capacity = s->nl->lines_per_page;
        size_t end = i + (size_t)(capacity > slot ? capacity - slot : 1);
        if (end > s->nlines)
            end = s->nlines;
        end = page_end(s, i, end, slot + (int)(end - i), &capacity);
        if (end <= i)
            end = i + 1;
        GROW(*pages, np, cap);
        (*pages)[np++] = (npage){ i, end - i, slot, capacity };
        i = end;
        slot = 0;
    }
    return np;
}

static void draw_line(setter *s, page *pg, const frame *fr, const vline *v, int slot)
{
    const para *p = &s->paras[v->para];
    const lb_line *ln = &p->lines.lines[v->line];
    double size = ln->end > ln->start ? p->r.spec[ln->start].size_pt : s->nl->body.size_pt;
    double x = fr->left + (p->centred ? (fr->width - ln->width) / 2 : p->x);
    run_draw(pg, &p->r, ln->start, ln->end, ln->x, x, frame_baseline(fr, slot, size), BLACK);
}

void notice_typeset(const document *doc, const layout *lay, shaper *sh, page_list *out, diag_list *d)
{
    setter s = { .doc = doc, .lay = lay, .nl = &lay->notice, .sh = sh, .d = d, .fr = frame_of(&lay->notice) };
    masthead m = place_masthead(&s);
    int first_slot = title_slot(&s, &m);
    const char *number = field_value(&doc->meta, META_NUMBER);
    check_width(&s, META_NUMBER, text_width(sh, s.nl->number, number, 0, meta_at(&s, META_NUMBER)), s.fr.width);
    add_title(&s);
    size_t title_lines = s.nlines;
    add_blank(&s, false); /* 空一行 */
    add_recipients(&s);
    for (size_t i = 0; i < doc->nbody; i++)
        add_body_paragraph(&s, &doc->body[i]);
    add_attachment_note(&s);
    add_signature(&s);

    npage *pages;
    size_t np = paginate_lines(&s, first_slot, &pages);
    if (np > 0 && pages[0].n < title_lines) {
        source_ref at = meta_at(&s, META_TITLE);
        diag_warning(d, at.file, at.line, "%s runs past the foot of the first page", META_TITLE);
    }
    for (size_t p = 0; p < np; p++) {
        page *pg = page_list_add(out);
        if (p == 0)
            draw_masthead(&s, pg, &m);
        frame fr = s.fr;
        fr.pitch = fr.height / pages[p].capacity;
        for (size_t i = 0; i < pages[p].n; i++)
            if (!is_blank(&s, pages[p].first + i))
                draw_line(&s, pg, &fr, &s.lines[pages[p].first + i], pages[p].slot + (int)i);
    }
    free(pages);
    for (size_t i = 0; i < s.npara; i++) {
        run_free(&s.paras[i].r);
        lb_result_free(&s.paras[i].lines);
    }
    free(s.paras);
    free(s.lines);
}
