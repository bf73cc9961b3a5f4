/* SPDX-License-Identifier: MIT */
/* grade: a scoresheet checked against its rubric, and the sums it gives.
 *
 * Every problem is reported at its line of the scores file and nothing is
 * guessed: a score above the item's points, a level the rubric does not
 * define, an item not scored (unless 缺项: 零分), a level share finer than a
 * hundredth of a point.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "intl.h"
#include "points.h"
#include "text.h"

#define VETO_YES "是"
#define VETO_NO  "否"

/* The unit of the rubric the scoresheet names: by name where the rubric has
 * 单位 tables, else the rubric's only table. */
static int find_unit(const document *doc, const scoresheet *s, grades *g, diag_list *d)
{
    for (size_t a = 0; a < doc->len; a++) {
        for (size_t u = 0; u < doc->atts[a].len; u++) {
            const unit *un = &doc->atts[a].units[u];
            if (!un->name || strcmp(un->name, s->unit) == 0) {
                g->att = &doc->atts[a];
                g->unit = un;
                g->unit_name = s->unit;
                return 0;
            }
        }
    }
    return diag_error_at(d, s->path, s->unit_line, s->unit_column, "the rubric %s has no table for 单位 '%s'",
                         doc->path, s->unit);
}

#define SHARE_MAX 1000 /* percent either way; beyond it a share is a slip, and products could overflow */

grade_level *levels_parse(const char *text, size_t *n)
{
    grade_level *out = NULL;
    size_t len = 0, cap = 0;
    char *copy = xstrdup(text);
    for (char *part = copy; part;) {
        char *next = strstr(part, "；");
        if (next) {
            *next = '\0';
            next += strlen("；");
        }
        trim(part);
        char *space = strrchr(part, ' ');
        if (space) {
            *space = '\0';
            char *end;
            long v = strtol(space + 1, &end, 10);
            GROW(out, len, cap);
            out[len++] = (grade_level){
                .name = xstrdup(trim(part)),
                .pct = v,
                .whole = end != space + 1 && strcmp(end, "%") == 0 && v >= -SHARE_MAX && v <= SHARE_MAX,
            };
        }
        part = next;
    }
    free(copy);
    *n = len;
    return out;
}

void levels_free(grade_level *levels, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(levels[i].name);
    free(levels);
}

/* The share (in percent, may be negative) of the level named in the
 * 评分档次 text "全面完成 100%；基本完成 70%；资料不全 -20%".  Returns 0, -1 if
 * no level has that name, -2 if its share is not a whole percentage within
 * ±SHARE_MAX. */
static int level_share(const char *levels, const char *name, long *pct)
{
    size_t n;
    grade_level *l = levels_parse(levels, &n);
    int found = -1;
    for (size_t i = 0; i < n && found < 0; i++)
        if (strcmp(l[i].name, name) == 0) {
            *pct = l[i].pct;
            found = l[i].whole ? 0 : -2;
        }
    levels_free(l, n);
    return found;
}

static int score_by_levels(const scoresheet *s, const score_entry *e, const item *it, const char *levels,
                           points *out, diag_list *d)
{
    if (!levels)
        return diag_error_at(d, s->path, e->line, e->column,
                             "item %s: '%s' is not a number, and the rubric gives no %s for it",
                             e->id, e->levels[0], FIELD_LEVELS);
    long total = 0;
    bool has_base = false;
    for (size_t k = 0; k < e->nlevels; k++) {
        long pct = 0;
        int found = level_share(levels, e->levels[k], &pct);
        if (found == -2)
            return diag_error_at(d, s->path, e->line, e->column,
                                 "item %s: the rubric's %s gives '%s' no whole percentage "
                                 "from -%d%% to %d%% (%s)", e->id, FIELD_LEVELS, e->levels[k], SHARE_MAX, SHARE_MAX,
                                 levels);
        if (found < 0)
            return diag_error_at(d, s->path, e->line, e->column, "item %s: '%s' is not one of its levels (%s)", e->id,
                                 e->levels[k], levels);
        has_base |= pct >= 0;
        total += pct;
    }
    if (!has_base)
        total += 100; /* only deductions: from full marks */
    if (total < 0)
        total = 0;
    if (total > 100 * SHARE_MAX) /* far above full marks, reported so below; keeps the product in range */
        total = 100 * SHARE_MAX;
    points product = it->pts * total;
    if (product % 100 != 0) {
        char buf[32];
        return diag_error_at(d, s->path, e->line, e->column, "item %s: %ld%% of %s分 is finer than 0.01分", e->id, total,
                             points_format(it->pts, buf));
    }
    *out = product / 100;
    return 0;
}

