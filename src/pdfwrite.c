/* pdfwrite: pages to PDF through libharu 2.3.0.
 *
 * libharu reports errors through a callback; ours records the first error in
 * the writer and lets libharu carry on returning error codes, and each step
 * checks the record (no longjmp).  Where libharu 2.3.0 writes something wrong
 * or missing, the fix goes through its installed object API (hpdf_objects.h,
 * hpdf_font.h): font dictionaries (pdffont.h), PDF/A parts (pdfa.h), UTF-16
 * info strings, and file specifications of attachments.
 *
 * Determinism: the /ID is a hash of the file (pdfa.h); libharu writes no
 * dates of its own; font subset tags (HPDFAA+, HPDFAB+ …) follow load order,
 * which follows face ids; HarfBuzz subsetting is deterministic; temporary file
 * names never reach the output.  So the same pages and info give the same
 * bytes, and dates appear only when info->epoch is given.
 */
#include "pdfwrite.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_namedict.h>

#include "fileio.h"
#include "pdfa.h"
#include "pdffont.h"
#include "subset.h"
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
    HPDF_Font *fonts;         /* per face: NULL when unused */
    HPDF_Array af;            /* file specifications of the attachments (PDF/A-3 /AF) */
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
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_OPEN_ERROR: return "cannot open a file";
    case HPDF_FILE_IO_ERROR: return "file I/O error";
    case HPDF_TTF_MISSING_TABLE: return "the font lacks a required TrueType table";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence forbids embedding";
    case HPDF_TTF_INVALID_CMAP: return "the font has no usable Unicode cmap";
    case HPDF_INVALID_FONTDEF_DATA: return "invalid font data";
    default: return "libharu error";
    }
}

/* Turns a recorded libharu error into a diagnostic; -1 if there was one. */
static int check(writer *w, const char *doing)
{
    if (w->err == HPDF_OK)
        return 0;
    return diag_error(w->d, w->out, 0, "cannot write PDF: %s (libharu 0x%04X, detail %u) while %s",
                      hpdf_error_text(w->err), (unsigned)w->err, (unsigned)w->detail, doing);
}

/* ---- code points per face --------------------------------------------- */

#define BMP_WORDS (0x10000 / 64)

/* The code points set in a BMP bitmap, ascending. */
static uint32_t *bits_to_cps(const uint64_t *bits, size_t *n)
{
    size_t count = 0;
    for (size_t i = 0; i < BMP_WORDS; i++)
        for (uint64_t v = bits[i]; v; v &= v - 1)
            count++;
    uint32_t *cps = xmalloc((count ? count : 1) * sizeof *cps);
    size_t k = 0;
    for (uint32_t cp = 0; cp <= 0xFFFF; cp++)
        if (bits[cp / 64] >> (cp % 64) & 1)
            cps[k++] = cp;
    *n = count;
    return cps;
}

/* Which code points each face draws: exactly what its subset must keep. */
static int collect_cps(writer *w, const layout_doc *doc)
{
    uint64_t **bits = xcalloc(w->nfaces, sizeof *bits);
    int rc = 0;
    for (size_t p = 0; p < doc->len && rc == 0; p++) {
        const page *pg = &doc->pages[p];
        for (size_t i = 0; i < pg->len && rc == 0; i++) {
            const op *o = &pg->ops[i];
            if (o->kind != OP_TEXT || o->ncps == 0)
                continue;
            if (o->face < 0 || (size_t)o->face >= w->nfaces) {
                rc = diag_error(w->d, w->out, 0, "internal: text on page %zu uses face %d of %zu",
                                p + 1, o->face, w->nfaces);
                break;
            }
            if (!bits[o->face])
                bits[o->face] = xcalloc(BMP_WORDS, sizeof **bits);
            for (size_t k = 0; k < o->ncps; k++) {
                uint32_t cp = o->cps[k];
                if (cp > 0xFFFF) {
                    rc = diag_error(w->d, w->out, 0,
                                    "internal: U+%04X beyond the BMP reached the PDF writer",
                                    (unsigned)cp);
                    break;
                }
                bits[o->face][cp / 64] |= (uint64_t)1 << (cp % 64);
            }
        }
    }
    for (size_t f = 0; f < w->nfaces; f++) {
        if (bits[f])
            w->cps[f] = bits_to_cps(bits[f], &w->ncps[f]);
        free(bits[f]);
    }
    free(bits);
    return rc;
}

