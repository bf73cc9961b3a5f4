/* SPDX-License-Identifier: MIT */
/* attachment: each attachment of a document on new pages.  Contract in
 * attachment.h. */
#include "attachment.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"

/* Paragraphs in the 单位 line's font are set this far apart, in its size. */
#define PARAGRAPH_PITCH 1.6

typedef struct setter {
    const document *doc;
    const layout *lay;
    shaper *sh;
    diag_list *d;
    cursor cur;
} setter;

static void new_page(setter *s)
{
    s->cur.pg = page_list_add(s->cur.out);
    s->cur.y = s->cur.fr.top;
}

/* Lines of text in font f across the text area from the cursor down, the
 * page turned when full.  pitch: between lines; justified unless ragged. */
static void set_text(setter *s, const char *text, font_spec f, double pitch, break_style style, source_ref at)
{
    run r = {0};
    run_add(&r, s->sh, f, text, 0, at);
    lb_result lines;
    lb_options opt = { .width = s->cur.fr.width, .mode = LB_JUSTIFY, .compress_punct = s->lay->table.compress_punct,
                       .em = f.size_pt };
    run_break(&r, s->sh, style, &opt, &lines);
    for (size_t i = 0; i < lines.len; i++) {
        if (s->cur.y - pitch < s->cur.fr.bottom - 1e-6)
            new_page(s);
        double base = baseline_below(s->cur.y - (pitch - f.size_pt) / 2, f.size_pt);
        run_draw(s->cur.pg, &r, lines.lines[i].start, lines.lines[i].end, lines.lines[i].x, s->cur.fr.left, base,
                 BLACK);
        s->cur.y -= pitch;
    }
    lb_result_free(&lines);
    run_free(&r);
}

/* A paragraph in the 单位 line's font: an attachment's note, the sums under
 * a scored table. */
static void set_paragraph(setter *s, const char *text, source_ref at)
{
    font_spec f = s->lay->table.unit_line;
    s->cur.y -= f.size_pt * PARAGRAPH_PITCH * 0.5;
    set_text(s, text, f, f.size_pt * PARAGRAPH_PITCH, BREAK_ANYWHERE, at);
}

/* 附件 label top left on the first line; the title centred from the third,
 * in as many lines as it needs; one blank line below it. */
static void set_head(setter *s, const attachment *a, bool label)
{
    const notice_layout *nl = &s->lay->notice;
    const frame *fr = &s->cur.fr;
    source_ref at = { s->doc->path, a->line };
    if (label && a->label[0])
        text_draw(s->cur.pg, s->sh, nl->attachment_label, a->label, fr->left,
                  frame_baseline(fr, 0, nl->attachment_label.size_pt), 0, BLACK, at);
    font_spec f = s->lay->table.title;
    run r = {0};
    run_add(&r, s->sh, f, a->title, 0, at);
    lb_result lines;
    run_break_title(&r, s->sh, fr->width, NULL, &lines);
    int k = 2;
    for (size_t i = 0; i < lines.len; i++, k++) {
        const lb_line *ln = &lines.lines[i];
        run_draw(s->cur.pg, &r, ln->start, ln->end, ln->x, fr->left + (fr->width - ln->width) / 2,
                 frame_baseline(fr, k, f.size_pt), BLACK);
    }
    lb_result_free(&lines);
    run_free(&r);
    /* The header line follows on the next line; without one, a blank line. */
    s->cur.y = fr->top - (k + (s->lay->table.nheader_labels ? 0 : 1)) * fr->pitch;
}

/* The header line's blanks take the line's free width, the first label's
 * (单位) this share of it, the others the rest evenly. */
#define FIRST_BLANK_SHARE 0.4
#define SEGMENT_GAP_CHARS 2

/* The value of a header label for unit u, and where it was written: 单位
 * is the unit's name, any other label its field of that name. */
static const char *header_value(const setter *s, const unit *u, const char *label, source_ref *at)
{
    if (strcmp(label, "单位") == 0) {
        *at = (source_ref){ u->name_file ? u->name_file : s->doc->path, u->line };
        return u->name;
    }
    const field *fd = field_find(&u->fields, label);
    *at = (source_ref){ fd && fd->file ? fd->file : s->doc->path, fd ? fd->line : u->line };
    return fd ? fd->value : NULL;
}

/* A blank of the header line, underlined; in a fillable form, the field
 * named by its label, over the line's height. */
static void header_blank(setter *s, const unit *u, const char *label, double x0, double x1, double base)
{
    font_spec f = s->lay->table.unit_line;
    double ch = f.size_pt;
    page_add_line(s->cur.pg, x0, base - 0.15 * ch, x1, base - 0.15 * ch, 0.5, BLACK);
    page_add_field(s->cur.pg, FORM_TEXT, label, u->name, 0, ch, x0, base - 0.3 * ch, x1, base + 1.0 * ch);
}

/* The header line: each label with its value, or with an underlined blank
 * to write on, the blanks spread over the line: "单位：________　填表人：____".
 * A value takes its blank's place, pushing the rest right; what does not
 * fit the line goes on the next. */
