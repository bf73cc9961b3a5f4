#include "fontprog.h"

#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <zlib.h>

#include "text.h"

/* Tables a PDF reader does not consult for a CID-keyed TrueType font
 * (CIDToGIDMap /Identity, ToUnicode for text): HarfBuzz drops the layout
 * ones before subsetting, which also spares it their closure (vertical forms
 * and variants nobody draws); cmap and name are read, then left out. */
static const hb_tag_t NOT_SUBSET[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'),
    HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('k', 'e', 'r', 'n'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'),
};
static const hb_tag_t NOT_EMBEDDED[] = {HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e')};

static hb_face_t *subset_face(hb_face_t *face, const uint32_t *cps, size_t n)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(unicodes, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof NOT_SUBSET / sizeof *NOT_SUBSET; i++)
        hb_set_add(drop, NOT_SUBSET[i]);
    /* Hinting (fpgm, prep, cvt, glyph instructions) is for screens at small
     * pixel sizes; PDF viewers do not need it. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    return sub;
}

static bool embedded(hb_tag_t tag)
{
    for (size_t i = 0; i < sizeof NOT_EMBEDDED / sizeof *NOT_EMBEDDED; i++)
        if (tag == NOT_EMBEDDED[i])
            return false;
    return true;
}

/* The subset's tables, less those a PDF does not need, as one TrueType file.
 * (The subsetter's own face cannot list its tables: it is read back.) */
static hb_blob_t *embedded_tables(hb_face_t *subset)
{
    hb_blob_t *whole = hb_face_reference_blob(subset);
    hb_face_t *sub = hb_face_create(whole, 0);
    hb_blob_destroy(whole);
    hb_face_t *out = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned start = 0, count;
    do {
        count = sizeof tags / sizeof *tags;
        hb_face_get_table_tags(sub, start, &count, tags);
        for (unsigned i = 0; i < count; i++) {
            if (!embedded(tags[i]))
                continue;
            hb_blob_t *t = hb_face_reference_table(sub, tags[i]);
            hb_face_builder_add_table(out, tags[i], t);
            hb_blob_destroy(t);
        }
        start += count;
    } while (count == sizeof tags / sizeof *tags);
    hb_blob_t *blob = hb_face_reference_blob(out);
    hb_face_destroy(out);
    hb_face_destroy(sub);
    return blob;
}

static int16_t be16(const char *p) { return (int16_t)((uint8_t)p[0] << 8 | (uint8_t)p[1]); }

/* Widths and descriptor metrics in 1/1000 em; the glyph of each code point. */
static bool read_metrics(font_program *fp, hb_face_t *sub)
{
    unsigned upem = hb_face_get_upem(sub);
    hb_font_t *font = hb_font_create(sub); /* scale = upem: values in font units */
    double k = 1000.0 / upem;
    bool ok = true;
    for (size_t i = 0; i < fp->n && ok; i++) {
        hb_codepoint_t g = 0;
        ok = hb_font_get_nominal_glyph(font, fp->cps[i], &g) && g > 0 && g <= 0xFFFF;
        fp->gids[i] = (uint16_t)g;
        fp->widths[i] = hb_font_get_glyph_h_advance(font, g) * k;
    }
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
    return ok && len >= 44 && fp->nglyphs > 0;
}

/* A PDF name may not hold delimiters or spaces; PostScript names seldom do. */
static void set_name(font_program *fp, hb_face_t *face, const char *path, int index)
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
    /* The subset tag: six capitals from a hash of the face and its code
     * points, so two subsets in one PDF differ and a rerun gives the same. */
    uint64_t h = 14695981039346656037u;
    for (const char *p = path; *p; p++)
        h = (h ^ (uint8_t)*p) * 1099511628211u;
    h = (h ^ (uint64_t)index) * 1099511628211u;
    for (size_t i = 0; i < fp->n; i++)
        h = (h ^ fp->cps[i]) * 1099511628211u;
    char tag[7];
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
    snprintf(fp->name, sizeof fp->name, "%s+%s", tag, *ps ? ps : "Face");
}

static bool deflate_program(font_program *fp, hb_blob_t *blob)
{
    unsigned len = 0;
    const char *raw = hb_blob_get_data(blob, &len);
    uLongf zlen = compressBound(len);
    fp->data = xmalloc(zlen);
    if (len == 0 || compress2(fp->data, &zlen, (const Bytef *)raw, len, Z_BEST_COMPRESSION) != Z_OK)
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
    if (!file)
        return diag_error(d, path, 0, "cannot read the font file");
    hb_face_t *face = hb_face_create(file, (unsigned)index);
    hb_blob_destroy(file);
    font_program *fp = xcalloc(1, sizeof *fp);
    fp->cps = xmalloc((n ? n : 1) * sizeof *fp->cps);
    memcpy(fp->cps, cps, n * sizeof *cps);
    fp->n = cps_sort_unique(fp->cps, n);
    n = fp->n;
    fp->gids = xcalloc(n ? n : 1, sizeof *fp->gids);
    fp->widths = xcalloc(n ? n : 1, sizeof *fp->widths);
    set_name(fp, face, path, index);
    hb_face_t *sub = subset_face(face, fp->cps, n);
    hb_face_destroy(face);
    bool ok = sub && read_metrics(fp, sub);
    if (ok) {
        hb_blob_t *blob = embedded_tables(sub);
        ok = deflate_program(fp, blob);
        hb_blob_destroy(blob);
    }
    hb_face_destroy(sub);
    if (!ok) {
        font_program_free(fp);
        return diag_error(d, path, 0, "cannot subset face %d with HarfBuzz", index);
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