/* ---- fonts ------------------------------------------------------------ */

/* libharu's HPDF_GetFont looks up all 65,536 BMP code points in the font's
 * cmap, each by a linear search through its format-4 segments: hundreds in a
 * CJK subset, a third of the time of a document.  The subset maps exactly
 * cps, so its parsed cmap is replaced, in memory only, by one segment from
 * the first to the last of them through a glyph array (0 for the code points
 * between) and the sentinel: the same glyph for every code point, found at
 * once.  The embedded font file keeps its own cmap; the PDF is unchanged. */
static void flatten_cmap(HPDF_Doc pdf, const char *name, const uint32_t *cps, size_t n)
{
    HPDF_FontDef def = HPDF_Doc_FindFontDef(pdf, name);
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || n == 0 || cps[n - 1] >= 0xFFFF)
        return;
    HPDF_TTF_CmapRange *c = &((HPDF_TTFontDefAttr)def->attr)->cmap;
    if (c->format != 4)
        return;
    uint32_t first = cps[0], count = cps[n - 1] - first + 1;
    HPDF_UINT16 *gids = HPDF_GetMem(def->mmgr, count * sizeof *gids);
    HPDF_UINT16 *end = HPDF_GetMem(def->mmgr, 2 * sizeof *end);
    HPDF_UINT16 *start = HPDF_GetMem(def->mmgr, 2 * sizeof *start);
    HPDF_INT16 *delta = HPDF_GetMem(def->mmgr, 2 * sizeof *delta);
    HPDF_UINT16 *range = HPDF_GetMem(def->mmgr, 2 * sizeof *range);
    if (!gids || !end || !start || !delta || !range)
        return; /* the cmap stays as parsed; libharu has recorded the error */
    memset(gids, 0, count * sizeof *gids);
    for (size_t i = 0; i < n; i++)
        gids[cps[i] - first] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cps[i]);
    end[0] = (HPDF_UINT16)cps[n - 1], end[1] = 0xFFFF;
    start[0] = (HPDF_UINT16)first, start[1] = 0xFFFF;
    delta[0] = 0, delta[1] = 1;
    /* libharu reads glyph_id_array[range/2 + (code - start) - (segments - segment)]. */
    range[0] = 4, range[1] = 0;
    HPDF_FreeMem(def->mmgr, c->end_count);
    HPDF_FreeMem(def->mmgr, c->start_count);
    HPDF_FreeMem(def->mmgr, c->id_delta);
    HPDF_FreeMem(def->mmgr, c->id_range_offset);
    if (c->glyph_id_array)
        HPDF_FreeMem(def->mmgr, c->glyph_id_array);
    c->end_count = end, c->start_count = start, c->id_delta = delta, c->id_range_offset = range;
    c->glyph_id_array = gids;
    c->glyph_id_array_count = count;
    c->seg_count_x2 = 4;
}

