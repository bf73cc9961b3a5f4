/* SPDX-License-Identifier: MIT */
#include "model.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

bool meta_key_takes_list(const char *key)
{
    return strcmp(key, META_ATTACH_NOTE) == 0;
}

const field *field_find(const field_list *fl, const char *name)
{
    for (size_t i = 0; i < fl->len; i++)
        if (strcmp(fl->items[i].name, name) == 0)
            return &fl->items[i];
    return NULL;
}

const char *field_value(const field_list *fl, const char *name)
{
    const field *f = field_find(fl, name);
    return f ? f->value : NULL;
}

void field_add_from(field_list *fl, const char *name, const char *value, const char *file, int line)
{
    GROW(fl->items, fl->len, fl->cap);
    field *f = &fl->items[fl->len++];
    f->name = xstrdup(name);
    f->value = xstrdup(value);
    f->file = file ? xstrdup(file) : NULL;
    f->line = line;
}

void field_add(field_list *fl, const char *name, const char *value, int line)
{
    field_add_from(fl, name, value, NULL, line);
}

void field_list_copy(field_list *dst, const field_list *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->len; i++)
        field_add_from(dst, src->items[i].name, src->items[i].value, src->items[i].file, src->items[i].line);
}

void field_list_free(field_list *fl)
{
    for (size_t i = 0; i < fl->len; i++) {
        free(fl->items[i].name);
        free(fl->items[i].value);
        free(fl->items[i].file);
    }
    free(fl->items);
    memset(fl, 0, sizeof *fl);
}

const field *item_field_find(const item *it, const unit *u, const attachment *a, const char *name)
{
    const field *f = field_find(&it->fields, name);
    if (!f && u)
        f = field_find(&u->fields, name);
    if (!f && a)
        f = field_find(&a->fields, name);
    return f;
}

const char *item_field(const item *it, const unit *u, const attachment *a, const char *name)
{
    const field *f = item_field_find(it, u, a, name);
    return f ? f->value : NULL;
}

bool unit_parts_are_items(const unit *u)
{
    return u->len == 1;
}

size_t unit_part_count(const unit *u)
{
    return unit_parts_are_items(u) ? u->cats[0].len : u->len;
}

const char *unit_part_name(const unit *u, size_t k)
{
    if (!unit_parts_are_items(u))
        return u->cats[k].heading;
    const item *it = &u->cats[0].items[k];
    return it->name ? it->name : it->id;
}

const char *item_number(const item *it, item_numbering how, char *buf)
{
    if (how != NUMBER_BY_SEQ)
        return it->id;
    snprintf(buf, ITEM_NUMBER_SIZE, "%d", it->seq);
    return buf;
}

const char *item_text_after_ordinal(const char *text)
{
    size_t n = strspn(text, "0123456789");
    const char *s = text + n;
    if (n == 0)
        return text;
    /* "1．", "1、", "1." — not the "2.5" of "2.5万名职工". */
    if (starts_with(s, "．") || starts_with(s, "、"))
        s += strlen("．");
    else if (*s == '.' && !(s[1] >= '0' && s[1] <= '9'))
        s++;
    else
        return text;
    while (*s == ' ')
        s++;
    return s;
}

char *item_numbered(const item *it, const char *text)
{
    return xasprintf("%s %s", it->id, item_text_after_ordinal(text));
}

int item_score_max_chars(const item *it, const unit *u, const attachment *a)
{
    if (it->kind == KIND_VETO)
        return 1;
    if (it->pts == POINTS_NONE || item_field_find(it, u, a, FIELD_LEVELS))
        return 0;
    char buf[32];
    return (int)strlen(points_format(it->pts, buf)) + 3;
}

const item *unit_item_by_number(const unit *u, item_numbering how, const char *key, size_t *index)
{
    char buf[ITEM_NUMBER_SIZE];
    for (size_t c = 0, k = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++, k++) {
            const item *it = &u->cats[c].items[i];
            if (strcmp(it->id, key) == 0 || strcmp(item_number(it, how, buf), key) == 0) {
                *index = k;
                return it;
            }
        }
    return NULL;
}

void roster_add(roster *r, const char *name, int line, int column)
{
    GROW(r->items, r->len, r->cap);
    r->items[r->len++] = (roster_entry){.name = xstrdup(name), .line = line, .column = column};
}

