/* pdffont: a font program as PDF font dictionaries (see pdffont.h). */
#include "pdffont.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "text.h"
#include "tounicode.h"

/* A program's code points in CID order: what /W and ToUnicode list. */
typedef struct glyph {
    uint16_t cid;
    uint32_t cp;
    double width;
} glyph;

static int by_cid(const void *a, const void *b)
{
    const glyph *x = a, *y = b;
    return (x->cid > y->cid) - (x->cid < y->cid);
}

static glyph *glyphs_by_cid(const font_program *fp)
{
    glyph *g = xmalloc((fp->n ? fp->n : 1) * sizeof *g);
    for (size_t i = 0; i < fp->n; i++)
        g[i] = (glyph){fp->gids[i], fp->cps[i], fp->widths[i]};
    qsort(g, fp->n, sizeof *g, by_cid);
    return g;
}

static int by_width(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double commonest_width(const glyph *g, size_t n)
{
    double *w = xmalloc((n ? n : 1) * sizeof *w);
    for (size_t i = 0; i < n; i++)
        w[i] = g[i].width;
    qsort(w, n, sizeof *w, by_width);
    double best = n ? w[0] : 0;
    size_t best_len = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && w[j] == w[i]; j++)
            ;
        if (j - i > best_len) {
            best_len = j - i;
            best = w[i];
        }
    }
    free(w);
    return best;
}

static HPDF_STATUS add_width(HPDF_Array a, double w)
{
    /* Whole units where the font's em makes them so (1000 or 2048 upem and
     * round advances), else the exact fraction: the glyph then ends in the
     * PDF where typesetting put the next one. */
    return w == floor(w) && fabs(w) < 1e9 ? HPDF_Array_AddNumber(a, (HPDF_INT32)w)
                                           : HPDF_Array_AddReal(a, (HPDF_REAL)w);
}

/* /DW the commonest width; /W the others, in runs of consecutive CIDs. */
static HPDF_STATUS add_widths(HPDF_Doc pdf, HPDF_Dict cidfont, const glyph *g, size_t n)
{
    double dw = commonest_width(g, n);
    HPDF_Array list = HPDF_Array_New(pdf->mmgr), run = NULL;
    if (!list)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS ret = HPDF_OK;
    for (size_t i = 0; i < n && ret == HPDF_OK; i++) {
        if (g[i].width == dw) {
            run = NULL;
            continue;
        }
        if (!run || g[i].cid != g[i - 1].cid + 1) {
            run = HPDF_Array_New(pdf->mmgr);
            ret += HPDF_Array_AddNumber(list, g[i].cid);
            ret += HPDF_Array_Add(list, run);
        }
        ret += add_width(run, g[i].width);
    }
    ret += HPDF_Dict_AddReal(cidfont, "DW", (HPDF_REAL)dw);
    return ret + HPDF_Dict_Add(cidfont, "W", list);
}

static HPDF_Dict indirect_dict(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    return d && HPDF_Xref_Add(pdf->xref, d) == HPDF_OK ? d : NULL;
}

static HPDF_Dict flate_stream(HPDF_Doc pdf)
{
    HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (s)
        s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    return s;
}

/* libharu drops /Filter from a stream it does not compress itself; the
 * program is deflated already, so its filter is written here. */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

static HPDF_Dict font_file(HPDF_Doc pdf, const font_program *fp)
{
    HPDF_Dict ff = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!ff)
        return NULL;
    ff->write_fn = write_flate_filter;
    HPDF_STATUS ret = HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)fp->raw_len);
    ret += HPDF_Stream_Write(ff->stream, fp->data, (HPDF_UINT)fp->len);
    return ret == HPDF_OK ? ff : NULL;
}

/* PDF/A: one bit per CID the program holds, the high bit of byte 0 being
 * CID 0 (.notdef).  A subset holds every glyph from 0 to nglyphs - 1. */
static HPDF_Dict cid_set(HPDF_Doc pdf, const font_program *fp)
{
    size_t len = (fp->nglyphs + 7) / 8;
    unsigned char *bits = xmalloc(len);
    memset(bits, 0xFF, len);
    if (fp->nglyphs % 8)
        bits[len - 1] = (unsigned char)(0xFF << (8 - fp->nglyphs % 8));
    HPDF_Dict set = flate_stream(pdf);
    HPDF_STATUS ret = set ? HPDF_Stream_Write(set->stream, bits, (HPDF_UINT)len) : HPDF_FAILD_TO_ALLOC_MEM;
    free(bits);
    return ret == HPDF_OK ? set : NULL;
}

