/* SPDX-License-Identifier: MIT */
/* check: is the document complete, and does its arithmetic add up?
 *
 * Structure problems are errors: nothing sensible can be printed.  Arithmetic
 * that does not add up is a warning: real documents are issued with such
 * slips, and the printed record must show them as issued, so nothing here
 * changes the model.
 */
#include "check.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "points.h"
#include "roster.h"
#include "text.h"

static const char *const known_meta[] = {
    META_LAYOUT, META_ISSUER, META_MASTHEAD, META_NUMBER, META_TITLE, META_RECIPIENTS,
    META_SIGNATURE, META_DATE, META_ATTACH_NOTE, META_CC, META_PRINTER, META_PRINT_DATE,
    META_TOTAL, META_ROSTER, NULL};

static const char *const notice_required[] = {META_ISSUER, META_NUMBER, META_TITLE,
                                              META_RECIPIENTS, META_DATE, NULL};

#define FIELD_HEADERS "表头"

static int check_meta(const document *doc, diag_list *d)
{
    int rc = 0;
    for (size_t i = 0; i < doc->meta.len; i++) {
        const field *f = &doc->meta.items[i];
        size_t k = 0;
        while (known_meta[k] && strcmp(known_meta[k], f->name) != 0)
            k++;
        if (!known_meta[k])
            rc = diag_error(d, doc->path, f->line, "unknown front-matter key '%s'", f->name);
    }
    if (!field_find(&doc->meta, META_LAYOUT))
        rc = diag_error(d, doc->path, 1, "the front matter needs '%s: NAME' (a file layouts/NAME.yaml)", META_LAYOUT);
    if (document_has_notice(doc)) {
        for (size_t k = 0; notice_required[k]; k++)
            if (!field_find(&doc->meta, notice_required[k]))
                rc = diag_error(d, doc->path, 1, "a notice needs '%s' in the front matter", notice_required[k]);
    }
    const field *number = field_find(&doc->meta, META_NUMBER);
    if (number && (strchr(number->value, '[') || strstr(number->value, "【")))
        diag_warning(d, doc->path, number->line,
                     "发文字号 '%s': GB/T 9704-2012 writes the year in 〔〕", number->value);
    return rc;
}

static points declared_total(const document *doc, diag_list *d, int *rc)
{
    const field *f = field_find(&doc->meta, META_TOTAL);
    points total = 100 * POINTS_ONE;
    const char *why;
    if (f && points_parse(f->value, &total, &why) < 0)
        *rc = diag_error(d, doc->path, f->line, "cannot read %s '%s': %s", META_TOTAL, f->value, why);
    return total;
}

static const char *unit_name(const unit *u) { return u->name ? u->name : _("the rubric"); }

static const char *item_title(const item *it)
{
    return it->name ? it->name : it->text;
}

static bool same_item(const item *a, const item *b)
{
    if (a->name || b->name)
        return a->name && b->name && strcmp(a->name, b->name) == 0 &&
               (strcmp(a->text, b->text) == 0 || !a->text[0]);
    return a->text[0] && strcmp(a->text, b->text) == 0;
}

/* The first item before cats[c].items[i] that is the same, or NULL. */
static const item *earlier_twin(const unit *u, size_t c, size_t i)
{
    const item *a = &u->cats[c].items[i];
    for (size_t c2 = 0; c2 <= c; c2++) {
        size_t end = c2 == c ? i : u->cats[c2].len;
        for (size_t j = 0; j < end; j++)
            if (same_item(a, &u->cats[c2].items[j]))
                return &u->cats[c2].items[j];
    }
    return NULL;
}

static int check_duplicates(const document *doc, const unit *u, diag_list *d)
{
    int rc = 0;
    for (size_t c = 0; c < u->len; c++) {
        for (size_t i = 0; i < u->cats[c].len; i++) {
            const item *twin = earlier_twin(u, c, i);
            if (twin)
                rc = diag_error(d, doc->path, u->cats[c].items[i].line, "duplicate item: the same as line %d",
                                twin->line);
        }
    }
    return rc;
}

/* "item 1.4 '“双联”维权帮扶'", prefixed with the unit's name when there are units. */
static char *item_ref(const unit *u, const item *it)
{
    return u->name ? xasprintf(_("%s, item %s '%s'"), u->name, it->id, item_title(it))
                   : xasprintf(_("item %s '%s'"), it->id, item_title(it));
}

static void check_item_points(const document *doc, const unit *u, const item *it, diag_list *d)
{
    char a[32], b[32];
    if (it->kind == KIND_VETO || it->pts == POINTS_NONE)
        return;
    char *ref = item_ref(u, it);
    if (it->name_pts != POINTS_NONE && it->name_pts != it->pts)
        diag_warning(d, doc->path, it->line, "%s: its name says %s分, its points are %s分", ref,
                     points_format(it->name_pts, a), points_format(it->pts, b));
    points sum = 0;
    for (size_t k = 0; k < it->sub.len; k++)
        sum += it->sub.items[k];
    points expect = it->name_pts != POINTS_NONE ? it->name_pts : it->pts;
    if (it->sub.len > 0 && sum != expect)
        diag_warning(d, doc->path, it->line, "%s: inline points add up to %s分, not %s分", ref,
                     points_format(sum, a), points_format(expect, b));
    free(ref);
}

