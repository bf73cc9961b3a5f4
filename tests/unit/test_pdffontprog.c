/* SPDX-License-Identifier: MIT */
/* fontprog: a face subset to given characters, checked against FreeType's
 * reading of the whole face and of the TrueType or CFF program it embeds. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_TRUETYPE_TAGS_H

#include "diag.h"
#include "pdffontprog.h"
#include "fonts.h"
#include "text.h"

#define MAP FIXTURES "fonts/pdf-map.yaml"
#define UMING "/usr/share/fonts/truetype/arphic/uming.ttc"
#define NOTO FIXTURES "fonts/noto-serif-sc-few.otf"   /* CID-keyed CFF */
#define NIMBUS "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf" /* name-keyed CFF */

static int setup(void **state)
{
    fontset *fs = NULL;
    diag_list d = {0};
    int rc = fontset_load(MAP, &fs, &d);
    diag_list_free(&d);
    *state = fs;
    return rc;
}

static int teardown(void **state)
{
    fontset_free(*state);
    return 0;
}

static font_program *make_from(const char *path, int index, const char *utf8)
{
    size_t n;
    uint32_t *cps = utf8_to_cps(utf8, &n);
    font_program *fp = NULL;
    diag_list d = {0};
    assert_int_equal(font_program_make(path, index, cps, n, &fp, &d), 0);
    assert_int_equal(d.len, 0);
    free(cps);
    return fp;
}

static font_program *make(int index, const char *utf8)
{
    return make_from(UMING, index, utf8);
}

