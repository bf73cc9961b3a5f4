/* SPDX-License-Identifier: MIT */
/* printed_text: every text a rubric's document prints, one a line, read from
 * the model as the parser builds it and the layout's columns show it: the
 * notice's parts, the attachments' titles and notes, each unit's name and
 * each item's text, name, points and the fields its layout's columns show.
 * The end-to-end tests compare it with what PDF readers give back, so that
 * no text the typesetter was given can go missing on the page unnoticed.
 * With --items, only each item's text as its text column prints it, in the
 * order of the table, for tests that the items come back in order.
 *
 *   printed_text [--items] RUBRIC.md LAYOUT.yaml */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "model.h"
#include "parse.h"
#include "text.h"

static void meta(const document *doc, const char *key, const char *before, const char *after)
{
    for (size_t i = 0; i < doc->meta.len; i++)
        if (strcmp(doc->meta.items[i].name, key) == 0)
            printf("%s%s%s\n", before, doc->meta.items[i].value, after);
}

static void notice(const document *doc)
{
    meta(doc, field_find(&doc->meta, META_MASTHEAD) ? META_MASTHEAD : META_ISSUER, "", "");
    meta(doc, META_NUMBER, "", "");
    meta(doc, META_TITLE, "", "");
    meta(doc, META_RECIPIENTS, "", "：");
    for (size_t i = 0; i < doc->nbody; i++)
        printf("%s\n", doc->body[i].text);
    meta(doc, META_ATTACH_NOTE, "", "");
    meta(doc, field_find(&doc->meta, META_SIGNATURE) ? META_SIGNATURE : META_ISSUER, "", "");
    meta(doc, META_DATE, "", "");
    meta(doc, META_CC, "抄送：", "");
    meta(doc, META_PRINTER, "", "");
    meta(doc, META_PRINT_DATE, "", "印发");
}

/* prev: the item above in the table, or NULL: a merging column prints its
 * text once for a run of equal neighbours, as the table merges them. */
static void item_texts(const layout *lay, const attachment *a, const unit *u, const item *it, const item *prev,
                       int text_only)
{
    char buf[32];
    for (size_t k = 0; k < lay->table.ncolumns; k++) {
        const column *col = &lay->table.columns[k];
        if (text_only && col->show != SHOW_TEXT)
            continue;
        const char *v = NULL;
        char *numbered = NULL; /* a numbered column's: the item's id in place of its own number */
        switch (col->show) {
        case SHOW_NAME: v = col->numbered ? (numbered = item_numbered(it, it->name ? it->name : "")) : it->name; break;
        case SHOW_TEXT: v = col->numbered ? (numbered = item_numbered(it, it->text)) : it->text; break;
        case SHOW_POINTS: v = it->pts == POINTS_NONE ? NULL : points_format(it->pts, buf); break;
        case SHOW_FIELD: {
            v = item_field(it, u, a, col->field);
            const char *above = prev ? item_field(prev, u, a, col->field) : NULL;
            if (col->merge && v && above && strcmp(v, above) == 0)
                v = NULL;
            break;
        }
        default: break;
        }
        if (v)
            printf("%s\n", v);
        free(numbered);
    }
}

int main(int argc, char **argv)
{
    int items_only = argc == 4 && strcmp(argv[1], "--items") == 0;
    if (argc != 3 + items_only) {
        fprintf(stderr, "usage: printed_text [--items] RUBRIC.md LAYOUT.yaml\n");
        return 2;
    }
    argv += items_only;
    diag_list d = {0};
    document *doc = NULL;
    layout *lay = NULL;
    if (rubric_parse_file(argv[1], &doc, &d) != 0 || layout_load(argv[2], &lay, &d) != 0) {
        diag_print(&d, stderr);
        return 1;
    }
    if (document_has_notice(doc) && !items_only)
        notice(doc);
    for (size_t i = 0; i < doc->len; i++) {
        const attachment *a = &doc->atts[i];
        if (!items_only) {
            printf("%s\n%s\n", a->label, a->title);
            for (size_t k = 0; k < a->nnotes; k++)
                printf("%s\n", a->notes[k]);
        }
        for (size_t j = 0; j < a->len; j++) {
            const unit *u = &a->units[j];
            if (u->name && !items_only)
                printf("%s\n", u->name);
            const item *prev = NULL;
            for (size_t c = 0; c < u->len; c++) {
                if (!items_only)
                    printf("%s\n", u->cats[c].heading);
                for (size_t m = 0; m < u->cats[c].len; m++) {
                    item_texts(lay, a, u, &u->cats[c].items[m], prev, items_only);
                    prev = &u->cats[c].items[m];
                }
            }
        }
    }
    layout_free(lay);
    document_free(doc);
    diag_list_free(&d);
    return 0;
}
