/* SPDX-License-Identifier: MIT */
/* pdfwrite: pages to PDF through libharu 2.3.0.
 *
 * libharu reports errors through a callback; ours records the first error in
 * the writer and lets libharu carry on returning error codes, and each step
 * checks the record (no longjmp).  Where libharu 2.3.0 writes something wrong
 * or missing, the fix goes through its installed object API (hpdf_objects.h):
 * fonts (pdffont.h), PDF/A parts (pdfa.h), UTF-16 info strings, and file
 * specifications of attachments.
 *
 * Determinism: the /ID is a hash of the file (pdfa.h); libharu writes no
 * dates of its own; subsetting is deterministic and a subset's tag is a hash
 * of its bytes (pdffontprog.h).  So the same pages and info give
 * the same bytes, and dates appear only when info->epoch is given.
 */
#include "pdfwrite.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_namedict.h>
#include <hpdf_pages.h>

#include "fileio.h"
#include "intl.h"
#include "pdfa.h"
#include "pdffont.h"
#include "pdfform.h"
#include "pdfstring.h"
#include "text.h"

typedef struct writer {
    HPDF_Doc pdf;
    HPDF_STATUS err, detail;  /* first libharu error, recorded by on_error */
    const fontset *fs;
    diag_list *d;
    const char *out;
    size_t nfaces;
    uint32_t **cps;           /* per face: code points drawn, ascending */
    size_t *ncps;
    struct face_fonts *fonts; /* per face */
    HPDF_Array af;            /* file specifications of the attachments (PDF/A-3 /AF) */
    pdf_form *form;           /* a fillable form's fields; NULL: none */
} writer;

static void on_error(HPDF_STATUS err, HPDF_STATUS detail, void *data)
{
    writer *w = data;
    if (w->err == HPDF_OK) {  /* keep the first: later ones are consequences */
        w->err = err;
        w->detail = detail;
    }
}

static const char *hpdf_error_text(HPDF_STATUS err)
{
    switch (err) {
    case HPDF_FAILD_TO_ALLOC_MEM: return _("out of memory");
    case HPDF_FILE_OPEN_ERROR: return _("cannot open a file");
    case HPDF_FILE_IO_ERROR: return _("file I/O error");
    default: return _("libharu error");
    }
}

/* Turns a recorded libharu error into a diagnostic; -1 if there was one.
 * doing (and refused's what) is in the reader's language already.
 * The object API records its errors without calling the handler, so the
 * document's error state is read too. */
static int check(writer *w, const char *doing)
{
    if (w->err == HPDF_OK && HPDF_GetError(w->pdf) != HPDF_OK) {
        w->err = HPDF_GetError(w->pdf);
        w->detail = HPDF_GetErrorDetail(w->pdf);
    }
    if (w->err == HPDF_OK)
        return 0;
    return diag_error(w->d, w->out, 0, "cannot write PDF: %s (libharu 0x%04X, detail %u) while %s",
                      hpdf_error_text(w->err), (unsigned)w->err, (unsigned)w->detail, doing);
}

/* For a step that failed: libharu's recorded reason, or else what it refused. */
static int refused(writer *w, const char *what)
{
    return check(w, what) != 0 ? -1 : diag_error(w->d, w->out, 0, "cannot write PDF: libharu refused %s", what);
}

/* ---- code points per face --------------------------------------------- */

/* Which code points each face draws: exactly what its subsets must hold. */
static int collect_cps(writer *w, const page_list *doc)
{
    if (page_list_face_cps(doc, w->nfaces, w->cps, w->ncps) != 0)
        return diag_error(w->d, w->out, 0, "internal: text uses a face beyond the %zu loaded",
                          w->nfaces);
    return 0;
}

/* ---- fonts ------------------------------------------------------------ */

/* The fonts of one face in this PDF: the shared program when the pages draw
 * any of its characters, and a program of this document's own for the
 * characters the shared one lacks (all of them when there is none). */
struct face_fonts {
    const font_program *shared; /* borrowed from the caller; NULL: unused */
    font_program *own;          /* NULL: every character drawn is in shared */
    HPDF_Dict shared_dict, own_dict;
};
typedef struct face_fonts face_fonts;

