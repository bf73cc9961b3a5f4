/* SPDX-License-Identifier: MIT */
#include "pdffontprog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <libdeflate.h>

#include "fileio.h"
#include "intl.h"
#include "pdfcff.h"
#include "text.h"

#define TAG_CFF HB_TAG('C', 'F', 'F', ' ')
#define TAG_GLYF HB_TAG('g', 'l', 'y', 'f')

/* Tables a PDF reader does not consult for a CID-keyed font (it maps codes
 * to glyphs through CIDToGIDMap or the CFF's charset, and text through
 * ToUnicode).  Dropping the layout ones also spares HarfBuzz their closure:
 * vertical forms and variants nobody draws. */
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
    /* Hinting (fpgm, prep, cvt, glyph instructions; CFF stem hints) is for
     * screens at small pixel sizes; PDF viewers do not need it.  CFF
     * charstrings come out whole, their subroutines inlined: for the Leshan
     * form's characters Noto Serif CJK SC then deflates to 75 KB, not 87 KB
     * with subroutines, and HarfBuzz takes 21 M instructions, not 37 M. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
    return in;
}

/* The subset face, with fp->gids filled from the plan's glyph mappings (the
 * subset has no cmap to ask afterwards); NULL if a code point has no glyph. */
static hb_face_t *subset(font_program *fp, hb_face_t *face, const char **why)
{
    hb_subset_input_t *in = subset_input(fp);
    hb_subset_plan_t *plan = in ? hb_subset_plan_create_or_fail(face, in) : NULL;
    hb_subset_input_destroy(in);
    *why = OUT_OF_MEMORY; /* HarfBuzz fails to make an input or a plan only for want of memory */
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
               : !ok ? N_("a character has no glyph") : N_("HarfBuzz cannot subset it (is the font damaged?)");
    hb_subset_plan_destroy(plan);
    return sub;
}

static int16_t be16(const char *p) { return (int16_t)((uint8_t)p[0] << 8 | (uint8_t)p[1]); }

/* Ascent and descent from OS/2's typographic ascender and descender, as
 * dvipdfmx writes them: in a CJK face they are the ideographic em box the
 * typesetter lays out (0.88 and -0.12 em in Noto CJK), where hhea's cover
 * its tallest Latin and symbol glyphs (1.15 em), and readers' text boxes
 * (selection, pdftotext -bbox) then stand where the text does. */
static void read_typo_metrics(font_program *fp, hb_face_t *sub, double k)
{
    hb_blob_t *os2 = hb_face_reference_table(sub, HB_TAG('O', 'S', '/', '2'));
    unsigned len = 0;
    const char *t = hb_blob_get_data(os2, &len);
    if (len >= 72 && be16(t + 68) > 0 && be16(t + 70) <= 0) {
        fp->ascent = be16(t + 68) * k;
        fp->descent = be16(t + 70) * k;
    }
    hb_blob_destroy(os2);
}

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
    read_typo_metrics(fp, sub, k);
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

/* libdeflate's level 6, measured on the Leshan form's three TrueType programs
 * (213 KB of AR PL and WenQuanYi subsets): 17 M instructions and 102.0 KB,
 * against zlib's level 9 at 49 M and 101.3 KB; libdeflate's 9 gives 101.0 KB
 * for 31 M, its 12 99.6 KB for 136 M: past level 6 a longer search buys
 * under 1% of the bytes. */
#define DEFLATE_LEVEL 6

static bool deflate_program(font_program *fp, const char *raw, size_t len)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(DEFLATE_LEVEL);
    if (!c)
        return false;
    size_t bound = libdeflate_zlib_compress_bound(c, len);
    fp->data = xmalloc(bound);
    fp->len = len ? libdeflate_zlib_compress(c, raw, len, fp->data, bound) : 0;
    fp->raw_len = len;
    libdeflate_free_compressor(c);
    return fp->len > 0;
}

static bool has_table(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *b = hb_face_reference_table(face, tag);
    bool has = hb_blob_get_length(b) > 0;
    hb_blob_destroy(b);
    return has;
}

/* The subset's program, deflated: the TrueType file as it is, or its CFF
 * table rewritten with CID i + 1 drawing cps[i] (pdfcff.h), so that gids[]
 * become those CIDs.  A face of neither kind (CFF2) has no program a PDF
 * can embed. */
static bool make_data(font_program *fp, hb_face_t *sub, const char **why)
{
    hb_blob_t *blob = hb_face_reference_table(sub, TAG_CFF);
    fp->outlines = hb_blob_get_length(blob) > 0 ? FONT_OUTLINES_CFF : FONT_OUTLINES_TRUETYPE;
    bool ok;
    if (fp->outlines == FONT_OUTLINES_CFF) {
        unsigned len = 0;
        const unsigned char *cff = (const unsigned char *)hb_blob_get_data(blob, &len);
        strbuf prog = {0};
        ok = pdfcff_rekey(cff, len, fp->gids, fp->n, &prog) == 0;
        if (!ok)
            *why = "its CFF outlines cannot be read (is the font damaged?)";
        ok = ok && deflate_program(fp, prog.data, prog.len);
        sb_free(&prog);
        for (size_t i = 0; i < fp->n; i++)
            fp->gids[i] = (uint16_t)(i + 1);
        fp->nglyphs = (unsigned)fp->n + 1;
    } else {
        hb_blob_destroy(blob);
        blob = hb_face_reference_blob(sub);
        unsigned len = 0;
        const char *raw = hb_blob_get_data(blob, &len);
        ok = has_table(sub, TAG_GLYF);
        if (!ok)
            *why = "the subset has no outlines (is the font damaged?)";
        ok = ok && deflate_program(fp, raw, len);
    }
    hb_blob_destroy(blob);
    return ok;
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
    const char *why = N_("too many characters for one font program");
    hb_face_t *sub = n <= FONT_PROGRAM_MAX ? subset(fp, face, &why) : NULL;
    bool ok = sub && read_metrics(fp, sub);
    if (sub && !ok)
        why = N_("the subset has no head table");
    ok = ok && make_data(fp, sub, &why);
    if (sub && !ok && memory_runs_short(face_bytes(face)))
        why = OUT_OF_MEMORY;
    if (ok)
        set_name(fp, face);
    hb_face_destroy(sub);
    hb_face_destroy(face);
    if (!ok) {
        font_program_free(fp);
        if (strcmp(why, OUT_OF_MEMORY) == 0)
            return diag_error(d, path, 0, "out of memory while subsetting face %d", index);
        return diag_error(d, path, 0, "cannot subset face %d with HarfBuzz: %s", index, _(why));
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
