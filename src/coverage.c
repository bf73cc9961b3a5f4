/* coverage: every character against the font role that will draw it, before
 * anything is typeset, so that a missing glyph is an error with its line and
 * never an empty box in the PDF. */
#include "coverage.h"

#include "notice.h"

static int check_notice_coverage(const document *doc, const notice_layout *nl, const fontset *fs, diag_list *d)
{
    int rc = 0;
    const struct { const char *key; font_spec f; } parts[] = {
        {META_MASTHEAD, nl->masthead}, {META_ISSUER, nl->masthead}, {META_NUMBER, nl->number},
        {META_TITLE, nl->title},       {META_RECIPIENTS, nl->body}, {META_SIGNATURE, nl->body},
        {META_ISSUER, nl->body},       {META_DATE, nl->body},       {META_ATTACH_NOTE, nl->body},
        {META_CC, nl->body},           {META_PRINTER, nl->body},    {META_PRINT_DATE, nl->body},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        const field *f = field_find(&doc->meta, parts[i].key);
        if (f && fontset_check_text(fs, parts[i].f.role, f->value, doc->path, f->line, d) < 0)
            rc = -1;
    }
    for (size_t i = 0; i < doc->nbody; i++) {
        font_role role = notice_paragraph_font(nl, doc->body[i].text).role;
        if (fontset_check_text(fs, role, doc->body[i].text, doc->path, doc->body[i].line, d) < 0)
            rc = -1;
    }
    return rc;
}

static int check_item_coverage(const document *doc, const attachment *a, const unit *u, const item *it,
                               const layout *lay, const fontset *fs, diag_list *d)
{
    font_role role = lay->table.cell.role;
    int rc = fontset_check_text(fs, role, it->text, doc->path, it->line, d);
    if (it->name && fontset_check_text(fs, role, it->name, doc->path, it->line, d) < 0)
        rc = -1;
    for (size_t k = 0; k < lay->table.ncolumns; k++) {
        const column *col = &lay->table.columns[k];
        const char *v = col->show == SHOW_FIELD ? item_field(it, u, a, col->field) : NULL;
        if (v && fontset_check_text(fs, role, v, doc->path, it->line, d) < 0)
            rc = -1;
    }
    return rc;
}

/* Text a layout and a unit add to the table: 表头 overrides, the 单位 prefix,
 * the 合计 label. */
static int check_table_words(const document *doc, const attachment *a, const unit *u, const layout *lay,
                             const fontset *fs, diag_list *d)
{
    const table_layout *tl = &lay->table;
    int rc = 0;
    const field *fields[] = {field_find(&a->fields, "表头"), u ? field_find(&u->fields, "表头") : NULL};
    for (size_t i = 0; i < 2; i++)
        if (fields[i] && fontset_check_text(fs, tl->header.role, fields[i]->value, doc->path, fields[i]->line, d) < 0)
            rc = -1;
    if (tl->unit_prefix && fontset_check_text(fs, tl->unit_line.role, tl->unit_prefix, lay->path, 0, d) < 0)
        rc = -1;
    if (tl->total_label && fontset_check_text(fs, tl->cell.role, tl->total_label, lay->path, 0, d) < 0)
        rc = -1;
    return rc;
}

/* Every character is checked against the role that will draw it before
 * anything is typeset: a missing glyph is an error with its line, never an
 * empty box in the PDF. */
int coverage_check_document(const document *doc, const layout *lay, const fontset *fs, diag_list *d)
{
    int rc = document_has_notice(doc) ? check_notice_coverage(doc, &lay->notice, fs, d) : 0;
    const table_layout *tl = &lay->table;
    for (size_t i = 0; i < tl->ncolumns; i++)
        if (fontset_check_text(fs, tl->header.role, tl->columns[i].header, lay->path, tl->columns[i].line, d) < 0)
            rc = -1;
    for (size_t i = 0; i < doc->len; i++) {
        const attachment *a = &doc->atts[i];
        for (size_t k = 0; k < a->nnotes; k++)
            if (fontset_check_text(fs, tl->unit_line.role, a->notes[k], doc->path, a->line, d) < 0)
                rc = -1;
        if (fontset_check_text(fs, tl->title.role, a->title, doc->path, a->line, d) < 0 ||
            fontset_check_text(fs, lay->notice.attachment_label.role, a->label, doc->path, a->line, d) < 0)
            rc = -1;
        for (size_t u = 0; u < a->len; u++) {
            const unit *un = &a->units[u];
            if (un->name && fontset_check_text(fs, tl->unit_line.role, un->name, doc->path, un->line, d) < 0)
                rc = -1;
            if (check_table_words(doc, a, un, lay, fs, d) < 0)
                rc = -1;
            for (size_t c = 0; c < un->len; c++) {
                if (fontset_check_text(fs, tl->cell.role, un->cats[c].heading, doc->path, un->cats[c].line, d) < 0)
                    rc = -1;
                for (size_t k = 0; k < un->cats[c].len; k++)
                    if (check_item_coverage(doc, a, un, &un->cats[c].items[k], lay, fs, d) < 0)
                        rc = -1;
            }
        }
    }
    return rc;
}

/* Coverage of what a scoresheet adds to the page: the unit's name, remarks. */
int coverage_check_scores(const scoresheet *sheet, const layout *lay, const fontset *fs, diag_list *d)
{
    int rc = fontset_check_text(fs, lay->table.unit_line.role, sheet->unit, sheet->path, sheet->unit_line, d);
    for (size_t i = 0; i < sheet->len; i++)
        if (sheet->items[i].remark &&
            fontset_check_text(fs, lay->table.cell.role, sheet->items[i].remark, sheet->path, sheet->items[i].line, d) < 0)
            rc = -1;
    return rc;
}