static int make_face_fonts(writer *w, int face, const font_program *shared)
{
    face_fonts *ff = &w->fonts[face];
    const uint32_t *cps = w->cps[face];
    size_t n = w->ncps[face], nown = 0;
    uint32_t *own = xmalloc((n ? n : 1) * sizeof *own);
    for (size_t i = 0; i < n; i++) {
        if (shared && font_program_find(shared, cps[i]) >= 0)
            ff->shared = shared;
        else
            own[nown++] = cps[i];
    }
    int rc = 0;
    if (nown > 0)
        rc = font_program_make(fontset_face_path(w->fs, face), fontset_face_index(w->fs, face), own,
                               nown, &ff->own, w->d);
    free(own);
    if (rc != 0)
        return -1;
    bool embedded = (!ff->shared || (ff->shared_dict = pdffont_embed(w->pdf, ff->shared))) &&
                    (!ff->own || (ff->own_dict = pdffont_embed(w->pdf, ff->own)));
    return embedded ? 0 : refused(w, _("embedding a font"));
}

static int make_fonts(writer *w, const font_program *const *shared)
{
    for (size_t f = 0; f < w->nfaces; f++)
        if (w->ncps[f] > 0 && make_face_fonts(w, (int)f, shared ? shared[f] : NULL) != 0)
            return -1;
    return 0;
}

static void free_fonts(writer *w)
{
    for (size_t f = 0; f < w->nfaces; f++)
        font_program_free(w->fonts[f].own);
    free(w->fonts);
}

/* ---- pages ------------------------------------------------------------ */

/* Text state persists across BT/ET within a page's content stream. */
typedef struct pen {
    double char_spacing;
    bool bold;
} pen;

/* Which of the face's programs draws cp, and as which CID. */
static const font_program *program_for(const face_fonts *ff, uint32_t cp, uint16_t *cid, HPDF_Dict *dict)
{
    const font_program *fps[2] = {ff->shared, ff->own};
    HPDF_Dict dicts[2] = {ff->shared_dict, ff->own_dict};
    for (int k = 0; k < 2; k++) {
        long i = fps[k] ? font_program_find(fps[k], cp) : -1;
        if (i >= 0) {
            *cid = (uint16_t)PDFFONT_CODE(i);
            *dict = dicts[k];
            return fps[k];
        }
    }
    return NULL;
}

/* The glyphs of a text op, as one Tj per stretch drawn by the same program.
 * Written straight into the page's content stream: libharu's text calls
 * know only its own fonts, whose codes are code points, not glyph ids. */
static int show_glyphs(writer *w, HPDF_Page pg, const op *o)
{
    HPDF_Stream cs = ((HPDF_PageAttr)pg->attr)->stream;
    HPDF_Dict current = NULL;
    HPDF_STATUS ret = HPDF_OK;
    for (size_t i = 0; i < o->ncps && ret == HPDF_OK; i++) {
        uint16_t cid;
        HPDF_Dict dict;
        if (!program_for(&w->fonts[o->face], o->cps[i], &cid, &dict))
            return diag_error(w->d, w->out, 0, "internal: U+%04X has no font", (unsigned)o->cps[i]);
        if (dict != current) {
            const char *name = HPDF_Page_GetLocalFontName(pg, (HPDF_Font)dict);
            if (!name)
                return refused(w, _("a font resource"));
            ret += HPDF_Stream_WriteStr(cs, current ? "> Tj\012/" : "/");
            ret += HPDF_Stream_WriteStr(cs, name);
            ret += HPDF_Stream_WriteChar(cs, ' ');
            ret += HPDF_Stream_WriteReal(cs, (HPDF_REAL)o->size);
            ret += HPDF_Stream_WriteStr(cs, " Tf\012<");
            current = dict;
        }
        char hex[5];
        snprintf(hex, sizeof hex, "%04X", cid);
        ret += HPDF_Stream_WriteStr(cs, hex);
    }
    ret += HPDF_Stream_WriteStr(cs, "> Tj\012");
    return ret == HPDF_OK ? 0 : refused(w, _("drawing text"));
}