static points check_category(const document *doc, const unit *u, const category *c, diag_list *d,
                             int *rc)
{
    char a[32], b[32];
    points sum = 0;
    if (c->len == 0)
        *rc = diag_error(d, doc->path, c->line, "empty category '%s': it has no items", c->heading);
    for (size_t i = 0; i < c->len; i++) {
        check_item_points(doc, u, &c->items[i], d);
        if (c->items[i].pts != POINTS_NONE && c->kind == KIND_NORMAL)
            sum += c->items[i].pts;
    }
    if (c->kind == KIND_NORMAL && c->pts != POINTS_NONE && c->len > 0 && sum != c->pts)
        diag_warning(d, doc->path, c->line, "category '%s': items add up to %s分, its heading says %s分",
                     c->heading, points_format(sum, a), points_format(c->pts, b));
    return sum;
}

static void check_fields(const document *doc, const attachment *att, const unit *u,
                         const layout *lay, diag_list *d, int *rc)
{
    const field *headers = field_find(&u->fields, FIELD_HEADERS);
    if (!headers)
        headers = field_find(&att->fields, FIELD_HEADERS);
    if (headers) {
        size_t cells = 1;
        for (const char *s = headers->value; *s; s++)
            cells += *s == '|' || starts_with(s, "｜");
        if (cells != layout_header_cells(&lay->table))
            *rc = diag_error(d, doc->path, headers->line, "%s gives %zu headers; the layout's table has %zu",
                             FIELD_HEADERS, cells, layout_header_cells(&lay->table));
    }
    for (size_t k = 0; k < lay->table.ncolumns; k++) {
        const column *col = &lay->table.columns[k];
        if (col->show != SHOW_FIELD)
            continue;
        for (size_t c = 0; c < u->len; c++)
            for (size_t i = 0; i < u->cats[c].len; i++)
                if (!item_field(&u->cats[c].items[i], u, att, col->field))
                    diag_warning(d, doc->path, u->cats[c].items[i].line,
                                 "item %s has no '%s' for its column (write **%s**：… under it, its unit or the attachment)",
                                 u->cats[c].items[i].id, col->field, col->field);
    }
}

static void check_unit(const document *doc, const attachment *att, const unit *u, const layout *lay,
                       points total, check_summary *s, diag_list *d, int *rc)
{
    char a[32], b[32];
    if (u->len == 0) {
        *rc = diag_error(d, doc->path, u->line, "%s has no categories or items", unit_name(u));
        return;
    }
    points sum = 0;
    for (size_t c = 0; c < u->len; c++) {
        sum += check_category(doc, u, &u->cats[c], d, rc);
        s->items += u->cats[c].len;
    }
    s->categories += u->len;
    if (check_duplicates(doc, u, d) < 0)
        *rc = -1;
    if (lay)
        check_fields(doc, att, u, lay, d, rc);
    if (sum != total)
        diag_warning(d, doc->path, u->line, "%s: items add up to %s分, %s is %s分", unit_name(u),
                     points_format(sum, a), META_TOTAL, points_format(total, b));
    s->total = sum;
}

/* 7.3.4: a notice lists its attachments under the body, by their titles. */
static void check_attachment_note(const document *doc, diag_list *d)
{
    size_t n = 0;
    const field *first = NULL;
    for (size_t i = 0; i < doc->meta.len; i++) {
        const field *f = &doc->meta.items[i];
        if (strcmp(f->name, META_ATTACH_NOTE) != 0)
            continue;
        if (!first)
            first = f;
        if (n < doc->len && strcmp(f->value, doc->atts[n].title) != 0)
            diag_warning(d, doc->path, f->line, "%s names '%s' where attachment %zu is titled '%s'", META_ATTACH_NOTE,
                         f->value, n + 1, doc->atts[n].title);
        n++;
    }
    if (!document_has_notice(doc))
        return;
    if (n == 0 && doc->len > 0)
        diag_warning(d, doc->path, doc->meta_end_line ? doc->meta_end_line : 1,
                     ngettext("the notice has %zu attachment but no %s: GB/T 9704 lists them under the body "
                              "(write %s: TITLE, or a list of titles)",
                              "the notice has %zu attachments but no %s: GB/T 9704 lists them under the body "
                              "(write %s: TITLE, or a list of titles)", doc->len),
                     doc->len, META_ATTACH_NOTE, META_ATTACH_NOTE);
    else if (n != doc->len && first)
        diag_warning(d, doc->path, first->line,
                     ngettext("%s names %zu attachment; the document has %zu",
                              "%s names %zu attachments; the document has %zu", n),
                     META_ATTACH_NOTE, n, doc->len);
}

int check_document(const document *doc, const layout *lay, check_summary *s, diag_list *d)
{
    int rc = check_meta(doc, d);
    check_attachment_note(doc, d);
    points total = declared_total(doc, d, &rc);
    memset(s, 0, sizeof *s);
    s->total = POINTS_NONE;
    s->declared_total = total;
    if (doc->len == 0 && !document_has_notice(doc))
        rc = diag_error(d, doc->path, 0, "nothing to print: no notice text and no '# 附件' rubric");
    for (size_t a = 0; a < doc->len; a++) {
        const attachment *att = &doc->atts[a];
        if (att->len == 0)
            rc = diag_error(d, doc->path, att->line, "attachment '%s' has no categories or items", att->title);
        for (size_t u = 0; u < att->len; u++)
            check_unit(doc, att, &att->units[u], lay, total, s, d, &rc);
        s->units += att->len;
    }
    s->attachments = doc->len;
    if (roster_check(doc, d) < 0)
        rc = -1;
    return rc;
}
