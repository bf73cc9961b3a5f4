/* SPDX-License-Identifier: MIT */
/* fonts: the font map, fallback between candidates, metrics, text checks. */
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fonts.h"

#define MAP FIXTURES "fonts/map.yaml"
#define GBSN "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
#define CFF_FONT "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The single diagnostic of level lv whose message contains text, or NULL. */
static const diag *find_diag(const diag_list *d, diag_level lv, const char *text)
{
    for (size_t i = 0; i < d->len; i++)
        if (d->items[i].level == lv && strstr(d->items[i].message, text))
            return &d->items[i];
    return NULL;
}

static int setup(void **state)
{
    diag_list d = {0};
    fontset *fs = NULL;
    int rc = fontset_load(MAP, &fs, &d);
    if (rc != 0)
        diag_print(&d, stderr);
    diag_list_free(&d);
    *state = fs;
    return rc;
}

static int teardown(void **state)
{
    fontset_free(*state);
    return 0;
}

static void test_role_names(void **state)
{
    (void)state;
    assert_int_equal(font_role_from_name("xiaobiaosong"), ROLE_XIAOBIAOSONG);
    assert_int_equal(font_role_from_name("hei"), ROLE_HEI);
    assert_int_equal(font_role_from_name("heiti"), -1);
    assert_int_equal(font_role_from_name(NULL), -1);
    assert_string_equal(font_role_name(ROLE_FANGSONG), "fangsong");
}

static void test_load_opens_each_face_once(void **state)
{
    const fontset *fs = *state;
    /* zhongwen-only, gbsn00lp (two roles), uming (two roles), zenhei, gkai00mp;
     * the missing no-such-font.ttf is skipped without a word. */
    assert_int_equal(fontset_face_count(fs), 5);
    int x = fontset_face_for(fs, ROLE_XIAOBIAOSONG, 0x6807); /* 标 */
    int s = fontset_face_for(fs, ROLE_SONG, 0x6807);
    assert_true(x >= 0);
    assert_int_equal(x, s);
    assert_string_equal(fontset_face_path(fs, x), GBSN);
    assert_string_equal(fontset_face_family(fs, x), "AR PL SungtiL GB");
    int f = fontset_face_for(fs, ROLE_FANGSONG, 0x6807);
    assert_int_equal(fontset_face_index(fs, f), 0);
    assert_string_equal(fontset_face_family(fs, f), "AR PL UMing CN");
}

static void test_quiet_load(void **state)
{
    (void)state;
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(MAP, &fs, &d), 0);
    assert_int_equal(d.len, 0);
    fontset_free(fs);
    diag_list_free(&d);
}

static void test_fallback_to_next_candidate(void **state)
{
    const fontset *fs = *state;
    int zhong = fontset_face_for(fs, ROLE_XIAOBIAOSONG, 0x4E2D); /* 中: in the cut-down font */
    assert_true(zhong >= 0);
    assert_true(ends_with(fontset_face_path(fs, zhong), "fonts/zhongwen-only.ttf"));
    int biao = fontset_face_for(fs, ROLE_XIAOBIAOSONG, 0x6807); /* 标: only in the next */
    assert_true(biao >= 0 && biao != zhong);
    /* 〇 is in neither gbsn00lp nor the cut-down font, but song falls back to UMing. */
    assert_int_equal(fontset_face_for(fs, ROLE_XIAOBIAOSONG, 0x3007), -1);
    int ling = fontset_face_for(fs, ROLE_SONG, 0x3007);
    assert_true(ling >= 0);
    assert_string_equal(fontset_face_family(fs, ling), "AR PL UMing CN");
    assert_int_equal(fontset_face_for(fs, ROLE_COUNT, 0x4E2D), -1);
}

