/* SPDX-License-Identifier: MIT */
#include "pdffontprog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <zlib.h>

#include "fileio.h"
#include "text.h"

/* Tables a PDF reader does not consult for a CID-keyed TrueType font (it
 * maps codes through CIDToGIDMap and text through ToUnicode).  Dropping the
 * layout ones also spares HarfBuzz their closure: vertical forms and variants
 * nobody draws. */
static const hb_tag_t DROPPED[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'),
    HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('k', 'e', 'r', 'n'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('c', 'm', 'a', 'p'),
    HB_TAG('n', 'a', 'm', 'e'),
};

#define OUT_OF_MEMORY "out of memory"

/* Whether n more bytes could not be had: HarfBuzz's execution of a plan
 * fails for want of memory or on a font it cannot read, and says neither;
 * a subset takes about as much memory as its whole font.  (Untouched, a
 * large block costs only address space.) */
static bool memory_runs_short(size_t n)
{
    void *p = malloc(n ? n : 1);
    free(p);
    return p == NULL;
}

/* The size of face's font file. */
static size_t face_bytes(hb_face_t *face)
{
    hb_blob_t *blob = hb_face_reference_blob(face);
    size_t n = hb_blob_get_length(blob);
    hb_blob_destroy(blob);
    return n;
}

static hb_subset_input_t *subset_input(const font_program *fp)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < fp->n; i++)
        hb_set_add(unicodes, fp->cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof DROPPED / sizeof *DROPPED; i++)
        hb_set_add(drop, DROPPED[i]);
    /* Hinting (fpgm, prep, cvt, glyph instructions) is for screens at small
     * pixel sizes; PDF viewers do not need it. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    return in;
}

/* The subset face, with fp->gids filled from the plan's glyph mappings (the
 * subset has no cmap to ask afterwards); NULL with the reason in *why.
 * HarfBuzz fails to make an input or a plan only for want of memory. */
static hb_face_t *subset(font_program *fp, hb_face_t *face, const char **why)
{
    hb_subset_input_t *in = subset_input(fp);
    hb_subset_plan_t *plan = in ? hb_subset_plan_create_or_fail(face, in) : NULL;
    hb_subset_input_destroy(in);
    *why = OUT_OF_MEMORY;
    if (!plan)
        return NULL;
    const hb_map_t *to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
    const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    bool ok = true;
    for (size_t i = 0; i < fp->n && ok; i++) {
        hb_codepoint_t old = hb_map_get(to_old, fp->cps[i]);
        hb_codepoint_t g = old == HB_MAP_VALUE_INVALID ? HB_MAP_VALUE_INVALID : hb_map_get(to_new, old);
        ok = g != HB_MAP_VALUE_INVALID && g > 0 && g <= 0xFFFF;
        fp->gids[i] = (uint16_t)g;
    }
    hb_face_t *sub = ok ? hb_subset_plan_execute_or_fail(plan) : NULL;
    /* A plan short of memory may also lose glyphs from its mappings. */
    if (!sub)
        *why = memory_runs_short(face_bytes(face)) ? OUT_OF_MEMORY
               : !ok ? "a character has no glyph" : "HarfBuzz cannot subset it (is the font damaged?)";
    hb_subset_plan_destroy(plan);
    return sub;
}

static int16_t be16(const char *p) { return (int16_t)((uint8_t)p[0] << 8 | (uint8_t)p[1]); }

/* Widths and descriptor metrics, in 1/1000 em. */
static bool read_metrics(font_program *fp, hb_face_t *sub)
{
    unsigned upem = hb_face_get_upem(sub);
    hb_font_t *font = hb_font_create(sub); /* scale = upem: values in font units */
    double k = 1000.0 / upem;
    for (size_t i = 0; i < fp->n; i++)
        fp->widths[i] = hb_font_get_glyph_h_advance(font, fp->gids[i]) * k;
    hb_position_t v = 0;
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v);
    fp->ascent = v * k;
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v);
    fp->descent = v * k;
    fp->cap_height = hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0
                         ? v * k : fp->ascent;
    hb_font_destroy(font);
    hb_blob_t *head = hb_face_reference_table(sub, HB_TAG('h', 'e', 'a', 'd'));
    unsigned len = 0;
    const char *h = hb_blob_get_data(head, &len);
    if (len >= 44)
        for (int i = 0; i < 4; i++)
            fp->bbox[i] = be16(h + 36 + 2 * i) * k;
    hb_blob_destroy(head);
    fp->nglyphs = hb_face_get_glyph_count(sub);
    return len >= 44 && fp->nglyphs > 0;
}