static int load_face(writer *w, int face, char ***names)
{
    const char *path = fontset_face_path(w->fs, face);
    char *tmp;
    size_t size;
    if (subset_to_tempfile(path, fontset_face_index(w->fs, face), w->cps[face], w->ncps[face],
                           &tmp, &size, w->d) != 0)
        return -1;
    const char *name = HPDF_LoadTTFontFromFile(w->pdf, tmp, HPDF_TRUE);
    /* libharu keeps the file open (its FileReader) and reads the outlines at
     * save time, so the name can go now: nothing is left behind on a crash. */
    unlink(tmp);
    free(tmp);
    if (check(w, "loading a font") != 0 || !name)
        return diag_error(w->d, path, 0, "libharu cannot load this font (face %d)",
                          fontset_face_index(w->fs, face));
    /* libharu silently reuses an earlier font of the same PostScript name. */
    for (size_t f = 0; f < w->nfaces; f++)
        if ((*names)[f] && strcmp((*names)[f], name) == 0)
            return diag_error(w->d, path, 0,
                              "has the same PostScript name (%s) as %s; libharu can embed only "
                              "one of them: remove one from the font folder",
                              name, fontset_face_path(w->fs, (int)f));
    (*names)[face] = xstrdup(name);
    flatten_cmap(w->pdf, name, w->cps[face], w->ncps[face]);
    w->fonts[face] = HPDF_GetFont(w->pdf, name, "UTF-8");
    if (check(w, "creating a UTF-8 font") != 0)
        return -1;
    if (pdffont_fix(w->pdf, w->fonts[face], w->cps[face], w->ncps[face]) != HPDF_OK)
        return check(w, "completing a font") != 0
                   ? -1
                   : diag_error(w->d, w->out, 0, "cannot write PDF: libharu refused the "
                                "ToUnicode CMap or widths of %s", path);
    return check(w, "completing a font");
}

static int load_fonts(writer *w)
{
    char **names = xcalloc(w->nfaces, sizeof *names);
    int rc = 0;
    for (size_t f = 0; f < w->nfaces && rc == 0; f++)
        if (w->ncps[f] > 0)
            rc = load_face(w, (int)f, &names);
    for (size_t f = 0; f < w->nfaces; f++)
        free(names[f]);
    free(names);
    return rc;
}

/* ---- pages ------------------------------------------------------------ */

/* Text state persists across BT/ET within a page's content stream. */
typedef struct pen {
    double char_spacing;
    bool bold;
} pen;

static void draw_text(writer *w, HPDF_Page pg, pen *pn, const op *o)
{
    if (o->ncps == 0)
        return;
    strbuf s = {0};
    for (size_t i = 0; i < o->ncps; i++)
        utf8_encode(&s, o->cps[i]);
    HPDF_Page_BeginText(pg);
    HPDF_Page_SetFontAndSize(pg, w->fonts[o->face], (HPDF_REAL)o->size);
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
    HPDF_Page_TextOut(pg, (HPDF_REAL)o->x, (HPDF_REAL)o->y, s.data);
    HPDF_Page_EndText(pg);
    sb_free(&s);
}

