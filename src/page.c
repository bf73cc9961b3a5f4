/* SPDX-License-Identifier: MIT */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

page *page_list_add(page_list *d)
{
    GROW(d->pages, d->len, d->cap);
    page *p = &d->pages[d->len++];
    memset(p, 0, sizeof *p);
    p->low = A4_HEIGHT_PT;
    return p;
}

void page_list_take(page_list *d, page_list *src)
{
    for (size_t i = 0; i < src->len; i++) {
        GROW(d->pages, d->len, d->cap);
        d->pages[d->len++] = src->pages[i];
    }
    free(src->pages);
    memset(src, 0, sizeof *src);
}

void page_list_copy(page_list *d, const page_list *src)
{
    for (size_t i = 0; i < src->len; i++) {
        const page *from = &src->pages[i];
        page *to = page_list_add(d);
        *to = *from;
        to->ops = xmalloc((from->len + 1) * sizeof *to->ops);
        to->cap = from->len + 1;
        for (size_t j = 0; j < from->len; j++) {
            to->ops[j] = from->ops[j];
            if (from->ops[j].kind == OP_TEXT) {
                to->ops[j].cps = xmalloc((from->ops[j].ncps + 1) * sizeof *to->ops[j].cps);
                memcpy(to->ops[j].cps, from->ops[j].cps, from->ops[j].ncps * sizeof *from->ops[j].cps);
            } else if (from->ops[j].kind == OP_FIELD) {
                to->ops[j].name = xstrdup(from->ops[j].name);
                to->ops[j].group = from->ops[j].group ? xstrdup(from->ops[j].group) : NULL;
            }
        }
    }
}

void page_turn_landscape(page *p)
{
    /* (u, v) on the landscape sheet is (A4 width - v, u) on the page. */
    p->low = A4_HEIGHT_PT;
    p->landscape = true;
    for (size_t i = 0; i < p->len; i++) {
        op *o = &p->ops[i];
        double u, v;
        if (o->kind == OP_TEXT) {
            u = o->x, v = o->y;
            o->x = A4_WIDTH_PT - v;
            o->y = u;
            o->rotated = true;
            if (o->y < p->low)
                p->low = o->y;
        } else {
            u = o->x1, v = o->y1;
            o->x1 = A4_WIDTH_PT - v;
            o->y1 = u;
            u = o->x2, v = o->y2;
            o->x2 = A4_WIDTH_PT - v;
            o->y2 = u;
            o->rotated = o->kind == OP_FIELD;
            double low = (o->y1 < o->y2 ? o->y1 : o->y2) - o->width / 2;
            if (low < p->low)
                p->low = low;
        }
    }
}

static op *page_add_op(page *p, op_kind kind, rgb color)
{
    GROW(p->ops, p->len, p->cap);
    op *o = &p->ops[p->len++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->color = color;
    return o;
}

void page_add_text(page *p, int face, double size, double x, double y, double char_spacing,
                   bool bold, rgb color, const uint32_t *cps, size_t ncps)
{
    op *o = page_add_op(p, OP_TEXT, color);
    o->face = face;
    o->size = size;
    o->x = x;
    o->y = y;
    o->char_spacing = char_spacing;
    o->bold = bold;
    /* The em box reaches 0.12 em below the baseline. */
    if (y - 0.12 * size < p->low)
        p->low = y - 0.12 * size;
    o->cps = xmalloc((ncps ? ncps : 1) * sizeof *o->cps);
    memcpy(o->cps, cps, ncps * sizeof *cps);
    o->ncps = ncps;
}

void page_add_line(page *p, double x1, double y1, double x2, double y2, double width, rgb color)
{
    op *o = page_add_op(p, OP_LINE, color);
    o->x1 = x1;
    o->y1 = y1;
    o->x2 = x2;
    o->y2 = y2;
    o->width = width;
    double low = (y1 < y2 ? y1 : y2) - width / 2;
    if (low < p->low)
        p->low = low;
}

void page_add_field(page *p, form_kind form, const char *name, const char *group, int max_len, double size,
                    double x1, double y1, double x2, double y2)
{
    op *o = page_add_op(p, OP_FIELD, (rgb){0, 0, 0}); /* no colour: it draws nothing */
    o->form = form;
    o->name = xstrdup(name);
    o->group = group ? xstrdup(group) : NULL;
    o->max_len = max_len;
    o->size = size;
    o->x1 = x1;
    o->y1 = y1;
    o->x2 = x2;
    o->y2 = y2;
}

void page_list_free(page_list *d)
{
    for (size_t i = 0; i < d->len; i++) {
        for (size_t j = 0; j < d->pages[i].len; j++) {
            free(d->pages[i].ops[j].cps);
            free(d->pages[i].ops[j].name);
            free(d->pages[i].ops[j].group);
        }
        free(d->pages[i].ops);
    }
    free(d->pages);
    memset(d, 0, sizeof *d);
}

int page_list_face_cps(const page_list *d, size_t nfaces, uint32_t **cps, size_t *ncps)
{
    size_t *cap = xcalloc(nfaces + 1, sizeof *cap);
    int rc = 0;
    for (size_t f = 0; f < nfaces; f++)
        cps[f] = NULL, ncps[f] = 0;
    for (size_t p = 0; p < d->len; p++) {
        for (size_t i = 0; i < d->pages[p].len; i++) {
            const op *o = &d->pages[p].ops[i];
            if (o->kind != OP_TEXT || o->ncps == 0)
                continue;
            if (o->face < 0 || (size_t)o->face >= nfaces) {
                rc = -1;
                continue;
            }
            size_t f = (size_t)o->face;
            for (size_t k = 0; k < o->ncps; k++) {
                GROW(cps[f], ncps[f], cap[f]);
                cps[f][ncps[f]++] = o->cps[k];
            }
            /* Keep the lists short as a long document repeats characters. */
            if (ncps[f] > 4096 && ncps[f] == cap[f])
                ncps[f] = cps_sort_unique(cps[f], ncps[f]);
        }
    }
    for (size_t f = 0; f < nfaces; f++)
        ncps[f] = cps_sort_unique(cps[f], ncps[f]);
    free(cap);
    return rc;
}
