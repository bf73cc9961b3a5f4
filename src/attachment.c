/* attachment: each attachment of a rubric on new pages: 附件 label, title,
 * notes, then per unit its 单位 line, table (table.h) and, scored, a summary
 * of its grades. */
#include "attachment.h"

#include <stdlib.h>

#include "table.h"
#include "text.h"
#include "typeset.h"

/* Below a scored table: the total, each category's subtotal, bonus and veto,
 * as a paragraph in the unit line's font. */
static char *scored_summary(const grades *g)
{
    char a[32], b[32];
    strbuf sb = {0};
    sb_printf(&sb, "自评得分合计：%s分", points_format(g->total, a));
    if (g->vetoed)
        sb_puts(&sb, "（一票否决）");
    else if (g->bonus)
        sb_printf(&sb, "（基本分%s分，加分%s分）", points_format(g->base, a), points_format(g->bonus, b));
    if (g->unit->len > 1) {
        sb_puts(&sb, "。其中");
        for (size_t c = 0; c < g->unit->len; c++)
            sb_printf(&sb, "%s%s%s分", c ? "，" : "", g->unit->cats[c].heading, points_format(g->category[c], a));
    }
    sb_puts(&sb, "。");
    return sb_take(&sb);
}

/* A paragraph across the text area in the unit line's font: attachment
 * notes above a table, the scored summary below it. */
static void draw_paragraph(const table_layout *tl, const fontset *fs, cursor *cur, const char *text)
{
    run r;
    run_shape(&r, fs, tl->unit_line, text, 0);
    lb_result lines;
    text_break(&r, cur->fr.width, 0, true, tl->compress_punct, &lines);
    double pitch = tl->unit_line.size_pt * 1.6;
    cur->y -= pitch * 0.5;
    for (size_t i = 0; i < lines.len; i++) {
        if (cur->y - pitch < cur->fr.bottom) {
            cur->pg = page_list_add(cur->out);
            cur->y = cur->fr.top;
        }
        double base = baseline_below(cur->y - (pitch - tl->unit_line.size_pt) / 2, tl->unit_line.size_pt);
        run_draw(cur->pg, &r, lines.lines[i].start, lines.lines[i].end, lines.lines[i].x, cur->fr.left, base,
                 tl->unit_line, BLACK);
        cur->y -= pitch;
    }
    lb_result_free(&lines);
    run_free(&r);
}

/* The 单位 line, the table, and for a scored unit the summary below it. */
static void draw_unit(const layout *lay, const fontset *fs, cursor *cur, const attachment *a, const unit *u,
                      const grades *g)
{
    const table_layout *tl = &lay->table;
    const char *name = g ? g->unit_name : u->name;
    if (name) {
        char *line = xasprintf("%s%s", tl->unit_prefix, name);
        double base = baseline_below(cur->y - (cur->fr.pitch - tl->unit_line.size_pt) / 2, tl->unit_line.size_pt);
        text_draw(cur->pg, fs, tl->unit_line, line, cur->fr.left, base, 0, BLACK);
        free(line);
        cur->y -= cur->fr.pitch;
    }
    table_typeset(tl, fs, cur, a, u, g);
    if (g) {
        char *summary = scored_summary(g);
        draw_paragraph(tl, fs, cur, summary);
        free(summary);
    }
}

/* 附件 label top left on the first line, the title centred on the third. */
static void draw_attachment_head(const layout *lay, const fontset *fs, cursor *cur, const attachment *a,
                                 bool label)
{
    const notice_layout *nl = &lay->notice;
    if (label)
        text_draw(cur->pg, fs, nl->attachment_label, a->label, cur->fr.left,
                  frame_baseline(&cur->fr, 0, nl->attachment_label.size_pt), 0, BLACK);
    font_spec f = lay->table.title;
    double w = text_width(fs, f, a->title, 0);
    if (w > cur->fr.width)
        f.size_pt *= cur->fr.width / w;
    w = text_width(fs, f, a->title, 0);
    text_draw(cur->pg, fs, f, a->title, cur->fr.left + (cur->fr.width - w) / 2,
              frame_baseline(&cur->fr, 2, f.size_pt), 0, BLACK);
    cur->y = cur->fr.top - 4 * cur->fr.pitch;
}

void attachments_typeset(const document *doc, const layout *lay, const fontset *fs, const grades *g,
                         page_list *out)
{
    cursor cur = {.out = out, .fr = frame_of(&lay->notice)};
    for (size_t i = 0; i < doc->len; i++) {
        const attachment *a = &doc->atts[i];
        bool first = true;
        for (size_t u = 0; u < a->len; u++) {
            if (g && &a->units[u] != g->unit)
                continue; /* a scored document shows the scored unit's table only */
            cur.pg = page_list_add(out);
            draw_attachment_head(lay, fs, &cur, a, first);
            for (size_t k = 0; first && k < a->nnotes; k++)
                draw_paragraph(&lay->table, fs, &cur, a->notes[k]);
            draw_unit(lay, fs, &cur, a, &a->units[u], g && &a->units[u] == g->unit ? g : NULL);
            first = false;
        }
    }
}