/* The program's bytes, inflated with zlib (not the library that deflated them). */
static unsigned char *inflated(const font_program *fp)
{
    unsigned char *raw = xmalloc(fp->raw_len);
    uLongf len = fp->raw_len;
    assert_int_equal(uncompress(raw, &len, fp->data, fp->len), Z_OK);
    assert_int_equal(len, fp->raw_len);
    return raw;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void test_glyphs_and_widths(void **state)
{
    const fontset *fs = *state;
    /* Sorted by code point: 0 1 A 〇 一 分 考 核 (U+0030 … U+6838). */
    font_program *fp = make(0, "考核一〇分10A");
    assert_int_equal(fp->n, 8);
    int face = fontset_face_for(fs, ROLE_FANGSONG, 0x8003);
    for (size_t i = 0; i < fp->n; i++) {
        if (i > 0)
            assert_true(fp->cps[i] > fp->cps[i - 1]);
        assert_true(fp->gids[i] > 0 && fp->gids[i] < fp->nglyphs);
        for (size_t j = 0; j < i; j++)
            assert_int_not_equal(fp->gids[i], fp->gids[j]);
        /* The PDF's widths are exactly the advances typesetting used. */
        double expect = fontset_advance(fs, face, fp->cps[i]) * 1000.0;
        assert_true(fp->widths[i] > expect - 1e-9 && fp->widths[i] < expect + 1e-9);
        assert_int_equal(font_program_find(fp, fp->cps[i]), (long)i);
    }
    assert_int_equal(font_program_find(fp, 0x4E8C), -1); /* 二: not asked for */
    /* .notdef and the eight, nothing else (UMing's hanzi are not composites). */
    assert_int_equal(fp->nglyphs, 9);
    assert_true(fp->ascent > 0 && fp->descent < 0 && fp->bbox[2] > fp->bbox[0]);
    font_program_free(fp);
}

static void test_embedded_file(void **state)
{
    (void)state;
    font_program *fp = make(0, "考核细则");
    assert_int_equal(fp->outlines, FONT_OUTLINES_TRUETYPE);
    unsigned char *raw = inflated(fp);
    assert_int_equal(be32(raw), 0x00010000); /* TrueType outlines */
    unsigned ntables = (unsigned)raw[4] << 8 | raw[5];
    bool glyf = false;
    for (unsigned i = 0; i < ntables; i++) {
        const unsigned char *rec = raw + 12 + 16 * i;
        /* Read for the dictionaries, then left out: the PDF maps codes itself. */
        assert_memory_not_equal(rec, "cmap", 4);
        assert_memory_not_equal(rec, "name", 4);
        assert_memory_not_equal(rec, "GSUB", 4);
        assert_memory_not_equal(rec, "fpgm", 4); /* no hinting */
        glyf = glyf || memcmp(rec, "glyf", 4) == 0;
    }
    assert_true(glyf);
    /* Four hanzi of a Ming face: a few KB, not the 20 MB of the file. */
    assert_true(fp->len < 4096);
    free(raw);
    font_program_free(fp);
}

static void test_name_is_tagged_and_stable(void **state)
{
    (void)state;
    font_program *a = make(0, "考核"), *b = make(0, "考核"), *c = make(0, "考评"), *tw = make(1, "考核");
    assert_string_equal(a->name, b->name);
    assert_true(strlen(a->name) > 7 && a->name[6] == '+');
    for (int i = 0; i < 6; i++)
        assert_true(a->name[i] >= 'A' && a->name[i] <= 'Z');
    assert_string_equal(a->name + 7, "UMingCN");
    assert_string_not_equal(a->name, c->name);   /* other characters */
    assert_string_not_equal(a->name, tw->name);  /* other face of the collection */
    font_program_free(a);
    font_program_free(b);
    font_program_free(c);
    font_program_free(tw);
}

/* The outline of glyph g as FreeType reads it in font units, unhinted. */
static FT_Outline *outline(FT_Face face, unsigned g)
{
    assert_int_equal(FT_Load_Glyph(face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0);
    return &face->glyph->outline;
}

static void assert_same_outline(const FT_Outline *a, const FT_Outline *b)
{
    assert_int_equal(a->n_points, b->n_points);
    assert_int_equal(a->n_contours, b->n_contours);
    for (int i = 0; i < a->n_points; i++) {
        assert_int_equal(a->points[i].x, b->points[i].x);
        assert_int_equal(a->points[i].y, b->points[i].y);
        assert_int_equal(a->tags[i] & 3, b->tags[i] & 3);
    }
    for (int i = 0; i < a->n_contours; i++)
        assert_int_equal(a->contours[i], b->contours[i]);
}

/* A CFF face's program read back by FreeType, as a PDF reader would: CID-
 * keyed Adobe-Identity-0, glyph k being CID k and drawing, for k = i + 1,
 * exactly the face's glyph of cps[i]. */
static void check_cff_program(const char *path, int index, const char *utf8)
{
    font_program *fp = make_from(path, index, utf8);
    assert_int_equal(fp->outlines, FONT_OUTLINES_CFF);
    assert_int_equal(fp->nglyphs, fp->n + 1);
    unsigned char *raw = inflated(fp);
    FT_Library lib;
    FT_Face prog, face;
    assert_int_equal(FT_Init_FreeType(&lib), 0);
    assert_int_equal(FT_New_Memory_Face(lib, raw, (FT_Long)fp->raw_len, 0, &prog), 0);
    assert_int_equal(FT_New_Face(lib, path, index, &face), 0);
    FT_Bool cid_keyed = 0;
    assert_int_equal(FT_Get_CID_Is_Internally_CID_Keyed(prog, &cid_keyed), 0);
    assert_true(cid_keyed);
    const char *registry, *ordering;
    FT_Int supplement;
    assert_int_equal(FT_Get_CID_Registry_Ordering_Supplement(prog, &registry, &ordering, &supplement), 0);
    assert_string_equal(registry, "Adobe");
    assert_string_equal(ordering, "Identity");
    assert_int_equal(supplement, 0);
    assert_int_equal(prog->num_glyphs, (FT_Long)fp->n + 1);
    for (FT_UInt g = 0; g <= fp->n; g++) {
        FT_UInt cid = 99999;
        assert_int_equal(FT_Get_CID_From_Glyph_Index(prog, g, &cid), 0);
        assert_int_equal(cid, g);
    }
    for (size_t i = 0; i < fp->n; i++) {
        assert_int_equal(fp->gids[i], i + 1);
        FT_UInt g = FT_Get_Char_Index(face, fp->cps[i]);
        assert_true(g > 0);
        /* Each face has a glyph slot of its own: both outlines stay loaded. */
        const FT_Outline *want = outline(face, g), *got = outline(prog, (unsigned)i + 1);
        assert_same_outline(got, want);
        double advance = face->glyph->metrics.horiAdvance * 1000.0 / face->units_per_EM;
        assert_true(fp->widths[i] > advance - 1e-9 && fp->widths[i] < advance + 1e-9);
        /* The charstring's own width, read with its Font DICT's nominal and
         * default widths: the glyph kept its Font DICT. */
        double own = prog->glyph->metrics.horiAdvance * 1000.0 / prog->units_per_EM;
        assert_true(own > advance - 1e-9 && own < advance + 1e-9);
    }
    FT_Done_Face(prog);
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    free(raw);
    font_program_free(fp);
}

static void test_cff_cid_keyed(void **state)
{
    (void)state;
    /* Noto CJK draws 一 and ⼀ (U+2F00) with one glyph, of one CID: here
     * each is a glyph and CID of its own. */
    check_cff_program(NOTO, 0, "考核细则一⼀，。12AB‒–");
}

static void test_cff_name_keyed(void **state)
{
    (void)state;
    if (access(NIMBUS, R_OK) != 0)
        skip();
    check_cff_program(NIMBUS, 0, "Ab1,.");
}

static void test_unreadable_font(void **state)
{
    (void)state;
    uint32_t cp = 0x8003;
    font_program *fp = NULL;
    diag_list d = {0};
    assert_int_equal(font_program_make("/nonexistent/font.ttf", 0, &cp, 1, &fp, &d), -1);
    assert_null(fp);
    assert_int_equal(d.len, 1);
    assert_string_equal(d.items[0].file, "/nonexistent/font.ttf");
    diag_list_free(&d);
    /* A file that is no font at all. */
    assert_int_equal(font_program_make(MAP, 0, &cp, 1, &fp, &d), -1);
    assert_null(fp);
    assert_non_null(strstr(d.items[0].message, "cannot subset"));
    diag_list_free(&d);
}

static void test_unsubsettable_cff(void **state)
{
    (void)state;
    /* FreeType opens this face (its Private DICTs are broken), HarfBuzz
     * cannot subset it: the same report as for a TrueType face. */
    const char *path = FIXTURES "fonts/cff-damaged-end.otf";
    uint32_t cp = 0x8003;
    font_program *fp = NULL;
    diag_list d = {0};
    assert_int_equal(font_program_make(path, 0, &cp, 1, &fp, &d), -1);
    assert_null(fp);
    assert_int_equal(d.len, 1);
    assert_string_equal(d.items[0].file, path);
    assert_string_equal(d.items[0].message,
                        "cannot subset face 0 with HarfBuzz: the subset has no outlines (is the font damaged?)");
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyphs_and_widths),
        cmocka_unit_test(test_embedded_file),
        cmocka_unit_test(test_name_is_tagged_and_stable),
        cmocka_unit_test(test_cff_cid_keyed),
        cmocka_unit_test(test_cff_name_keyed),
        cmocka_unit_test(test_unreadable_font),
        cmocka_unit_test(test_unsubsettable_cff),
    };
    return cmocka_run_group_tests_name("fontprog", tests, setup, teardown);
}