static void draw_line(HPDF_Page pg, const op *o)
{
    HPDF_Page_SetLineWidth(pg, (HPDF_REAL)o->width);
    HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)o->color.r, (HPDF_REAL)o->color.g, (HPDF_REAL)o->color.b);
    HPDF_Page_MoveTo(pg, (HPDF_REAL)o->x1, (HPDF_REAL)o->y1);
    HPDF_Page_LineTo(pg, (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
    HPDF_Page_Stroke(pg);
}

static int draw_pages(writer *w, const layout_doc *doc)
{
    for (size_t p = 0; p < doc->len; p++) {
        HPDF_Page pg = HPDF_AddPage(w->pdf);
        if (check(w, "adding a page") != 0)
            return -1;
        HPDF_Page_SetWidth(pg, (HPDF_REAL)A4_WIDTH_PT);
        HPDF_Page_SetHeight(pg, (HPDF_REAL)A4_HEIGHT_PT);
        pen pn = {0.0, false};
        for (size_t i = 0; i < doc->pages[p].len; i++) {
            const op *o = &doc->pages[p].ops[i];
            if (o->kind == OP_TEXT)
                draw_text(w, pg, &pn, o);
            else
                draw_line(pg, o);
        }
        char doing[48];
        snprintf(doing, sizeof doing, "drawing page %zu", p + 1);
        if (check(w, doing) != 0)
            return -1;
    }
    return 0;
}

/* ---- document info and attachments ------------------------------------ */

/* A PDF text string: UTF-16BE with a byte-order mark, as a hex string.
 * libharu 2.3.0 would write UTF-8 bytes, which readers take as PDFDocEncoding
 * (mojibake), and its own UTF-16 path stops at the first NUL byte. */
static HPDF_Binary utf16_string(writer *w, const char *utf8)
{
    strbuf b = {0};
    sb_put(&b, "\xFE\xFF", 2);
    size_t len = strlen(utf8);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(utf8 + i, len - i, &cp);
        if (k == 0) {
            cp = 0xFFFD;
            k = 1;
        }
        i += k;
        uint16_t units[2] = {(uint16_t)cp, 0};
        size_t nu = 1;
        if (cp > 0xFFFF) {
            units[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
            units[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            nu = 2;
        }
        for (size_t u = 0; u < nu; u++) {
            char be[2] = {(char)(units[u] >> 8), (char)(units[u] & 0xFF)};
            sb_put(&b, be, 2);
        }
    }
    HPDF_Binary bin = HPDF_Binary_New(w->pdf->mmgr, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    sb_free(&b);
    return bin;
}

static HPDF_STATUS set_text_info(writer *w, const char *key, const char *value)
{
    return value && *value ? HPDF_Dict_Add(w->pdf->info, key, utf16_string(w, value)) : HPDF_OK;
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
    if (check(w, "writing document info") != 0 || !w->pdf->info)
        return -1;
    HPDF_STATUS ret = HPDF_OK;
    if (info) {
        ret += set_text_info(w, "Title", info->title);
        ret += set_text_info(w, "Author", info->author);
        ret += set_text_info(w, "Subject", info->subject);
        ret += set_text_info(w, "Keywords", info->keywords);
        ret += set_dates(w, info->epoch);
    }
    if (check(w, "writing document info") != 0)
        return -1;
    return ret == HPDF_OK ? 0 : diag_error(w->d, w->out, 0, "cannot write PDF: libharu refused "
                                           "the document info");
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int by_base_name(const void *a, const void *b)
{
    const pdf_attachment *x = a, *y = b;
    return strcmp(base_name(x->path), base_name(y->path));
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

/* HPDF_AttachFile stores the path as given and writes /Type /F; chdir is no
 * option in a library, so the file specification is built here with the
 * file's bare name, /UF in UTF-16 and /Type /Filespec. */
static int attach(writer *w, HPDF_NameTree tree, const pdf_attachment *a, long long epoch)
{
    const char *path = a->path, *name = base_name(path);
    if (!*name || access(path, R_OK) != 0)
        return diag_error(w->d, path, 0, "cannot attach: %s",
                          *name ? strerror(errno) : "not a file name");
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_EmbeddedFile ef = HPDF_EmbeddedFile_New(mm, w->pdf->xref, path);
    if (!ef)
        return check(w, "attaching a file") != 0 ? -1 : diag_error(w->d, path, 0, "cannot attach");
    HPDF_STATUS ret = HPDF_Dict_AddName(ef, "Type", "Filespec");
    ret += HPDF_Dict_Add(ef, "F", HPDF_String_New(mm, name, NULL));
    ret += HPDF_Dict_Add(ef, "UF", utf16_string(w, name));
    HPDF_Dict efd = HPDF_Dict_GetItem(ef, "EF", HPDF_OCLASS_DICT);
    HPDF_Dict stream = efd ? HPDF_Dict_GetItem(efd, "F", HPDF_OCLASS_DICT) : NULL;
    ret += stream ? describe_embedded(w, ef, stream, a, epoch) : HPDF_INVALID_OBJECT;
    ret += HPDF_NameTree_Add(tree, HPDF_String_New(mm, name, NULL), ef);
    if (check(w, "attaching a file") != 0)
        return -1;
    return ret == HPDF_OK ? 0 : diag_error(w->d, path, 0, "cannot attach: libharu refused it");
}

static int attach_all(writer *w, const pdf_info *info)
{
    if (!info || info->nattachments == 0)
        return 0;
    /* Name-tree keys must be sorted; equal bare names would collide. */
    size_t n = info->nattachments;
    pdf_attachment *sorted = xmalloc(n * sizeof *sorted);
    memcpy(sorted, info->attachments, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, by_base_name);
    int rc = 0;
    HPDF_NameTree tree = embedded_files(w);
    if (!tree)
        rc = check(w, "creating the attachment list") != 0 ? -1
             : diag_error(w->d, w->out, 0, "cannot write PDF: no attachment list");
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (i > 0 && by_base_name(&sorted[i - 1], &sorted[i]) == 0)
            rc = diag_error(w->d, sorted[i].path, 0, "cannot attach: %s is attached twice",
                            base_name(sorted[i].path));
        else
            rc = attach(w, tree, &sorted[i], info->epoch);
    }
    free(sorted);
    return rc;
}

/* ---- archive ------------------------------------------------------------ */

/* Given a colour profile, the file becomes PDF/A (pdfa.h); the /ID and
 * CIDSets are always written.  Runs after the pages are drawn: the fonts'
 * glyph sets are complete only then. */
static int make_archival(writer *w, const pdf_info *info)
{
    HPDF_STATUS ret = pdfa_reserve_id(w->pdf);
    for (size_t f = 0; f < w->nfaces; f++)
        if (w->fonts[f])
            ret += pdfa_add_cidset(w->fonts[f], w->cps[f], w->ncps[f]);
    if (info && info->icc) {
        char *xmp = pdfa_xmp(info, CREATOR, PRODUCER, info->nattachments > 0 ? 3 : 1);
        ret += pdfa_add_metadata(w->pdf, xmp);
        free(xmp);
        ret += pdfa_add_output_intent(w->pdf, info->icc, info->icc_len);
    }
    if (check(w, "writing PDF/A metadata") != 0)
        return -1;
    return ret == HPDF_OK ? 0 : diag_error(w->d, w->out, 0, "cannot write PDF: libharu refused the "
                                           "PDF/A metadata");
}

/* ---- saving ----------------------------------------------------------- */

/* The whole PDF, rendered by libharu into memory. */
static unsigned char *render(writer *w, size_t *len)
{
    if (HPDF_SaveToStream(w->pdf) != HPDF_OK || check(w, "assembling the PDF") != 0)
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
    if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size || check(w, "reading the PDF") != 0) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

/* ---- the whole ------------------------------------------------------- */

static int build(writer *w, const layout_doc *doc, const pdf_info *info)
{
    if (collect_cps(w, doc) != 0)
        return -1;
    HPDF_UseUTFEncodings(w->pdf);
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    if (check(w, "setting up libharu") != 0)
        return -1;
    if (load_fonts(w) != 0 || draw_pages(w, doc) != 0 || set_info(w, info) != 0 ||
        attach_all(w, info) != 0 || make_archival(w, info) != 0)
        return -1;
    size_t len = 0;
    unsigned char *data = render(w, &len);
    if (!data)
        return -1;
    if (pdfa_fill_id(data, len) != 0) {
        free(data);
        return diag_error(w->d, w->out, 0, "cannot write PDF: libharu did not write the reserved /ID");
    }
    int rc = file_replace(w->out, data, len, "PDF", w->d);
    free(data);
    return rc;
}

int pdf_write(const layout_doc *doc, const fontset *fs, const pdf_info *info,
              const char *out_path, diag_list *d)
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
        rc = w.pdf ? build(&w, doc, info)
                   : diag_error(d, out_path, 0, "cannot write PDF: libharu cannot start");
    }
    if (w.pdf)
        HPDF_Free(w.pdf);
    for (size_t f = 0; f < w.nfaces; f++)
        free(w.cps[f]);
    free(w.cps);
    free(w.ncps);
    free(w.fonts);
    return rc;
}