static int grade_entry(const document *doc, const scoresheet *s, const score_entry *e, const grades *g,
                       item_grade *ig, diag_list *d)
{
    size_t seq;
    const item *it = unit_item_by_number(g->unit, doc->numbering, e->id, &seq);
    char a[32], b[32];
    if (!it)
        return diag_error_at(d, s->path, e->line, e->column,
                             "no item %s in %s", e->id, g->unit->name ? g->unit->name : _("the rubric"));
    item_grade *slot = &ig[seq];
    if (slot->given)
        return diag_error_at(d, s->path, e->line, e->column, "item %s is scored twice", e->id);
    slot->given = true;
    slot->remark = e->remark;
    if (it->kind == KIND_VETO) {
        if (e->value || e->nlevels != 1 || (strcmp(e->levels[0], VETO_YES) && strcmp(e->levels[0], VETO_NO)))
            return diag_error_at(d, s->path, e->line, e->column,
                                 "item %s is a veto item: write %s (it happened) or %s", e->id,
                                 VETO_YES, VETO_NO);
        slot->vetoed = strcmp(e->levels[0], VETO_YES) == 0;
        slot->score = 0;
        return 0;
    }
    points v;
    const char *why;
    if (e->value && points_parse(e->value, &v, &why) < 0)
        return diag_error_at(d, s->path, e->line, e->column, "item %s: cannot read '%s': %s", e->id, e->value, why);
    if (!e->value && score_by_levels(s, e, it, item_field(it, g->unit, g->att, FIELD_LEVELS), &v, d) < 0)
        return -1;
    if (v > it->pts)
        return diag_error_at(d, s->path, e->line, e->column,
                             "item %s: %s分 is more than its %s分", e->id, points_format(v, a),
                             points_format(it->pts, b));
    slot->score = v;
    return 0;
}

static void add_up(grades *g)
{
    const unit *u = g->unit;
    for (size_t c = 0, k = 0; c < u->len; c++) {
        for (size_t i = 0; i < u->cats[c].len; i++, k++) {
            const item_grade *ig = &g->items[k];
            points v = ig->score == POINTS_NONE ? 0 : ig->score;
            g->category[c] += v;
            if (u->cats[c].items[i].kind == KIND_BONUS)
                g->bonus += v;
            else if (u->cats[c].items[i].kind == KIND_NORMAL)
                g->base += v;
            g->vetoed |= ig->vetoed;
        }
    }
    g->total = g->vetoed ? 0 : g->base + g->bonus;
}

int grades_compute(const document *doc, const scoresheet *s, grades *g, diag_list *d)
{
    memset(g, 0, sizeof *g);
    if (find_unit(doc, s, g, d) < 0)
        return -1;
    const unit *u = g->unit;
    for (size_t c = 0; c < u->len; c++)
        g->nitems += u->cats[c].len;
    g->items = xcalloc(g->nitems + 1, sizeof *g->items);
    g->category = xcalloc(u->len + 1, sizeof *g->category);
    for (size_t k = 0; k < g->nitems; k++)
        g->items[k].score = POINTS_NONE;
    int rc = 0;
    for (size_t i = 0; i < s->len; i++)
        if (grade_entry(doc, s, &s->items[i], g, g->items, d) < 0)
            rc = -1;
    strbuf missing = {0};
    char buf[ITEM_NUMBER_SIZE];
    for (size_t c = 0, k = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++, k++)
            if (!g->items[k].given)
                sb_printf(&missing, "%s%s", missing.len ? ", " : "",
                          item_number(&u->cats[c].items[i], doc->numbering, buf));
    if (missing.len && !s->missing_is_zero && s->column == 0)
        rc = diag_error(d, s->path, 0, "not scored: %s (write \"ID\": N under 得分, or 缺项: 零分)", missing.data);
    else if (missing.len && !s->missing_is_zero)
        rc = diag_error_at(d, s->path, s->line, s->column, "not scored: %s (fill in their cells, or write 零分 in a "
                           "缺项 column)", missing.data);
    sb_free(&missing);
    add_up(g);
    return rc;
}

void grades_free(grades *g)
{
    free(g->items);
    free(g->category);
    memset(g, 0, sizeof *g);
}
