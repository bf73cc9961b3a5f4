/* SPDX-License-Identifier: MIT */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define FIELD_RANK "排名"
#define FIELD_TOTAL "总分"
#define FIELD_NOTE "备注"
#define RANK_MM 12.0
#define NAME_MIN_MM 30.0    /* a unit's name in lines of seven characters */
#define NAME_MAX_MM 44.0
#define TOTAL_MM 16.0
#define NOTE_MM 24.0
/* A part's column is never narrower than "100.25" and two hanzi need. */
#define PART_MIN_MM 13.0
#define PART_MAX_MM 30.0

static bool veto_part(const unit *shape, size_t k)
{
    return !unit_parts_are_items(shape) && shape->cats[k].kind == KIND_VETO;
}

const char *summary_part_text(const unit *shape, const unit_result *res, size_t k, char *buf)
{
    if (k >= res->nparts || res->parts[k] == POINTS_NONE)
        return "";
    if (veto_part(shape, k))
        return res->part_vetoed[k] ? "是" : "否";
    return points_format(res->parts[k], buf);
}

static void add_row(category *c, const ranked_unit *u, const unit *shape, size_t seq)
{
    GROW(c->items, c->len, c->cap);
    item *it = memset(&c->items[c->len++], 0, sizeof(item));
    char buf[32];
    it->id = xasprintf("1.%zu", seq);
    it->seq = (int)seq;
    it->name = xstrdup(u->res->unit);
    it->text = xstrdup("");
    it->pts = POINTS_NONE;
    it->name_pts = POINTS_NONE;
    it->kind = KIND_NORMAL;
    if (u->rank) {
        snprintf(buf, sizeof buf, "%zu", u->rank);
        field_add(&it->fields, FIELD_RANK, buf, 0);
    }
    for (size_t k = 0; k < unit_part_count(shape); k++)
        field_add(&it->fields, unit_part_name(shape, k), summary_part_text(shape, u->res, k, buf), 0);
    field_add(&it->fields, FIELD_TOTAL, u->not_scored ? SUMMARY_NOT_SCORED : points_format(u->res->total, buf), 0);
    if (u->not_scored && *u->not_scored)
        field_add(&it->fields, FIELD_NOTE, u->not_scored, 0);
    else if (!u->not_scored && u->res->vetoed)
        field_add(&it->fields, FIELD_NOTE, "一票否决", 0);
}

document *summary_document(const document *rubric, const unit *shape, const ranked_unit *units, size_t n)
{
    document *doc = xcalloc(1, sizeof *doc);
    doc->path = xstrdup(rubric->path);
    doc->atts = xcalloc(1, sizeof *doc->atts);
    doc->len = doc->cap = 1;
    attachment *a = &doc->atts[0];
    a->label = xstrdup("");
    a->title = xasprintf("%s汇总表", rubric->len > 0 ? rubric->atts[0].title : "");
    a->units = xcalloc(1, sizeof *a->units);
    a->len = a->cap = 1;
    unit *u = &a->units[0];
    u->cats = xcalloc(1, sizeof *u->cats);
    u->len = u->cap = 1;
    category *c = &u->cats[0];
    c->heading = xstrdup("");
    c->label = xstrdup("");
    c->name = xstrdup("");
    c->pts = POINTS_NONE;
    for (size_t i = 0; i < n; i++)
        add_row(c, &units[i], shape, i + 1);
    return doc;
}

static void set_column(column *col, const char *header, double width, column_show show, const char *field_name)
{
    col->header = xstrdup(header);
    col->header_span = 1;
    col->width_mm = width;
    col->show = show;
    col->field = field_name ? xstrdup(field_name) : NULL;
    col->suffix = xstrdup("");
    col->align = ALIGN_CENTER;
}

/* Whether a row needs the remark column. */
static bool any_note(const ranked_unit *units, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (units[i].not_scored || units[i].res->vetoed)
            return true;
    return false;
}

layout *summary_layout(const layout *rubric, const unit *shape, const ranked_unit *units, size_t n)
{
    layout *l = xcalloc(1, sizeof *l);
    l->path = xstrdup(rubric->path);
    l->notice = rubric->notice;
    l->table = rubric->table;
    l->table.total_label = NULL;
    l->table.header.size_pt = l->table.cell.size_pt; /* many narrow columns */
    l->table.header_labels = NULL;
    l->table.nheader_labels = 0;
    l->table.lines_after_table = 0;
    l->table.scored_label = xstrdup(rubric->table.scored_label);
    size_t nparts = unit_part_count(shape);
    bool note = any_note(units, n);
    double fixed = RANK_MM + NAME_MIN_MM + TOTAL_MM + (note ? NOTE_MM : 0);
    double width = rubric->notice.text_width_mm;
    /* Too many parts for a portrait page: a landscape sheet, whose width is
     * the portrait page's height. */
    if (fixed + (double)nparts * PART_MIN_MM > width) {
        l->table.landscape = true;
        width = rubric->notice.text_height_mm;
    }
    /* What is left widens the names first, then the parts. */
    double spare = width - fixed - (double)nparts * PART_MIN_MM;
    double name_mm = NAME_MIN_MM + (spare > NAME_MAX_MM - NAME_MIN_MM ? NAME_MAX_MM - NAME_MIN_MM : spare);
    double part_mm = nparts ? (width - fixed - (name_mm - NAME_MIN_MM)) / (double)nparts : 0;
    if (part_mm > PART_MAX_MM)
        part_mm = PART_MAX_MM;
    l->table.ncolumns = nparts + 3 + (note ? 1 : 0);
    l->table.columns = xcalloc(l->table.ncolumns, sizeof *l->table.columns);
    column *col = l->table.columns;
    set_column(col++, FIELD_RANK, RANK_MM, SHOW_FIELD, FIELD_RANK);
    set_column(col++, "单位", name_mm, SHOW_NAME, NULL);
    for (size_t k = 0; k < nparts; k++)
        set_column(col++, unit_part_name(shape, k), part_mm, SHOW_FIELD, unit_part_name(shape, k));
    set_column(col++, FIELD_TOTAL, TOTAL_MM, SHOW_FIELD, FIELD_TOTAL);
    if (note) {
        set_column(col, FIELD_NOTE, NOTE_MM, SHOW_FIELD, FIELD_NOTE);
        col->align = ALIGN_LEFT;
    }
    return l;
}