static HPDF_Array number_array(HPDF_Doc pdf, const double *v, size_t n)
{
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);
    HPDF_STATUS ret = a ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    for (size_t i = 0; i < n && ret == HPDF_OK; i++)
        ret += HPDF_Array_AddNumber(a, (HPDF_INT32)lround(v[i]));
    return ret == HPDF_OK ? a : NULL;
}

static HPDF_Dict descriptor(HPDF_Doc pdf, const font_program *fp)
{
    HPDF_Dict desc = indirect_dict(pdf), file = font_file(pdf, fp), set = cid_set(pdf, fp);
    HPDF_Array bbox = number_array(pdf, fp->bbox, 4);
    if (!desc || !file || !set || !bbox)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(desc, "FontName", fp->name);
    ret += HPDF_Dict_AddNumber(desc, "Flags", 4); /* symbolic: glyphs beyond the Latin set */
    ret += HPDF_Dict_Add(desc, "FontBBox", bbox);
    ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
    ret += HPDF_Dict_AddNumber(desc, "Ascent", (HPDF_INT32)lround(fp->ascent));
    ret += HPDF_Dict_AddNumber(desc, "Descent", (HPDF_INT32)lround(fp->descent));
    ret += HPDF_Dict_AddNumber(desc, "CapHeight", (HPDF_INT32)lround(fp->cap_height));
    /* Required, but no font table records it; readers use it only to
     * simulate a missing font, which an embedded one never is. */
    ret += HPDF_Dict_AddNumber(desc, "StemV", 80);
    ret += HPDF_Dict_Add(desc, "FontFile2", file);
    ret += HPDF_Dict_Add(desc, "CIDSet", set);
    return ret == HPDF_OK ? desc : NULL;
}

static HPDF_Dict cid_font(HPDF_Doc pdf, const font_program *fp, const glyph *g)
{
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_Dict font = indirect_dict(pdf), info = HPDF_Dict_New(mm), desc = descriptor(pdf, fp);
    if (!font || !info || !desc)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
    ret += HPDF_Dict_AddName(font, "Type", "Font");
    ret += HPDF_Dict_AddName(font, "Subtype", "CIDFontType2");
    ret += HPDF_Dict_AddName(font, "BaseFont", fp->name);
    ret += HPDF_Dict_Add(font, "CIDSystemInfo", info);
    ret += HPDF_Dict_Add(font, "FontDescriptor", desc);
    ret += HPDF_Dict_AddName(font, "CIDToGIDMap", "Identity");
    ret += add_widths(pdf, font, g, fp->n);
    return ret == HPDF_OK ? font : NULL;
}

static HPDF_Dict to_unicode(HPDF_Doc pdf, const glyph *g, size_t n)
{
    uint16_t *cids = xmalloc((n ? n : 1) * sizeof *cids);
    uint32_t *cps = xmalloc((n ? n : 1) * sizeof *cps);
    for (size_t i = 0; i < n; i++)
        cids[i] = g[i].cid, cps[i] = g[i].cp;
    char *cmap = tounicode_cmap(cids, cps, n);
    free(cids);
    free(cps);
    HPDF_Dict tu = flate_stream(pdf);
    HPDF_STATUS ret = tu ? HPDF_Stream_WriteStr(tu->stream, cmap) : HPDF_FAILD_TO_ALLOC_MEM;
    free(cmap);
    return ret == HPDF_OK ? tu : NULL;
}

HPDF_Dict pdffont_embed(HPDF_Doc pdf, const font_program *fp)
{
    glyph *g = glyphs_by_cid(fp);
    HPDF_Dict font = indirect_dict(pdf), cid = cid_font(pdf, fp, g), tu = to_unicode(pdf, g, fp->n);
    HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
    free(g);
    if (!font || !cid || !tu || !descendants)
        return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(font, "Type", "Font");
    ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(font, "BaseFont", fp->name);
    ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    ret += HPDF_Array_Add(descendants, cid);
    ret += HPDF_Dict_Add(font, "DescendantFonts", descendants);
    ret += HPDF_Dict_Add(font, "ToUnicode", tu);
    return ret == HPDF_OK ? font : NULL;
}