static void test_role_faces_and_coverage(void **state)
{
    const fontset *fs = *state;
    const int *faces;
    /* no-such-font.ttf is not among fangsong's faces; UMing is. */
    assert_int_equal(fontset_role_faces(fs, ROLE_FANGSONG, &faces), 1);
    assert_string_equal(fontset_face_family(fs, faces[0]), "AR PL UMing CN");
    assert_int_equal(fontset_role_faces(fs, ROLE_XIAOBIAOSONG, &faces), 2);
    assert_true(fontset_face_covers(fs, faces[0], 0x4E2D));   /* 中 */
    assert_false(fontset_face_covers(fs, faces[0], 0x6807));  /* 标 */
    assert_true(fontset_face_covers(fs, faces[1], 0x6807));
    assert_false(fontset_face_covers(fs, faces[1], 0x20000));
    assert_false(fontset_face_covers(fs, -1, 0x4E2D));
    assert_int_equal(fontset_role_faces(fs, ROLE_COUNT, &faces), 0);
}

static void test_metrics(void **state)
{
    const fontset *fs = *state;
    int f = fontset_face_for(fs, ROLE_SONG, 0x6807);
    /* gbsn00lp: 1024 units per em, every ideograph 1024 wide. */
    assert_true(fontset_advance(fs, f, 0x6807) == 1.0);
    assert_true(fontset_advance(fs, f, 0x3001) == 1.0);               /* 、 */
    assert_true(fontset_advance(fs, f, '1') > 0.3 && fontset_advance(fs, f, '1') < 0.7);
    assert_true(fontset_ascender(fs, f) == 900.0 / 1024.0);
    assert_true(fontset_descender(fs, f) == -123.0 / 1024.0);
    assert_true(fontset_advance(fs, 99, 0x6807) == 0.0);
}

static void test_check_text_ok(void **state)
{
    diag_list d = {0};
    assert_int_equal(fontset_check_text(*state, ROLE_FANGSONG, "关于二〇一二年的通知。\n\tABC 123", "a.md", 3, &d), 0);
    assert_int_equal(d.len, 0);
}

static void test_check_text_missing_glyph(void **state)
{
    diag_list d = {0};
    /* gkai00mp lacks 〇; reported once though it occurs twice. */
    assert_int_equal(fontset_check_text(*state, ROLE_KAI, "二〇一二年，二〇一三年", "notice.md", 7, &d), -1);
    assert_int_equal(d.len, 1);
    assert_int_equal(d.items[0].level, DIAG_ERROR);
    assert_string_equal(d.items[0].file, "notice.md");
    assert_int_equal(d.items[0].line, 7);
    assert_non_null(strstr(d.items[0].message, "〇 (U+3007) is in no font of role kai"));
    assert_non_null(strstr(d.items[0].message, "AR PL KaitiM GB"));
    diag_list_free(&d);
}

static void test_check_text_beyond_bmp(void **state)
{
    diag_list d = {0};
    /* Beyond the BMP a character is looked up like any other: U+20000 is in
     * no face of this map, and reported as such. */
    assert_int_equal(fontset_check_text(*state, ROLE_HEI, "姓\xF0\xA0\x80\x80名", "r.md", 2, &d), -1);
    assert_int_equal(d.len, 1);
    assert_non_null(strstr(d.items[0].message, "\xF0\xA0\x80\x80 (U+20000) is in no font of role hei"));
    assert_int_equal(fontset_face_for(*state, ROLE_HEI, 0x20000), -1);
    diag_list_free(&d);
}

static void test_unknown_role(void **state)
{
    (void)state;
    diag_list d = {0};
    fontset *fs = (fontset *)1;
    assert_int_equal(fontset_load(FIXTURES "fonts/bad-role.yaml", &fs, &d), -1);
    assert_null(fs);
    const diag *e = find_diag(&d, DIAG_ERROR, "unknown role 'heiti'");
    assert_non_null(e);
    assert_int_equal(e->line, 5);
    assert_non_null(find_diag(&d, DIAG_ERROR, "role hei is missing"));
    diag_list_free(&d);
}