static int draw_text(writer *w, HPDF_Page pg, pen *pn, const op *o)
{
    if (o->ncps == 0)
        return 0;
    HPDF_Page_BeginText(pg);
    if (o->char_spacing != pn->char_spacing) {
        HPDF_Page_SetCharSpace(pg, (HPDF_REAL)o->char_spacing);
        pn->char_spacing = o->char_spacing;
    }
    HPDF_Page_SetRGBFill(pg, (HPDF_REAL)o->color.r, (HPDF_REAL)o->color.g, (HPDF_REAL)o->color.b);
    if (o->bold) {
        /* Fake bold: stroke the outline too, about a thirtieth of the size. */
        HPDF_Page_SetLineWidth(pg, (HPDF_REAL)(o->size / 30.0));
        HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)o->color.r, (HPDF_REAL)o->color.g,
                               (HPDF_REAL)o->color.b);
    }
    if (o->bold != pn->bold) {
        HPDF_Page_SetTextRenderingMode(pg, o->bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
        pn->bold = o->bold;
    }
    if (o->rotated) /* a landscape page's text: a quarter turn counter-clockwise */
        HPDF_Page_SetTextMatrix(pg, 0, 1, -1, 0, (HPDF_REAL)o->x, (HPDF_REAL)o->y);
    else
        HPDF_Page_MoveTextPos(pg, (HPDF_REAL)o->x, (HPDF_REAL)o->y);
    int rc = check(w, _("drawing text")) == 0 ? show_glyphs(w, pg, o) : -1;
    HPDF_Page_EndText(pg);
    return rc;
}

static void draw_line(HPDF_Page pg, const op *o)
{
    HPDF_Page_SetLineWidth(pg, (HPDF_REAL)o->width);
    HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)o->color.r, (HPDF_REAL)o->color.g, (HPDF_REAL)o->color.b);
    HPDF_Page_MoveTo(pg, (HPDF_REAL)o->x1, (HPDF_REAL)o->y1);
    HPDF_Page_LineTo(pg, (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
    HPDF_Page_Stroke(pg);
}

static int draw_pages(writer *w, const page_list *doc)
{
    for (size_t p = 0; p < doc->len; p++) {
        HPDF_Page pg = HPDF_AddPage(w->pdf);
        if (check(w, _("adding a page")) != 0)
            return -1;
        HPDF_Page_SetWidth(pg, (HPDF_REAL)A4_WIDTH_PT);
        HPDF_Page_SetHeight(pg, (HPDF_REAL)A4_HEIGHT_PT);
        pen pn = {0.0, false};
        for (size_t i = 0; i < doc->pages[p].len; i++) {
            const op *o = &doc->pages[p].ops[i];
            if (o->kind == OP_LINE)
                draw_line(pg, o);
            else if (o->kind == OP_FIELD && w->form && pdfform_add(w->form, pg, o) != 0)
                return -1;
            else if (o->kind == OP_TEXT && draw_text(w, pg, &pn, o) != 0)
                return -1;
        }
        char doing[48];
        snprintf(doing, sizeof doing, _("drawing page %zu"), p + 1);
        if (check(w, doing) != 0)
            return -1;
    }
    return 0;
}

/* ---- document info and attachments ------------------------------------ */

static HPDF_STATUS set_text_info(writer *w, const char *key, const char *value)
{
    return value && *value ? HPDF_Dict_Add(w->pdf->info, key, pdf_text_string(w->pdf->mmgr, value)) : HPDF_OK;
}

/* The same clock reading as the XMP dates (pdfa.c), in PDF's date syntax. */
static HPDF_STATUS set_dates(writer *w, long long epoch)
{
    char date[24];
    pdfa_pdf_date(epoch, date);
    if (!*date)
        return HPDF_OK;
    HPDF_STATUS ret = HPDF_Dict_Add(w->pdf->info, "CreationDate", HPDF_String_New(w->pdf->mmgr, date, NULL));
    return ret + HPDF_Dict_Add(w->pdf->info, "ModDate", HPDF_String_New(w->pdf->mmgr, date, NULL));
}

/* Info and XMP must say the same: both take these. */
#define CREATOR "gongwen"
#define PRODUCER "Haru Free PDF Library " HPDF_VERSION_TEXT

static int set_info(writer *w, const pdf_info *info)
{
    /* Creates the Info dictionary, which the object API below then extends. */
    HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, CREATOR);
    HPDF_SetInfoAttr(w->pdf, HPDF_INFO_PRODUCER, PRODUCER);
    if (check(w, _("writing document info")) != 0 || !w->pdf->info)
        return -1;
    HPDF_STATUS ret = HPDF_OK;
    if (info) {
        ret += set_text_info(w, "Title", info->title);
        ret += set_text_info(w, "Author", info->author);
        ret += set_text_info(w, "Subject", info->subject);
        ret += set_text_info(w, "Keywords", info->keywords);
        ret += set_text_info(w, "GongwenForm", info->fillable ? info->form_id : NULL);
        ret += set_dates(w, info->epoch);
    }
    if (check(w, _("writing document info")) != 0)
        return -1;
    return ret == HPDF_OK ? 0 : diag_error(w->d, w->out, 0, "cannot write PDF: libharu refused "
                                           "the document info");
}

