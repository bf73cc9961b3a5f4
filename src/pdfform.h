/* SPDX-License-Identifier: MIT */
/* pdfform: the field ops of a fillable form (page.h OP_FIELD) as an AcroForm
 * of text fields (pdfform.c).  Part of pdfwrite; knows libharu, nothing of
 * the rubric.
 *
 * A field's fully qualified name is its op's group (the unit's name, when
 * the form has several tables), then its name, an item's number split at
 * its dots: the item 2.3 is the field "3" under the field "2", so its name
 * is "2.3", as the template's column and the scores file's key.  A header
 * label is one name, whatever it holds.  A dot within a part (a unit named
 * "A.B") becomes '．', a partial name having none.
 *
 * PDF/A (ISO 19005-1 6.9, 19005-3): every widget is printed (/F 4) and has
 * its own normal appearance (/AP /N, an empty marked-content stream, so the
 * empty form prints as the plain one); NeedAppearances is not set; no
 * widget has an action or a script.  What is typed is checked by whoever
 * reads the form back (gongwen collect), not by the reader: a score field
 * bounds its length (/MaxLen) and centres its text (/Q 1), nothing more.
 *
 * What is typed is drawn in Helvetica (/Helv in the form's resources), the
 * font every reader and form filler knows: a form filler writes the
 * appearance of a value itself, and none of them can extend the subset of
 * an embedded font.  Digits, points and dates come out alike everywhere;
 * Chinese typed in a blank (a unit's name) is drawn by the reader in a font
 * of its own, where it has one.  Helvetica is named, not embedded: no
 * appearance of the empty form draws with it.
 */
#ifndef GONGWEN_PDFFORM_H
#define GONGWEN_PDFFORM_H

#include <hpdf.h>

#include "diag.h"
#include "page.h"

typedef struct pdf_form pdf_form;

pdf_form *pdfform_new(HPDF_Doc pdf, const char *out, diag_list *d);
/* The field o on page pg.  -1, with an error, for a name another field
 * already has. */
int pdfform_add(pdf_form *f, HPDF_Page pg, const op *o);
/* Puts the form into the catalog and frees f. */
int pdfform_finish(pdf_form *f);

#endif
