/* SPDX-License-Identifier: MIT */
/* pdfform: an AcroForm of text fields (see pdfform.h). */
#include "pdfform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdfstring.h"
#include "text.h"

/* Field flags (PDF 32000-1 table 226, 228). */
#define FF_DO_NOT_SPELL_CHECK (1 << 22)
#define FF_DO_NOT_SCROLL      (1 << 23)
#define ANNOT_PRINT 4
/* What is typed is set in (pdfform.h). */
#define FONT_NAME "Helv"
/* A widget stays this far inside its cell's rules. */
#define INSET_PT 1.0

/* A node of the field tree: its fully qualified name and dictionary. */
typedef struct node {
    char *name;
    HPDF_Dict dict;
    bool terminal;
} node;

struct pdf_form {
    HPDF_Doc pdf;
    const char *out;
    diag_list *d;
    HPDF_Array fields;   /* the top-level fields */
    node *nodes;
    size_t len, cap;
};

pdf_form *pdfform_new(HPDF_Doc pdf, const char *out, diag_list *d)
{
    pdf_form *f = xcalloc(1, sizeof *f);
    f->pdf = pdf;
    f->out = out;
    f->d = d;
    f->fields = HPDF_Array_New(pdf->mmgr);
    return f;
}

static node *find(const pdf_form *f, const char *name)
{
    for (size_t i = 0; i < f->len; i++)
        if (strcmp(f->nodes[i].name, name) == 0)
            return &f->nodes[i];
    return NULL;
}

/* A part of a name with its dots made '．'. */
static char *part_of(const char *s, size_t n)
{
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            sb_puts(&sb, "．");
        else
            sb_putc(&sb, s[i]);
    }
    return sb_take(&sb);
}

/* The parts of o's fully qualified name (NULL-terminated; caller frees). */
static char **name_parts(const op *o, size_t *n)
{
    char **parts = xcalloc(strlen(o->name) + 3, sizeof *parts);
    *n = 0;
    if (o->group)
        parts[(*n)++] = part_of(o->group, strlen(o->group));
    if (o->form != FORM_SCORE) {
        parts[(*n)++] = part_of(o->name, strlen(o->name));
        return parts;
    }
    for (const char *s = o->name;;) {
        const char *dot = strchr(s, '.');
        parts[(*n)++] = part_of(s, dot ? (size_t)(dot - s) : strlen(s));
        if (!dot)
            return parts;
        s = dot + 1;
    }
}

/* A new field dictionary named part under parent (NULL: top level), kept
 * as the node of full name. */
static HPDF_Dict new_field(pdf_form *f, node *parent, const char *part, const char *full, bool terminal)
{
    HPDF_MMgr mm = f->pdf->mmgr;
    HPDF_Dict dict = HPDF_Dict_New(mm);
    if (!dict || HPDF_Xref_Add(f->pdf->xref, dict) != HPDF_OK)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_Add(dict, "T", pdf_text_string(mm, part));
    if (parent) {
        HPDF_Array kids = HPDF_Dict_GetItem(parent->dict, "Kids", HPDF_OCLASS_ARRAY);
        ret += HPDF_Dict_Add(dict, "Parent", parent->dict);
        ret += kids ? HPDF_Array_Add(kids, dict) : HPDF_INVALID_OBJECT;
    } else {
        ret += HPDF_Array_Add(f->fields, dict);
    }
    if (!terminal)
        ret += HPDF_Dict_Add(dict, "Kids", HPDF_Array_New(mm));
    if (ret != HPDF_OK)
        return NULL;
    GROW(f->nodes, f->len, f->cap);
    f->nodes[f->len++] = (node){.name = xstrdup(full), .dict = dict, .terminal = terminal};
    return dict;
}

static HPDF_Array rect_array(HPDF_MMgr mm, double x0, double y0, double x1, double y1)
{
    HPDF_Array a = HPDF_Array_New(mm);
    HPDF_Array_AddReal(a, (HPDF_REAL)x0);
    HPDF_Array_AddReal(a, (HPDF_REAL)y0);
    HPDF_Array_AddReal(a, (HPDF_REAL)x1);
    HPDF_Array_AddReal(a, (HPDF_REAL)y1);
    return a;
}

/* The widget's normal appearance: nothing drawn, so the empty form prints as
 * the plain one.  A landscape page's field is turned as its text is. */
static HPDF_Dict appearance(pdf_form *f, double w, double h, bool rotated)
{
    HPDF_MMgr mm = f->pdf->mmgr;
    HPDF_Dict ap = HPDF_DictStream_New(mm, f->pdf->xref);
    if (!ap)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(ap, "Type", "XObject");
    ret += HPDF_Dict_AddName(ap, "Subtype", "Form");
    ret += HPDF_Dict_Add(ap, "BBox", rotated ? rect_array(mm, 0, 0, h, w) : rect_array(mm, 0, 0, w, h));
    if (rotated) {
        HPDF_Array m = HPDF_Array_New(mm);
        const double matrix[6] = {0, 1, -1, 0, w, 0};
        for (int i = 0; i < 6; i++)
            ret += HPDF_Array_AddReal(m, (HPDF_REAL)matrix[i]);
        ret += HPDF_Dict_Add(ap, "Matrix", m);
    }
    ret += HPDF_Dict_Add(ap, "Resources", HPDF_Dict_New(mm));
    ret += HPDF_Stream_WriteStr(ap->stream, "/Tx BMC\012EMC\012");
    return ret == HPDF_OK ? ap : NULL;
}