/* A PDF name may not hold delimiters or spaces; PostScript names seldom do.
 * The subset tag is six capitals from a hash of the program's bytes: two
 * different subsets in one PDF get different names, and the same font and
 * characters get the same name wherever the file lies. */
static void set_name(font_program *fp, hb_face_t *face)
{
    char ps[64] = "";
    unsigned len = sizeof ps;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, ps);
    size_t k = 0;
    for (const char *p = ps; *p; p++)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_')
            ps[k++] = *p;
    ps[k] = '\0';
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < fp->len; i++)
        h = (h ^ fp->data[i]) * 1099511628211u;
    char tag[7];
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
    snprintf(fp->name, sizeof fp->name, "%s+%s", tag, *ps ? ps : "Face");
}

static bool deflate_program(font_program *fp, hb_blob_t *blob, const char **why)
{
    unsigned len = 0;
    const char *raw = hb_blob_get_data(blob, &len);
    uLongf zlen = compressBound(len);
    fp->data = xmalloc(zlen);
    int z = len == 0 ? Z_DATA_ERROR : compress2(fp->data, &zlen, (const Bytef *)raw, len, Z_BEST_COMPRESSION);
    *why = z == Z_MEM_ERROR ? OUT_OF_MEMORY : "HarfBuzz made an empty subset";
    if (z != Z_OK)
        return false;
    fp->len = zlen;
    fp->raw_len = len;
    return true;
}

int font_program_make(const char *path, int index, const uint32_t *cps, size_t n,
                      font_program **out, diag_list *d)
{
    *out = NULL;
    hb_blob_t *file = hb_blob_create_from_file_or_fail(path);
    if (!file) {
        int err = file_map_error(path);
        if (err == ENOMEM)
            return diag_error(d, path, 0, "out of memory: cannot read this font");
        return diag_error(d, path, 0, "cannot read the font file: %s", strerror(err ? err : EIO));
    }
    hb_face_t *face = hb_face_create(file, (unsigned)index);
    hb_blob_destroy(file);
    font_program *fp = xcalloc(1, sizeof *fp);
    fp->cps = xmalloc((n ? n : 1) * sizeof *fp->cps);
    memcpy(fp->cps, cps, n * sizeof *cps);
    fp->n = cps_sort_unique(fp->cps, n);
    n = fp->n;
    fp->gids = xcalloc(n ? n : 1, sizeof *fp->gids);
    fp->widths = xcalloc(n ? n : 1, sizeof *fp->widths);
    const char *why = "too many characters for one font program";
    hb_face_t *sub = n <= FONT_PROGRAM_MAX ? subset(fp, face, &why) : NULL;
    bool ok = sub && read_metrics(fp, sub);
    if (sub && !ok)
        why = memory_runs_short(face_bytes(face)) ? OUT_OF_MEMORY : "the subset has no glyphs or no head table";
    if (ok) {
        hb_blob_t *blob = hb_face_reference_blob(sub);
        ok = deflate_program(fp, blob, &why);
        hb_blob_destroy(blob);
    }
    if (ok)
        set_name(fp, face);
    hb_face_destroy(sub);
    hb_face_destroy(face);
    if (!ok) {
        font_program_free(fp);
        if (strcmp(why, OUT_OF_MEMORY) == 0)
            return diag_error(d, path, 0, "out of memory while subsetting face %d", index);
        return diag_error(d, path, 0, "cannot subset face %d with HarfBuzz: %s", index, why);
    }
    *out = fp;
    return 0;
}

void font_program_free(font_program *fp)
{
    if (!fp)
        return;
    free(fp->cps);
    free(fp->gids);
    free(fp->widths);
    free(fp->data);
    free(fp);
}

long font_program_find(const font_program *fp, uint32_t cp)
{
    size_t lo = 0, hi = fp->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fp->cps[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < fp->n && fp->cps[lo] == cp ? (long)lo : -1;
}
