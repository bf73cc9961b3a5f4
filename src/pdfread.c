/* SPDX-License-Identifier: MIT */
/* pdfread: a form's fields through qpdf (see pdfread.h). */
#include "pdfread.h"

#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "fileio.h"
#include "intl.h"
#include "text.h"

/* Deeper than a group, an item's number and a part of it; more fields than
 * a rubric of 1,000 items in 100 tables has. */
#define DEPTH_MAX 16
#define FIELDS_MAX 100000

typedef struct reader {
    qpdf_data q;
    const char *path;
    diag_list *d;
    pdf_fields *out;
    size_t visited;
} reader;

/* A string value as UTF-8 (a text string in PDFDocEncoding or UTF-16), or
 * NULL when oh is no string. */
static char *utf8_of(reader *r, qpdf_oh oh)
{
    if (!qpdf_oh_is_string(r->q, oh))
        return NULL;
    size_t len = 0;
    const char *s = qpdf_oh_get_binary_utf8_value(r->q, oh, &len);
    return s ? xstrndup(s, len) : NULL;
}

/* Whether field oh has kids that are fields (they have a /T); kids without
 * one are its widgets. */
static bool has_field_kids(reader *r, qpdf_oh field)
{
    qpdf_oh kids = qpdf_oh_get_key(r->q, field, "/Kids");
    int n = qpdf_oh_is_array(r->q, kids) ? qpdf_oh_get_array_n_items(r->q, kids) : 0;
    for (int i = 0; i < n; i++)
        if (qpdf_oh_has_key(r->q, qpdf_oh_get_array_item(r->q, kids, i), "/T"))
            return true;
    return false;
}

/* The field oh under the name prefix, with the /FT and /V it inherits. */
static int read_field(reader *r, qpdf_oh field, const char *prefix, bool text, qpdf_oh value, int depth)
{
    if (depth > DEPTH_MAX || ++r->visited > FIELDS_MAX)
        return diag_error(r->d, r->path, 0, "its form fields nest deeper or are more than any form gongwen makes: "
                          "not a form of a rubric");
    if (!qpdf_oh_is_dictionary(r->q, field))
        return 0; /* a null in /Fields, as some editors leave: no field */
    char *part = utf8_of(r, qpdf_oh_get_key(r->q, field, "/T"));
    char *name = part ? (*prefix ? xasprintf("%s.%s", prefix, part) : xstrdup(part)) : xstrdup(prefix);
    free(part);
    if (qpdf_oh_has_key(r->q, field, "/FT"))
        text = qpdf_oh_is_name_and_equals(r->q, qpdf_oh_get_key(r->q, field, "/FT"), "/Tx");
    if (qpdf_oh_has_key(r->q, field, "/V"))
        value = qpdf_oh_get_key(r->q, field, "/V");
    int rc = 0;
    if (has_field_kids(r, field)) {
        qpdf_oh kids = qpdf_oh_get_key(r->q, field, "/Kids");
        int n = qpdf_oh_get_array_n_items(r->q, kids);
        for (int i = 0; i < n && rc == 0; i++)
            rc = read_field(r, qpdf_oh_get_array_item(r->q, kids, i), name, text, value, depth + 1);
    } else {
        pdf_fields *f = r->out;
        GROW(f->items, f->len, f->cap);
        char *v = utf8_of(r, value);
        if (v && !*trim(v)) {
            free(v);
            v = NULL;
        }
        f->items[f->len++] = (pdf_field){.name = name, .value = v, .text = text};
        name = NULL;
    }
    free(name);
    return rc;
}

static int read_form(reader *r)
{
    qpdf_oh form = qpdf_oh_get_key(r->q, qpdf_get_root(r->q), "/AcroForm");
    qpdf_oh fields = qpdf_oh_get_key(r->q, form, "/Fields");
    if (!qpdf_oh_is_dictionary(r->q, form) || !qpdf_oh_is_array(r->q, fields))
        return diag_error(r->d, r->path, 0, "not a form: it has no fields to fill in (make one with "
                          "gongwen build --fillable)");
    qpdf_oh info = qpdf_oh_get_key(r->q, qpdf_get_trailer(r->q), "/Info");
    r->out->form_id = utf8_of(r, qpdf_oh_get_key(r->q, info, "/GongwenForm"));
    int rc = 0, n = qpdf_oh_get_array_n_items(r->q, fields);
    qpdf_oh none = qpdf_oh_new_null(r->q);
    for (int i = 0; i < n && rc == 0; i++)
        rc = read_field(r, qpdf_oh_get_array_item(r->q, fields, i), "", false, none, 0);
    return rc;
}

int pdf_read_fields(const char *path, pdf_fields *out, diag_list *d)
{
    memset(out, 0, sizeof *out);
    char *bytes;
    size_t len;
    if (file_read(path, PDFREAD_MAX_BYTES, &bytes, &len, d) != 0)
        return -1;
    reader r = {.q = qpdf_init(), .path = path, .d = d, .out = out};
    qpdf_silence_errors(r.q);
    qpdf_set_suppress_warnings(r.q, QPDF_TRUE);
    int rc = 0;
    if (qpdf_read_memory(r.q, path, bytes, (unsigned long long)len, NULL) & QPDF_ERRORS) {
        qpdf_error e = qpdf_get_error(r.q);
        const char *why = e ? qpdf_get_error_message_detail(r.q, e) : NULL;
        rc = diag_error(d, path, 0, "not a PDF that can be read: %s", why ? why : _("qpdf cannot read it"));
    } else {
        rc = read_form(&r);
    }
    /* An error of qpdf's not already said (a broken object met on the way). */
    if (rc == 0 && qpdf_has_error(r.q)) {
        qpdf_error e = qpdf_get_error(r.q);
        rc = diag_error(d, path, 0, "not a PDF that can be read: %s", qpdf_get_error_message_detail(r.q, e));
    }
    qpdf_cleanup(&r.q);
    free(bytes);
    if (rc != 0)
        pdf_fields_free(out);
    return rc;
}

void pdf_fields_free(pdf_fields *f)
{
    for (size_t i = 0; i < f->len; i++) {
        free(f->items[i].name);
        free(f->items[i].value);
    }
    free(f->items);
    free(f->form_id);
    memset(f, 0, sizeof *f);
}
