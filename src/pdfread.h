/* SPDX-License-Identifier: MIT */
/* pdfread: the text fields of a filled PDF form, and what it says it is a
 * form of, read through qpdf's C API (pdfread.c).  The only reader of PDF in
 * gongwen; knows nothing of the rubric.
 *
 * A field is known by its fully qualified name: the /T of it and of its
 * parents, joined by dots ("2.3", "单位").  Its value is its /V, inherited
 * from a parent as PDF says, as UTF-8; a field with no /V, or an empty one,
 * has none.  A form that is not one (no /AcroForm), a file qpdf cannot read
 * and a field tree deeper or larger than any form of a rubric are refused,
 * naming the file.
 */
#ifndef GONGWEN_PDFREAD_H
#define GONGWEN_PDFREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A filled form is a few MB at most; a larger file is not one of ours. */
#define PDFREAD_MAX_BYTES (64u << 20)

typedef struct pdf_field {
    char *name;      /* fully qualified */
    char *value;     /* NULL: nothing typed */
    bool text;       /* a text field (/FT /Tx); any other kind was not made by gongwen */
} pdf_field;

typedef struct pdf_fields {
    pdf_field *items;
    size_t len, cap;
    char *form_id;   /* the Info dictionary's /GongwenForm, or NULL */
} pdf_fields;

int pdf_read_fields(const char *path, pdf_fields *out, diag_list *d);
void pdf_fields_free(pdf_fields *f);

#endif