/* An attachment and its key in the EmbeddedFiles name tree: the name's
 * bytes when it is ASCII, else the name as a text string (UTF-16), which
 * readers list as written; the tree is sorted by the keys' bytes. */
typedef struct keyed {
    const pdf_attachment *a;
    strbuf key;
} keyed;

static void make_key(keyed *k, const pdf_attachment *a)
{
    k->a = a;
    bool ascii = true;
    for (const char *s = a->name; *s && ascii; s++)
        ascii = (unsigned char)*s < 0x80;
    if (ascii)
        sb_puts(&k->key, a->name);
    else
        pdf_text_bytes(a->name, &k->key);
}

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
    int c = memcmp(x->key.data, y->key.data, n);
    return c ? c : (x->key.len > y->key.len) - (x->key.len < y->key.len);
}

/* The EmbeddedFiles name tree of the catalog, created on first use. */
static HPDF_NameTree embedded_files(writer *w)
{
    HPDF_NameDict names = HPDF_Catalog_GetNames(w->pdf->catalog);
    if (!names) {
        names = HPDF_NameDict_New(w->pdf->mmgr, w->pdf->xref);
        if (!names || HPDF_Catalog_SetNames(w->pdf->catalog, names) != HPDF_OK)
            return NULL;
    }
    HPDF_NameTree tree = HPDF_NameDict_GetNameTree(names, HPDF_NAME_EMBEDDED_FILES);
    if (!tree) {
        tree = HPDF_NameTree_New(w->pdf->mmgr, w->pdf->xref);
        if (!tree || HPDF_NameDict_SetNameTree(names, HPDF_NAME_EMBEDDED_FILES, tree) != HPDF_OK)
            return NULL;
    }
    return tree;
}

/* PDF/A-3 wants each embedded file typed, dated and related to the document. */
static HPDF_STATUS describe_embedded(writer *w, HPDF_Dict spec, HPDF_Dict stream, const pdf_attachment *a,
                                     long long epoch)
{
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_STATUS ret = HPDF_Dict_AddName(stream, "Type", "EmbeddedFile");
    ret += HPDF_Dict_AddName(stream, "Subtype", a->mime ? a->mime : "application/octet-stream");
    char date[24];
    pdfa_pdf_date(epoch, date);
    HPDF_Dict params = *date ? HPDF_Dict_New(mm) : NULL;
    if (params) {
        ret += HPDF_Dict_Add(params, "ModDate", HPDF_String_New(mm, date, NULL));
        ret += HPDF_Dict_Add(stream, "Params", params);
    }
    ret += HPDF_Dict_AddName(spec, "AFRelationship", a->relationship ? a->relationship : "Unspecified");
    if (!w->af) {
        w->af = HPDF_Array_New(mm);
        ret += HPDF_Dict_Add(w->pdf->catalog, "AF", w->af);
    }
    return ret + HPDF_Array_Add(w->af, spec);
}

/* Adds spec under k's key to the name tree, after every key added before
 * (attach_all adds them in order).  An ASCII key goes in as a string, as
 * libharu writes it; any other as the bytes of its UTF-16, which libharu's
 * strings cannot hold (they stop at a NUL).  ASCII keys sort first. */