/* The widget's own entries, on its terminal field. */
static HPDF_STATUS make_widget(pdf_form *f, HPDF_Dict w, HPDF_Page pg, const op *o)
{
    HPDF_MMgr mm = f->pdf->mmgr;
    double x0 = (o->x1 < o->x2 ? o->x1 : o->x2) + INSET_PT, x1 = (o->x1 < o->x2 ? o->x2 : o->x1) - INSET_PT;
    double y0 = (o->y1 < o->y2 ? o->y1 : o->y2) + INSET_PT, y1 = (o->y1 < o->y2 ? o->y2 : o->y1) - INSET_PT;
    char da[64];
    snprintf(da, sizeof da, "/" FONT_NAME " %.1f Tf 0 g", o->size);
    HPDF_STATUS ret = HPDF_Dict_AddName(w, "Type", "Annot");
    ret += HPDF_Dict_AddName(w, "Subtype", "Widget");
    ret += HPDF_Dict_AddName(w, "FT", "Tx");
    ret += HPDF_Dict_AddNumber(w, "F", ANNOT_PRINT);
    ret += HPDF_Dict_AddNumber(w, "Ff", FF_DO_NOT_SPELL_CHECK | (o->form == FORM_SCORE ? FF_DO_NOT_SCROLL : 0));
    ret += HPDF_Dict_Add(w, "Rect", rect_array(mm, x0, y0, x1, y1));
    ret += HPDF_Dict_Add(w, "P", pg);
    ret += HPDF_Dict_Add(w, "DA", HPDF_String_New(mm, da, NULL));
    ret += HPDF_Dict_AddNumber(w, "Q", o->form == FORM_SCORE ? 1 : 0);
    if (o->max_len > 0)
        ret += HPDF_Dict_AddNumber(w, "MaxLen", o->max_len);
    HPDF_Dict mk = HPDF_Dict_New(mm);
    if (o->rotated)
        ret += HPDF_Dict_AddNumber(mk, "R", 90);
    ret += HPDF_Dict_Add(w, "MK", mk);
    HPDF_Dict ap = HPDF_Dict_New(mm), normal = appearance(f, x1 - x0, y1 - y0, o->rotated);
    ret += normal ? HPDF_Dict_Add(ap, "N", normal) : HPDF_INVALID_OBJECT;
    ret += HPDF_Dict_Add(w, "AP", ap);
    /* The page lists it among its annotations. */
    HPDF_Array annots = HPDF_Dict_GetItem(pg, "Annots", HPDF_OCLASS_ARRAY);
    if (!annots) {
        annots = HPDF_Array_New(mm);
        ret += HPDF_Dict_Add(pg, "Annots", annots);
    }
    return ret + HPDF_Array_Add(annots, w);
}

int pdfform_add(pdf_form *f, HPDF_Page pg, const op *o)
{
    size_t n;
    char **parts = name_parts(o, &n);
    strbuf full = {0};
    node *parent = NULL;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        sb_printf(&full, "%s%s", i ? "." : "", parts[i]);
        node *at = find(f, full.data);
        bool last = i + 1 == n;
        if (at && (last || at->terminal)) {
            rc = diag_error(f->d, f->out, 0, "cannot write the form: two of its fields would be named '%s'",
                            full.data);
        } else if (!at && !new_field(f, parent, parts[i], full.data, last)) {
            rc = diag_error(f->d, f->out, 0, "cannot write PDF: libharu refused the form field '%s'", full.data);
        } else if (last && make_widget(f, find(f, full.data)->dict, pg, o) != HPDF_OK) {
            rc = diag_error(f->d, f->out, 0, "cannot write PDF: libharu refused the form field '%s'", full.data);
        }
        parent = find(f, full.data);
    }
    sb_free(&full);
    for (size_t i = 0; i < n; i++)
        free(parts[i]);
    free(parts);
    return rc;
}

int pdfform_finish(pdf_form *f)
{
    HPDF_MMgr mm = f->pdf->mmgr;
    HPDF_Dict form = HPDF_Dict_New(mm), dr = HPDF_Dict_New(mm), fonts = HPDF_Dict_New(mm),
              helv = HPDF_Dict_New(mm);
    HPDF_STATUS ret = form && dr && fonts && helv ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (ret == HPDF_OK) {
        ret += HPDF_Dict_AddName(helv, "Type", "Font");
        ret += HPDF_Dict_AddName(helv, "Subtype", "Type1");
        ret += HPDF_Dict_AddName(helv, "BaseFont", "Helvetica");
        ret += HPDF_Dict_AddName(helv, "Encoding", "WinAnsiEncoding");
        ret += HPDF_Dict_Add(fonts, FONT_NAME, helv);
        ret += HPDF_Dict_Add(dr, "Font", fonts);
        ret += HPDF_Dict_Add(form, "Fields", f->fields);
        ret += HPDF_Dict_Add(form, "DR", dr);
        ret += HPDF_Dict_Add(f->pdf->catalog, "AcroForm", form);
    }
    int rc = ret == HPDF_OK ? 0 : diag_error(f->d, f->out, 0, "cannot write PDF: libharu refused the form");
    for (size_t i = 0; i < f->len; i++)
        free(f->nodes[i].name);
    free(f->nodes);
    free(f);
    return rc;
}