static void test_role_without_face(void **state)
{
    (void)state;
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(FIXTURES "fonts/no-face.yaml", &fs, &d), -1);
    const diag *e = find_diag(&d, DIAG_ERROR, "role hei: none of its 2 candidate fonts");
    assert_non_null(e);
    assert_string_equal(e->file, FIXTURES "fonts/no-face.yaml");
    diag_list_free(&d);
}

static void test_missing_map(void **state)
{
    (void)state;
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(FIXTURES "fonts/absent.yaml", &fs, &d), -1);
    assert_int_equal(d.len, 1);
    assert_string_equal(d.items[0].file, FIXTURES "fonts/absent.yaml");
    assert_non_null(strstr(d.items[0].message, "cannot open"));
    diag_list_free(&d);
}

/* Writes a map whose every role lists first (an absolute path), then gbsn00lp. */
static char *temp_map(const char *first)
{
    char dir[] = "/tmp/gongwen-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    size_t n = strlen(dir) + 16;
    char *path = malloc(n);
    snprintf(path, n, "%s/map.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    const char *roles[] = {"xiaobiaosong", "fangsong", "hei", "kai", "song"};
    for (int r = 0; r < 5; r++)
        fprintf(f, "%s:\n  - {file: %s}\n  - {file: %s}\n", roles[r], first, GBSN);
    fclose(f);
    return path;
}

static void remove_temp_map(char *path)
{
    unlink(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
}

static void test_cff_face_skipped(void **state)
{
    (void)state;
    if (access(CFF_FONT, R_OK) != 0)
        skip();
    char *map = temp_map(CFF_FONT);
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(map, &fs, &d), 0);
    assert_int_equal(fontset_face_count(fs), 1);
    assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
    const diag *w = find_diag(&d, DIAG_WARNING, "CFF");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "NimbusRoman-Regular.otf"));
    assert_int_equal(w->line, 2);
    fontset_free(fs);
    diag_list_free(&d);
    remove_temp_map(map);
}

static void test_not_a_font_skipped(void **state)
{
    (void)state;
    /* The README is a file FreeType cannot read as a font. */
    char cwd[4096], abs[4200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(abs, sizeof abs, "%s/" FIXTURES "fonts/README", cwd);
    char *map = temp_map(abs);
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(map, &fs, &d), 0);
    assert_non_null(find_diag(&d, DIAG_WARNING, "skipped"));
    assert_int_equal(fontset_face_count(fs), 1);
    fontset_free(fs);
    diag_list_free(&d);
    remove_temp_map(map);
}

static void test_shipped_fontmap(void **state)
{
    (void)state;
    diag_list d = {0};
    fontset *fs;
    int rc = fontset_load("fonts/fontmap.yaml", &fs, &d);
    if (rc != 0)
        diag_print(&d, stderr);
    assert_int_equal(rc, 0);
    for (int r = 0; r < ROLE_COUNT; r++) {
        assert_true(fontset_face_for(fs, (font_role)r, 0x4E2D) >= 0);
        /* 〇 of 二〇一二年 must be reachable in every role through fallback. */
        assert_true(fontset_face_for(fs, (font_role)r, 0x3007) >= 0);
    }
    fontset_free(fs);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_names),
        cmocka_unit_test_setup_teardown(test_load_opens_each_face_once, setup, teardown),
        cmocka_unit_test(test_quiet_load),
        cmocka_unit_test_setup_teardown(test_fallback_to_next_candidate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_faces_and_coverage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metrics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_text_ok, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_text_missing_glyph, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_text_beyond_bmp, setup, teardown),
        cmocka_unit_test(test_unknown_role),
        cmocka_unit_test(test_role_without_face),
        cmocka_unit_test(test_missing_map),
        cmocka_unit_test(test_cff_face_skipped),
        cmocka_unit_test(test_not_a_font_skipped),
        cmocka_unit_test(test_shipped_fontmap),
    };
    return cmocka_run_group_tests_name("fonts", tests, NULL, NULL);
}