static HPDF_STATUS add_key(HPDF_MMgr mm, HPDF_NameTree tree, const keyed *k, HPDF_Dict spec)
{
    if (k->key.len < 2 || memcmp(k->key.data, "\xFE\xFF", 2) != 0)
        return HPDF_NameTree_Add(tree, HPDF_String_New(mm, k->key.data, NULL), spec);
    HPDF_Array names = HPDF_Dict_GetItem(tree, "Names", HPDF_OCLASS_ARRAY);
    if (!names)
        return HPDF_INVALID_OBJECT;
    HPDF_STATUS ret = HPDF_Array_Add(names, HPDF_Binary_New(mm, (HPDF_BYTE *)k->key.data, (HPDF_UINT)k->key.len));
    return ret + HPDF_Array_Add(names, spec);
}

/* HPDF_AttachFile reads a file by its path, stores the path as given and
 * writes /Type /F; here the file specification is built from the bytes
 * given, with the bare name, /UF in UTF-16 and /Type /Filespec. */
static int attach(writer *w, HPDF_NameTree tree, const keyed *k, long long epoch)
{
    const pdf_attachment *a = k->a;
    if (!*a->name || strchr(a->name, '/'))
        return diag_error(w->d, w->out, 0, "cannot attach '%s': not a file name", a->name);
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Dict spec = HPDF_Dict_New(mm);
    HPDF_Dict stream = HPDF_DictStream_New(mm, w->pdf->xref);
    HPDF_Dict ef = HPDF_Dict_New(mm);
    if (!spec || !stream || !ef || HPDF_Xref_Add(w->pdf->xref, spec) != HPDF_OK)
        return refused(w, _("attaching a file"));
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_STATUS ret = HPDF_Stream_Write(stream->stream, (const HPDF_BYTE *)a->data, (HPDF_UINT)a->len);
    ret += HPDF_Dict_AddName(spec, "Type", "Filespec");
    ret += HPDF_Dict_Add(spec, "F", HPDF_String_New(mm, a->name, NULL));
    ret += HPDF_Dict_Add(spec, "UF", pdf_text_string(mm, a->name));
    ret += HPDF_Dict_Add(ef, "F", stream);
    ret += HPDF_Dict_Add(spec, "EF", ef);
    ret += describe_embedded(w, spec, stream, a, epoch);
    ret += add_key(mm, tree, k, spec);
    if (check(w, _("attaching a file")) != 0)
        return -1;
    return ret == HPDF_OK ? 0 : diag_error(w->d, w->out, 0, "cannot attach %s: libharu refused it", a->name);
}

static int attach_all(writer *w, const pdf_info *info)
{
    if (!info || info->nattachments == 0)
        return 0;
    /* Name-tree keys must be sorted; equal names would collide. */
    size_t n = info->nattachments;
    keyed *sorted = xcalloc(n, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        make_key(&sorted[i], &info->attachments[i]);
    qsort(sorted, n, sizeof *sorted, by_key);
    int rc = 0;
    HPDF_NameTree tree = embedded_files(w);
    if (!tree)
        rc = check(w, _("creating the attachment list")) != 0 ? -1
             : diag_error(w->d, w->out, 0, "cannot write PDF: no attachment list");
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (i > 0 && by_key(&sorted[i - 1], &sorted[i]) == 0)
            rc = diag_error(w->d, w->out, 0, "cannot attach: %s is attached twice", sorted[i].a->name);
        else
            rc = attach(w, tree, &sorted[i], info->epoch);
    }
    for (size_t i = 0; i < n; i++)
        sb_free(&sorted[i].key);
    free(sorted);
    return rc;
}

/* ---- archive ------------------------------------------------------------ */

/* Given a colour profile, the file becomes PDF/A (pdfa.h); the /ID is
 * always written, and so are the fonts' CIDSets (pdffont.h). */
static int make_archival(writer *w, const pdf_info *info)
{
    HPDF_STATUS ret = pdfa_reserve_id(w->pdf);
    if (info && info->icc) {
        char *xmp = pdfa_xmp(info, CREATOR, PRODUCER, info->nattachments > 0 ? 3 : 1);
        ret += pdfa_add_metadata(w->pdf, xmp);
        free(xmp);
        ret += pdfa_add_output_intent(w->pdf, info->icc, info->icc_len);
    }
    if (check(w, _("writing PDF/A metadata")) != 0)
        return -1;
    return ret == HPDF_OK ? 0 : diag_error(w->d, w->out, 0, "cannot write PDF: libharu refused the "
                                           "PDF/A metadata");
}

