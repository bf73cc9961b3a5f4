/* SPDX-License-Identifier: MIT */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define FIELD_RANK "排名"
#define RANK_MM 12.0
#define NAME_MM 44.0
#define TOTAL_MM 16.0

static void add_row(category *c, const ranked_unit *u, const unit *shape, size_t seq)
{
    GROW(c->items, c->len, c->cap);
    item *it = memset(&c->items[c->len++], 0, sizeof(item));
    char buf[32];
    it->id = xasprintf("1.%zu", seq);
    it->seq = (int)seq;
    it->name = xstrdup(u->res->unit);
    it->text = xstrdup("");
    it->pts = u->res->total;
    it->name_pts = POINTS_NONE;
    it->kind = KIND_NORMAL;
    snprintf(buf, sizeof buf, "%zu", u->rank);
    field_add(&it->fields, FIELD_RANK, u->rank ? buf : "未报", 0); /* rank 0: sent nothing */
    for (size_t k = 0; k < unit_part_count(shape); k++)
        field_add(&it->fields, unit_part_name(shape, k),
                  k < u->res->nparts && u->res->parts[k] != POINTS_NONE ? points_format(u->res->parts[k], buf)
                                                                         : "", 0);
    if (u->res->vetoed)
        field_add(&it->fields, "一票否决", "是", 0);
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

layout *summary_layout(const layout *rubric, const unit *shape)
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
    l->table.ncolumns = nparts + 3;
    l->table.columns = xcalloc(l->table.ncolumns, sizeof *l->table.columns);
    double text_mm = rubric->notice.text_width_mm;
    double part_mm = (text_mm - RANK_MM - NAME_MM - TOTAL_MM) / (nparts ? (double)nparts : 1);
    column *col = l->table.columns;
    set_column(col++, FIELD_RANK, RANK_MM, SHOW_FIELD, FIELD_RANK);
    set_column(col++, "单位", NAME_MM, SHOW_NAME, NULL);
    for (size_t k = 0; k < nparts; k++)
        set_column(col++, unit_part_name(shape, k), part_mm, SHOW_FIELD, unit_part_name(shape, k));
    set_column(col, "总分", TOTAL_MM, SHOW_POINTS, NULL);
    return l;
}
