/* SPDX-License-Identifier: MIT */
/* pdffont: a font program as PDF font dictionaries (see pdffont.h).
 *
 * Each object is attached to its parent as soon as it is made, so that when
 * libharu refuses something, everything made so far is owned by the
 * document (and freed with it); libharu frees an object it could not attach.
 */
#include "pdffont.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "text.h"
#include "pdftounicode.h"

static int by_width(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double commonest_width(const font_program *fp)
{
    double *w = xmalloc((fp->n ? fp->n : 1) * sizeof *w);
    memcpy(w, fp->widths, fp->n * sizeof *w);
    qsort(w, fp->n, sizeof *w, by_width);
    double best = fp->n ? w[0] : 0;
    size_t best_len = 0;
    for (size_t i = 0, j; i < fp->n; i = j) {
        for (j = i; j < fp->n && w[j] == w[i]; j++)
            ;
        if (j - i > best_len) {
            best_len = j - i;
            best = w[i];
        }
    }
    free(w);
    return best;
}

/* Whole units where the font's em makes them so, else the exact fraction:
 * each glyph then ends in the PDF where typesetting put the next one. */
static HPDF_STATUS add_width(HPDF_Array a, double w)
{
    return w == floor(w) && fabs(w) < 1e9 ? HPDF_Array_AddNumber(a, (HPDF_INT32)w)
                                           : HPDF_Array_AddReal(a, (HPDF_REAL)w);
}

/* /DW the commonest width; /W the others, in runs of consecutive CIDs. */
static HPDF_STATUS add_widths(HPDF_Doc pdf, HPDF_Dict cidfont, const font_program *fp)
{
    double dw = commonest_width(fp);
    HPDF_STATUS ret = HPDF_Dict_AddReal(cidfont, "DW", (HPDF_REAL)dw);
    HPDF_Array list = NULL, run = NULL;
    for (size_t i = 0; i < fp->n && ret == HPDF_OK; i++) {
        if (fp->widths[i] == dw) {
            run = NULL;
            continue;
        }
        if (!list) {
            list = HPDF_Array_New(pdf->mmgr);
            if ((ret = HPDF_Dict_Add(cidfont, "W", list)) != HPDF_OK)
                break;
        }
        if (!run) {
            ret = HPDF_Array_AddNumber(list, (HPDF_INT32)PDFFONT_CODE(i));
            if (ret == HPDF_OK)
                ret = HPDF_Array_Add(list, run = HPDF_Array_New(pdf->mmgr));
            if (ret != HPDF_OK)
                break;
        }
        ret += add_width(run, fp->widths[i]);
    }
    return ret;
}

static HPDF_Dict indirect_dict(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    return d && HPDF_Xref_Add(pdf->xref, d) == HPDF_OK ? d : NULL;
}

/* data as parent's stream entry key, which libharu compresses when it
 * writes the file. */
static HPDF_STATUS add_flate_stream(HPDF_Doc pdf, HPDF_Dict parent, const char *key, const void *data,
                                    size_t len)
{
    HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_STATUS ret = HPDF_Dict_Add(parent, key, s);
    if (ret != HPDF_OK)
        return ret;
    s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    return HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len);
}

/* libharu drops /Filter from a stream it does not compress itself; the
 * program is deflated already, so its filter is written here. */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

static bool is_cff(const font_program *fp)
{
    return fp->outlines == FONT_OUTLINES_CFF;
}

static HPDF_STATUS add_font_file(HPDF_Doc pdf, HPDF_Dict desc, const font_program *fp)
{
    HPDF_Dict ff = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_STATUS ret = HPDF_Dict_Add(desc, is_cff(fp) ? "FontFile3" : "FontFile2", ff);
    if (ret != HPDF_OK)
        return ret;
    ff->write_fn = write_flate_filter;
    if (is_cff(fp))
        ret += HPDF_Dict_AddName(ff, "Subtype", "CIDFontType0C");
    else
        ret += HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)fp->raw_len);
    return ret + HPDF_Stream_Write(ff->stream, fp->data, (HPDF_UINT)fp->len);
}

/* PDF/A: one bit per CID present, the high bit of byte 0 being CID 0
 * (.notdef): here every CID from 0 to n. */
static HPDF_STATUS add_cid_set(HPDF_Doc pdf, HPDF_Dict desc, const font_program *fp)
{
    size_t cids = fp->n + 1, len = (cids + 7) / 8;
    unsigned char *bits = xmalloc(len);
    memset(bits, 0xFF, len);
    if (cids % 8)
        bits[len - 1] = (unsigned char)(0xFF << (8 - cids % 8));
    HPDF_STATUS ret = add_flate_stream(pdf, desc, "CIDSet", bits, len);
    free(bits);
    return ret;
}

/* CID i + 1 draws glyph gids[i], big-endian, two bytes per CID from 0. */
static HPDF_STATUS add_cid_to_gid_map(HPDF_Doc pdf, HPDF_Dict cidfont, const font_program *fp)
{
    size_t len = 2 * (fp->n + 1);
    unsigned char *bytes = xcalloc(len, 1);
    for (size_t i = 0; i < fp->n; i++) {
        bytes[2 * PDFFONT_CODE(i)] = (unsigned char)(fp->gids[i] >> 8);
        bytes[2 * PDFFONT_CODE(i) + 1] = (unsigned char)(fp->gids[i] & 0xFF);
    }
    HPDF_STATUS ret = add_flate_stream(pdf, cidfont, "CIDToGIDMap", bytes, len);
    free(bytes);
    return ret;
}

