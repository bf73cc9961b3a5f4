/* SPDX-License-Identifier: MIT */
/* scored: the scored copy of a unit.  Contract in scored.h. */
#include "scored.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define VETOED "（一票否决）"

const char SCORED_COMMON_TEXT[] = "0123456789.-是否合计：分。其中，（基本加）" VETOED;

static int entry_line(const scoresheet *sheet, const char *id)
{
    for (size_t i = 0; i < sheet->len; i++)
        if (strcmp(sheet->items[i].id, id) == 0)
            return sheet->items[i].line;
    return sheet->unit_line;
}

/* An item's 自评分 as the table prints it: its points, 是/否 for a veto item,
 * nothing when it was not scored. */
static char *score_text(const item *it, const item_grade *ig)
{
    char buf[32];
    if (it->kind == KIND_VETO)
        return xstrdup(ig->vetoed ? "是" : ig->score == POINTS_NONE ? "" : "否");
    return xstrdup(ig->score == POINTS_NONE ? "" : points_format(ig->score, buf));
}

/* Under the table: the total, each category's subtotal, bonus and veto. */
static char *sums_text(const grades *g, const char *label)
{
    char a[32], b[32];
    strbuf sb = {0};
    sb_printf(&sb, "%s合计：%s分", label, points_format(g->total, a));
    if (g->vetoed)
        sb_puts(&sb, VETOED);
    else if (g->bonus)
        sb_printf(&sb, "（基本分%s分，加分%s分）", points_format(g->base, a), points_format(g->bonus, b));
    if (g->unit->len > 1) {
        sb_puts(&sb, "。其中");
        for (size_t c = 0; c < g->unit->len; c++) {
            const category *cat = &g->unit->cats[c];
            sb_printf(&sb, "%s%s%s分", c ? "，" : "", cat->label[0] ? cat->label : cat->heading,
                      points_format(g->category[c], a));
        }
    }
    sb_puts(&sb, "。");
    return sb_take(&sb);
}

static void fill_unit(unit *u, const grades *g, const scoresheet *sheet, const char *label)
{
    free(u->name);
    u->name = xstrdup(sheet->unit);
    u->name_file = xstrdup(sheet->path);
    u->line = sheet->unit_line;
    for (size_t c = 0, k = 0; c < u->len; c++) {
        for (size_t i = 0; i < u->cats[c].len; i++, k++) {
            item *it = &u->cats[c].items[i];
            const item_grade *ig = &g->items[k];
            int line = entry_line(sheet, it->id);
            char *score = score_text(it, ig);
            field_add_from(&it->fields, FIELD_SCORE, score, sheet->path, line);
            free(score);
            if (ig->remark)
                field_add_from(&it->fields, FIELD_REMARK, ig->remark, sheet->path, line);
        }
    }
    char buf[32];
    field_add_from(&u->totals, FIELD_SCORE, points_format(g->total, buf), sheet->path, sheet->unit_line);
    char *sums = sums_text(g, label);
    field_add_from(&u->fields, FIELD_AFTER_TABLE, sums, sheet->path, sheet->unit_line);
    free(sums);
    if (sheet->scorer)
        field_add_from(&u->fields, FIELD_FILLED_BY, sheet->scorer, sheet->path, sheet->unit_line);
    if (sheet->date)
        field_add_from(&u->fields, FIELD_FILLED_ON, sheet->date, sheet->path, sheet->unit_line);
}

document *scored_document(const document *rubric, const grades *g, const scoresheet *sheet, const char *label)
{
    const attachment *src = g->att;
    bool first = src->len > 0 && &src->units[0] == g->unit;
    document *doc = xcalloc(1, sizeof *doc);
    doc->path = xstrdup(rubric->path);
    field_list_copy(&doc->meta, &rubric->meta);
    doc->meta_end_line = rubric->meta_end_line;
    doc->atts = xcalloc(1, sizeof *doc->atts);
    doc->len = doc->cap = 1;
    attachment *a = &doc->atts[0];
    a->label = xstrdup(first ? src->label : "");
    a->title = xstrdup(src->title);
    field_list_copy(&a->fields, &src->fields);
    a->nnotes = first ? src->nnotes : 0;
    a->notes = xcalloc(a->nnotes + 1, sizeof *a->notes);
    for (size_t i = 0; i < a->nnotes; i++)
        a->notes[i] = xstrdup(src->notes[i]);
    a->line = src->line;
    a->units = xcalloc(1, sizeof *a->units);
    a->len = a->cap = 1;
    unit_copy(&a->units[0], g->unit);
    fill_unit(&a->units[0], g, sheet, label);
    return doc;
}
