/* SPDX-License-Identifier: MIT */
/* fontprog: a face subset to given characters, checked against FreeType's
 * reading of the whole face and against the TrueType file it embeds. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "diag.h"
#include "pdffontprog.h"
#include "fonts.h"
#include "text.h"

#define MAP FIXTURES "fonts/pdf-map.yaml"
#define UMING "/usr/share/fonts/truetype/arphic/uming.ttc"

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

static font_program *make(int index, const char *utf8)
{
    size_t n;
    uint32_t *cps = utf8_to_cps(utf8, &n);
    font_program *fp = NULL;
    diag_list d = {0};
    assert_int_equal(font_program_make(UMING, index, cps, n, &fp, &d), 0);
    assert_int_equal(d.len, 0);
    free(cps);
    return fp;
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
    unsigned char *raw = xmalloc(fp->raw_len);
    uLongf len = fp->raw_len;
    assert_int_equal(uncompress(raw, &len, fp->data, fp->len), Z_OK);
    assert_int_equal(len, fp->raw_len);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyphs_and_widths),
        cmocka_unit_test(test_embedded_file),
        cmocka_unit_test(test_name_is_tagged_and_stable),
        cmocka_unit_test(test_unreadable_font),
    };
    return cmocka_run_group_tests_name("fontprog", tests, setup, teardown);
}