static void set_header_line(setter *s, const unit *u)
{
    const table_layout *tl = &s->lay->table;
    size_t n = tl->nheader_labels;
    if (n == 0)
        return;
    font_spec f = tl->unit_line;
    double ch = f.size_pt, labels = 0, pitch = s->cur.fr.pitch;
    source_ref here = { s->lay->path, 0 };
    char **heads = xcalloc(n + 1, sizeof *heads);
    const char **values = xcalloc(n + 1, sizeof *values);
    source_ref *at = xcalloc(n + 1, sizeof *at);
    double *hw = xcalloc(n + 1, sizeof *hw), *vw = xcalloc(n + 1, sizeof *vw), *blank = xcalloc(n + 1, sizeof *blank);
    for (size_t i = 0; i < n; i++) {
        heads[i] = xasprintf("%s：", tl->header_labels[i]);
        hw[i] = text_width(s->sh, f, heads[i], 0, here);
        labels += hw[i] + (i ? SEGMENT_GAP_CHARS * ch : 0);
        values[i] = header_value(s, u, tl->header_labels[i], &at[i]);
        if (values[i] && !*values[i])
            values[i] = NULL;
        vw[i] = values[i] ? text_width(s->sh, f, values[i], 0, at[i]) : 0;
    }
    /* The form's geometry; a copy whose values overrun it packs them. */
    double free_w = s->cur.fr.width - labels, total = labels;
    for (size_t i = 0; i < n; i++) {
        blank[i] = n == 1 ? free_w : i == 0 ? free_w * FIRST_BLANK_SHARE : free_w * (1 - FIRST_BLANK_SHARE) / (n - 1);
        blank[i] = fmax(blank[i], 3 * ch);
        total += fmax(blank[i], vw[i]);
    }
    bool packed = total > s->cur.fr.width + 0.5;
    double x = s->cur.fr.left, base = baseline_below(s->cur.y - (pitch - ch) / 2, ch);
    for (size_t i = 0; i < n; i++) {
        double room = values[i] && packed ? vw[i] : fmax(blank[i], vw[i]);
        if (i > 0 && x + hw[i] + room > s->cur.fr.right + 0.5) {
            s->cur.y -= pitch; /* no room left on this line */
            base = baseline_below(s->cur.y - (pitch - ch) / 2, ch);
            x = s->cur.fr.left;
        }
        text_draw(s->cur.pg, s->sh, f, heads[i], x, base, 0, BLACK, here);
        x += hw[i];
        if (values[i])
            text_draw(s->cur.pg, s->sh, f, values[i], x, base, 0, BLACK, at[i]);
        else
            header_blank(s, u, tl->header_labels[i], x, x + room, base);
        x += room + SEGMENT_GAP_CHARS * ch;
        free(heads[i]);
    }
    free(heads);
    free(values);
    free(at);
    free(hw);
    free(vw);
    free(blank);
    s->cur.y -= pitch;
}

/* The header line, the table, and under it the paragraph its 表后说明
 * holds, in the lines the table keeps free for it. */
static void set_unit(setter *s, const attachment *a, const unit *u)
{
    const table_layout *tl = &s->lay->table;
    set_header_line(s, u);
    font_spec f = tl->unit_line;
    double after = tl->lines_after_table > 0 ? f.size_pt * PARAGRAPH_PITCH * (tl->lines_after_table + 0.5) : 0;
    table_typeset(s->lay, s->sh, &s->cur, a, u, s->doc->path, after, s->d);
    const field *note = field_find(&u->fields, FIELD_AFTER_TABLE);
    if (note)
        set_paragraph(s, note->value, (source_ref){ note->file ? note->file : s->doc->path, note->line });
}

static void set_attachment(setter *s, const attachment *a)
{
    new_page(s);
    set_head(s, a, true);
    for (size_t k = 0; k < a->nnotes; k++)
        set_paragraph(s, a->notes[k], (source_ref){ s->doc->path, a->line });
    for (size_t u = 0; u < a->len; u++) {
        if (u > 0 && s->lay->table.unit_starts_page) {
            new_page(s);
            set_head(s, a, false);
        } else if (u > 0) {
            s->cur.y -= s->cur.fr.pitch; /* a blank line between two units' tables */
        }
        set_unit(s, a, &a->units[u]);
    }
}

void attachments_typeset(const document *doc, const layout *lay, shaper *sh, page_list *out, diag_list *d)
{
    bool landscape = lay->table.landscape;
    setter s = { .doc = doc, .lay = lay, .sh = sh, .d = d };
    size_t first = out->len;
    s.cur.out = out;
    s.cur.fr = landscape ? frame_landscape(&lay->notice) : frame_of(&lay->notice);
    for (size_t i = 0; i < doc->len; i++)
        set_attachment(&s, &doc->atts[i]);
    for (size_t i = first; landscape && i < out->len; i++)
        page_turn_landscape(&out->pages[i]);
}