/* ---- saving ----------------------------------------------------------- */

/* The whole PDF, rendered by libharu into memory.  Every way out but
 * success leaves a diagnostic. */
static unsigned char *render(writer *w, size_t *len)
{
    if (HPDF_SaveToStream(w->pdf) != HPDF_OK) {
        refused(w, _("assembling the PDF"));
        return NULL;
    }
    if (check(w, _("assembling the PDF")) != 0)
        return NULL;
    HPDF_UINT32 size = HPDF_GetStreamSize(w->pdf);
    unsigned char *buf = xmalloc(size ? size : 1);
    HPDF_UINT32 got = size;
    HPDF_STATUS st = HPDF_ReadFromStream(w->pdf, buf, &got);
    /* Reading to the end reports HPDF_STREAM_EOF through the error callback. */
    if (w->err == HPDF_STREAM_EOF) {
        w->err = HPDF_OK;
        HPDF_ResetError(w->pdf);
    }
    int rc = st != HPDF_OK && st != HPDF_STREAM_EOF ? refused(w, _("reading the PDF back"))
                                                    : check(w, _("reading the PDF back"));
    if (rc == 0 && got != size)
        rc = diag_error(w->d, w->out, 0, "cannot write PDF: libharu gave %u of its %u bytes", (unsigned)got,
                        (unsigned)size);
    if (rc != 0) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

/* ---- the whole ------------------------------------------------------- */

static int build(writer *w, const page_list *doc, const font_program *const *shared,
                 const pdf_info *info, file_set *set)
{
    if (collect_cps(w, doc) != 0)
        return -1;
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    if (check(w, _("setting up libharu")) != 0)
        return -1;
    if (make_fonts(w, shared) != 0)
        return -1;
    w->form = info && info->fillable ? pdfform_new(w->pdf, w->out, w->d) : NULL;
    int drawn = draw_pages(w, doc);
    if (w->form && pdfform_finish(w->form) != 0)
        drawn = -1;
    w->form = NULL;
    if (drawn != 0 || set_info(w, info) != 0 || attach_all(w, info) != 0 || make_archival(w, info) != 0)
        return -1;
    size_t len = 0;
    unsigned char *data = render(w, &len);
    if (!data)
        return -1;
    if (pdfa_fill_id(data, len) != 0) {
        free(data);
        return diag_error(w->d, w->out, 0, "cannot write PDF: libharu did not write the reserved /ID");
    }
    file_set_put(set, w->out, data, len, N_("PDF"));
    return 0;
}

int pdf_write(const page_list *doc, const fontset *fs, const font_program *const *shared,
              const pdf_info *info, const char *out_path, diag_list *d)
{
    file_set set = {0};
    int rc = pdf_stage(doc, fs, shared, info, out_path, &set, d);
    if (rc == 0)
        rc = file_set_commit(&set, d);
    file_set_free(&set);
    return rc;
}

int pdf_stage(const page_list *doc, const fontset *fs, const font_program *const *shared,
              const pdf_info *info, const char *out_path, file_set *set, diag_list *d)
{
    writer w = {0};
    w.fs = fs;
    w.d = d;
    w.out = out_path;
    w.nfaces = fontset_face_count(fs);
    w.cps = xcalloc(w.nfaces, sizeof *w.cps);
    w.ncps = xcalloc(w.nfaces, sizeof *w.ncps);
    w.fonts = xcalloc(w.nfaces, sizeof *w.fonts);
    int rc;
    if (doc->len == 0) {
        rc = diag_error(d, out_path, 0, "cannot write PDF: the document has no pages");
    } else {
        w.pdf = HPDF_New(on_error, &w);
        rc = w.pdf ? build(&w, doc, shared, info, set)
                   : diag_error(d, out_path, 0, "cannot write PDF: libharu cannot start");
    }
    if (w.pdf)
        HPDF_Free(w.pdf);
    for (size_t f = 0; f < w.nfaces; f++)
        free(w.cps[f]);
    free(w.cps);
    free(w.ncps);
    free_fonts(&w);
    return rc;
}
