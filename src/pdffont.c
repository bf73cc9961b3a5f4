/* pdffont: libharu's font dictionaries put right (see pdffont.h). */
#include "pdffont.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include "text.h"
#include "tounicode.h"

/* Replaces the content of the font's ToUnicode stream (libharu 2.3.0 puts its
 * CID CMap there, which poppler rejects), and fixes the CIDSystemInfo
 * Ordering libharu writes as "Identity-H". */
static HPDF_STATUS fix_tounicode(HPDF_Doc pdf, HPDF_Font font, const uint32_t *cps, size_t n)
{
    HPDF_Dict dict = (HPDF_Dict)font;
    HPDF_FontAttr attr = (HPDF_FontAttr)dict->attr;
    HPDF_STATUS ret = HPDF_OK;
    HPDF_Dict tu = HPDF_Dict_GetItem(dict, "ToUnicode", HPDF_OCLASS_DICT);
    if (tu) {
        /* Reuse the object libharu made, so no orphan stream is written; the
         * font's BeforeWrite hook still gives it the document's filter. */
        HPDF_MemStream_FreeData(tu->stream);
        static const char *const cid_keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
        for (size_t i = 0; i < sizeof cid_keys / sizeof *cid_keys; i++)
            HPDF_Dict_RemoveElement(tu, cid_keys[i]); /* absent is fine */
    } else {
        /* A libharu that put its CMap under /Encoding instead. */
        tu = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!tu)
            return HPDF_FAILD_TO_ALLOC_MEM;
        tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        ret += HPDF_Dict_Add(dict, "ToUnicode", tu);
    }
    char *cmap = tounicode_cmap(cps, n);
    ret += HPDF_Stream_WriteStr(tu->stream, cmap);
    free(cmap);
    HPDF_Dict csi = attr && attr->descendant_font
                        ? HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT)
                        : NULL;
    if (csi)
        ret += HPDF_Dict_Add(csi, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
    return ret;
}

static int by_value(const void *a, const void *b)
{
    HPDF_INT16 x = *(const HPDF_INT16 *)a, y = *(const HPDF_INT16 *)b;
    return (x > y) - (x < y);
}

static HPDF_INT16 commonest(const HPDF_INT16 *v, size_t n)
{
    HPDF_INT16 *sorted = xmalloc(n * sizeof *sorted);
    memcpy(sorted, v, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, by_value);
    HPDF_INT16 best = sorted[0];
    size_t best_len = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && sorted[j] == sorted[i]; j++)
            ;
        if (j - i > best_len) {
            best_len = j - i;
            best = sorted[i];
        }
    }
    free(sorted);
    return best;
}

/* The commonest width of the codes drawn becomes /DW; the others are listed
 * in runs of consecutive codes.  The widths are libharu's own, so they agree
 * with the advances it uses. */
static HPDF_STATUS compact_widths(HPDF_Doc pdf, HPDF_Font font, const uint32_t *cps, size_t n)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)((HPDF_Dict)font)->attr;
    if (!attr || !attr->descendant_font || n == 0)
        return HPDF_OK;
    HPDF_INT16 *width = xmalloc(n * sizeof *width);
    for (size_t i = 0; i < n; i++)
        width[i] = HPDF_TTFontDef_GetCharWidth(attr->fontdef, (HPDF_UNICODE)cps[i]);
    HPDF_INT16 dw = commonest(width, n);
    HPDF_Array list = HPDF_Array_New(pdf->mmgr), run = NULL;
    HPDF_STATUS ret = list ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    for (size_t i = 0; i < n && ret == HPDF_OK; i++) {
        if (width[i] == dw) {
            run = NULL;
            continue;
        }
        if (!run || cps[i] != cps[i - 1] + 1) {
            run = HPDF_Array_New(pdf->mmgr);
            ret += HPDF_Array_AddNumber(list, (HPDF_INT32)cps[i]);
            ret += HPDF_Array_Add(list, run);
        }
        ret += HPDF_Array_AddNumber(run, width[i]);
    }
    free(width);
    if (ret != HPDF_OK)
        return ret;
    ret += HPDF_Dict_AddNumber(attr->descendant_font, "DW", dw);
    return ret + HPDF_Dict_Add(attr->descendant_font, "W", list);
}

HPDF_STATUS pdffont_fix(HPDF_Doc pdf, HPDF_Font font, const uint32_t *cps, size_t n)
{
    HPDF_STATUS ret = fix_tounicode(pdf, font, cps, n);
    return ret + compact_widths(pdf, font, cps, n);
}