void roster_free(roster *r)
{
    for (size_t i = 0; i < r->len; i++)
        free(r->items[i].name);
    free(r->items);
    free(r->path);
    memset(r, 0, sizeof *r);
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

void item_copy(item *dst, const item *src)
{
    *dst = *src;
    dst->id = xstrdup(src->id);
    dst->name = dup_or_null(src->name);
    dst->text = xstrdup(src->text);
    dst->sub.items = xmalloc((src->sub.len + 1) * sizeof *dst->sub.items);
    if (src->sub.len)
        memcpy(dst->sub.items, src->sub.items, src->sub.len * sizeof *src->sub.items);
    dst->sub.cap = src->sub.len + 1;
    field_list_copy(&dst->fields, &src->fields);
}

void category_copy(category *dst, const category *src)
{
    *dst = *src;
    dst->heading = xstrdup(src->heading);
    dst->label = xstrdup(src->label);
    dst->name = xstrdup(src->name);
    dst->items = xcalloc(src->len + 1, sizeof *dst->items);
    dst->cap = src->len + 1;
    for (size_t i = 0; i < src->len; i++)
        item_copy(&dst->items[i], &src->items[i]);
}

void unit_copy(unit *dst, const unit *src)
{
    *dst = *src;
    dst->name = dup_or_null(src->name);
    dst->name_file = dup_or_null(src->name_file);
    field_list_copy(&dst->fields, &src->fields);
    field_list_copy(&dst->totals, &src->totals);
    dst->cats = xcalloc(src->len + 1, sizeof *dst->cats);
    dst->cap = src->len + 1;
    for (size_t i = 0; i < src->len; i++)
        category_copy(&dst->cats[i], &src->cats[i]);
}

char *document_form_id(const document *doc, const char *file)
{
    return xasprintf("rubric=%016" PRIx64 " numbering=%s file=%s", hash_fnv1a64(doc->source, doc->source_len),
                     doc->numbering == NUMBER_BY_SEQ ? "seq" : "id", file);
}

int document_has_notice(const document *doc)
{
    return doc->nbody > 0 || field_find(&doc->meta, META_TITLE) != NULL;
}

static void item_free(item *it)
{
    free(it->id);
    free(it->name);
    free(it->text);
    free(it->sub.items);
    field_list_free(&it->fields);
}

static void category_free(category *c)
{
    for (size_t i = 0; i < c->len; i++)
        item_free(&c->items[i]);
    free(c->items);
    free(c->heading);
    free(c->label);
    free(c->name);
}

static void unit_free(unit *u)
{
    for (size_t i = 0; i < u->len; i++)
        category_free(&u->cats[i]);
    free(u->cats);
    free(u->name);
    free(u->name_file);
    field_list_free(&u->fields);
    field_list_free(&u->totals);
}

static void attachment_free(attachment *a)
{
    for (size_t i = 0; i < a->len; i++)
        unit_free(&a->units[i]);
    free(a->units);
    for (size_t i = 0; i < a->nnotes; i++)
        free(a->notes[i]);
    free(a->notes);
    free(a->label);
    free(a->title);
    field_list_free(&a->fields);
}

void document_free(document *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->len; i++)
        attachment_free(&doc->atts[i]);
    free(doc->atts);
    for (size_t i = 0; i < doc->nbody; i++)
        free(doc->body[i].text);
    free(doc->body);
    field_list_free(&doc->meta);
    roster_free(&doc->roster);
    free(doc->path);
    free(doc->source);
    free(doc);
}

const char *points_format(points p, char *buf)
{
    const char *sign = p < 0 ? "-" : "";
    uint64_t v = p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
    uint64_t whole = v / POINTS_ONE, frac = v % POINTS_ONE;
    if (frac == 0)
        snprintf(buf, 32, "%s%" PRIu64, sign, whole);
    else if (frac % 10 == 0)
        snprintf(buf, 32, "%s%" PRIu64 ".%" PRIu64, sign, whole, frac / 10);
    else
        snprintf(buf, 32, "%s%" PRIu64 ".%02" PRIu64, sign, whole, frac);
    return buf;
}