static HPDF_STATUS add_bbox(HPDF_Doc pdf, HPDF_Dict desc, const font_program *fp)
{
    HPDF_Array bbox = HPDF_Array_New(pdf->mmgr);
    HPDF_STATUS ret = HPDF_Dict_Add(desc, "FontBBox", bbox);
    for (int i = 0; i < 4 && ret == HPDF_OK; i++)
        ret = HPDF_Array_AddNumber(bbox, (HPDF_INT32)lround(fp->bbox[i]));
    return ret;
}

static HPDF_STATUS add_descriptor(HPDF_Doc pdf, HPDF_Dict cidfont, const font_program *fp)
{
    HPDF_Dict desc = indirect_dict(pdf);
    HPDF_STATUS ret = HPDF_Dict_Add(cidfont, "FontDescriptor", desc);
    if (ret != HPDF_OK)
        return ret;
    ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(desc, "FontName", fp->name);
    ret += HPDF_Dict_AddNumber(desc, "Flags", 4); /* symbolic: glyphs beyond the Latin set */
    ret += add_bbox(pdf, desc, fp);
    ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
    ret += HPDF_Dict_AddNumber(desc, "Ascent", (HPDF_INT32)lround(fp->ascent));
    ret += HPDF_Dict_AddNumber(desc, "Descent", (HPDF_INT32)lround(fp->descent));
    ret += HPDF_Dict_AddNumber(desc, "CapHeight", (HPDF_INT32)lround(fp->cap_height));
    /* Required, but no font table records it; readers use it only to
     * simulate a missing font, which an embedded one never is. */
    ret += HPDF_Dict_AddNumber(desc, "StemV", 80);
    if (ret == HPDF_OK)
        ret = add_font_file(pdf, desc, fp);
    return ret == HPDF_OK ? add_cid_set(pdf, desc, fp) : ret;
}

static HPDF_STATUS add_system_info(HPDF_Doc pdf, HPDF_Dict cidfont)
{
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_Dict info = HPDF_Dict_New(mm);
    HPDF_STATUS ret = HPDF_Dict_Add(cidfont, "CIDSystemInfo", info);
    if (ret != HPDF_OK)
        return ret;
    ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    return ret + HPDF_Dict_AddNumber(info, "Supplement", 0);
}

static HPDF_STATUS add_cid_font(HPDF_Doc pdf, HPDF_Dict font, const font_program *fp)
{
    HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
    HPDF_STATUS ret = HPDF_Dict_Add(font, "DescendantFonts", descendants);
    HPDF_Dict cid = ret == HPDF_OK ? indirect_dict(pdf) : NULL;
    if (ret != HPDF_OK || (ret = HPDF_Array_Add(descendants, cid)) != HPDF_OK)
        return ret;
    ret += HPDF_Dict_AddName(cid, "Type", "Font");
    ret += HPDF_Dict_AddName(cid, "Subtype", is_cff(fp) ? "CIDFontType0" : "CIDFontType2");
    ret += HPDF_Dict_AddName(cid, "BaseFont", fp->name);
    if (ret == HPDF_OK)
        ret = add_system_info(pdf, cid);
    if (ret == HPDF_OK)
        ret = add_descriptor(pdf, cid, fp);
    /* A CFF program maps CIDs to glyphs itself, through its charset. */
    if (ret == HPDF_OK && !is_cff(fp))
        ret = add_cid_to_gid_map(pdf, cid, fp);
    return ret == HPDF_OK ? add_widths(pdf, cid, fp) : ret;
}

static HPDF_STATUS add_to_unicode(HPDF_Doc pdf, HPDF_Dict font, const font_program *fp)
{
    uint16_t *codes = xmalloc((fp->n ? fp->n : 1) * sizeof *codes);
    for (size_t i = 0; i < fp->n; i++)
        codes[i] = (uint16_t)PDFFONT_CODE(i);
    char *cmap = pdftounicode_cmap(codes, fp->cps, fp->n);
    free(codes);
    HPDF_STATUS ret = add_flate_stream(pdf, font, "ToUnicode", cmap, strlen(cmap));
    free(cmap);
    return ret;
}

HPDF_Dict pdffont_embed(HPDF_Doc pdf, const font_program *fp)
{
    HPDF_Dict font = indirect_dict(pdf);
    if (!font)
        return NULL;
    /* Over a CIDFontType0 font the name is the CIDFont's and the CMap's. */
    char name[sizeof fp->name + 16];
    snprintf(name, sizeof name, "%s%s", fp->name, is_cff(fp) ? "-Identity-H" : "");
    HPDF_STATUS ret = HPDF_Dict_AddName(font, "Type", "Font");
    ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(font, "BaseFont", name);
    ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    if (ret == HPDF_OK)
        ret = add_cid_font(pdf, font, fp);
    if (ret == HPDF_OK)
        ret = add_to_unicode(pdf, font, fp);
    return ret == HPDF_OK ? font : NULL;
}
