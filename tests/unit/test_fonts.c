/* SPDX-License-Identifier: MIT */
/* fonts: the font map, families found through fontconfig, the choice of a
 * role's face, fallback between candidates, metrics, text checks. */
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fonts.h"
#include "text.h"

#define MAP FIXTURES "fonts/map.yaml"
#define GBSN "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
#define CFF_FONT "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf"
#define FONTCONFIG_FIXTURES FIXTURES "fonts/fontconfig/"

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
    /* zhongwen-only (opened, then passed over), gbsn00lp (two roles), uming
     * (two roles), zenhei, gkai00mp; the missing no-such-font.ttf is skipped
     * without a word. */
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
    assert_int_equal(fontset_load(FIXTURES "fonts/pdf-map.yaml", &fs, &d), 0);
    assert_int_equal(d.len, 0);
    fontset_free(fs);
    diag_list_free(&d);
}

static void test_incomplete_face_passed_over(void **state)
{
    (void)state;
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(MAP, &fs, &d), 0);
    /* zhongwen-only.ttf has 2 of the 6,763 hanzi: passed over, with a word. */
    assert_int_equal(d.len, 1);
    assert_int_equal(d.items[0].level, DIAG_WARNING);
    assert_int_equal(d.items[0].line, 7);
    assert_non_null(strstr(d.items[0].message, "zhongwen-only.ttf"));
    assert_non_null(strstr(d.items[0].message, "passed over for role xiaobiaosong: it lacks 6761 of the 6763 "
                                               "hanzi of GB 2312"));
    const font_candidate *c;
    assert_int_equal(fontset_candidates(fs, ROLE_XIAOBIAOSONG, &c), 2);
    assert_int_equal(c[0].status, FONT_CANDIDATE_INCOMPLETE);
    assert_int_equal(c[0].missing, 6761);
    assert_false(c[0].family);
    assert_string_equal(c[0].name, "zhongwen-only.ttf");
    assert_int_equal(c[1].status, FONT_CANDIDATE_CHOSEN);
    assert_string_equal(fontset_face_path(fs, c[1].face), GBSN);
    /* Its 中 is not drawn: the text is set in one face. */
    assert_int_equal(fontset_face_for(fs, ROLE_XIAOBIAOSONG, 0x4E2D), c[1].face);
    fontset_free(fs);
    diag_list_free(&d);
}

static void test_fallback_to_next_candidate(void **state)
{
    const fontset *fs = *state;
    /* 〇 is not in gbsn00lp, xiaobiaosong's face, nor in any fallback of it;
     * song falls back to UMing. */
    assert_int_equal(fontset_face_for(fs, ROLE_XIAOBIAOSONG, 0x3007), -1);
    int ling = fontset_face_for(fs, ROLE_SONG, 0x3007);
    assert_true(ling >= 0);
    assert_string_equal(fontset_face_family(fs, ling), "AR PL UMing CN");
    assert_int_equal(fontset_face_for(fs, ROLE_COUNT, 0x4E2D), -1);
    const font_candidate *c;
    assert_int_equal(fontset_candidates(fs, ROLE_SONG, &c), 2);
    assert_int_equal(c[0].status, FONT_CANDIDATE_CHOSEN);
    assert_int_equal(c[1].status, FONT_CANDIDATE_FALLBACK);
    /* A file this machine lacks is absent, resolved beside the map. */
    assert_int_equal(fontset_candidates(fs, ROLE_FANGSONG, &c), 2);
    assert_int_equal(c[0].status, FONT_CANDIDATE_ABSENT);
    assert_int_equal(c[0].face, -1);
    assert_true(ends_with(c[0].path, "fonts/no-such-font.ttf"));
    assert_int_equal(c[1].status, FONT_CANDIDATE_CHOSEN);
}

static void test_role_faces_and_coverage(void **state)
{
    const fontset *fs = *state;
    const int *faces;
    /* no-such-font.ttf is not among fangsong's faces; UMing is. */
    assert_int_equal(fontset_role_faces(fs, ROLE_FANGSONG, &faces), 1);
    assert_string_equal(fontset_face_family(fs, faces[0]), "AR PL UMing CN");
    /* The passed-over face draws nothing for its role. */
    assert_int_equal(fontset_role_faces(fs, ROLE_XIAOBIAOSONG, &faces), 1);
    assert_string_equal(fontset_face_path(fs, faces[0]), GBSN);
    assert_int_equal(fontset_role_faces(fs, ROLE_SONG, &faces), 2);
    assert_true(fontset_face_covers(fs, faces[0], 0x6807));   /* 标 */
    assert_false(fontset_face_covers(fs, faces[0], 0x3007));  /* 〇 */
    assert_true(fontset_face_covers(fs, faces[1], 0x3007));
    assert_false(fontset_face_covers(fs, faces[1], 0x20000));
    assert_false(fontset_face_covers(fs, -1, 0x4E2D));
    assert_int_equal(fontset_role_faces(fs, ROLE_COUNT, &faces), 0);
}

static void test_no_complete_face(void **state)
{
    (void)state;
    /* No candidate of the roles has all of GB 2312: the first usable one is
     * the face, the rest fall back, and nobody is warned. */
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(FIXTURES "fonts/cff-map.yaml", &fs, &d), 0);
    assert_int_equal(d.len, 0);
    const font_candidate *c;
    assert_int_equal(fontset_candidates(fs, ROLE_FANGSONG, &c), 1);
    assert_int_equal(c[0].status, FONT_CANDIDATE_CHOSEN);
    fontset_free(fs);
    diag_list_free(&d);
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

/* Writes a map whose every role lists the candidates, one YAML flow map a
 * line ("{file: /x.ttf}"), NULL-terminated. */
static char *temp_map_of(const char *const *candidates)
{
    char dir[] = "/tmp/gongwen-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    size_t n = strlen(dir) + 16;
    char *path = malloc(n);
    snprintf(path, n, "%s/map.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    const char *roles[] = {"xiaobiaosong", "fangsong", "hei", "kai", "song"};
    for (int r = 0; r < 5; r++) {
        fprintf(f, "%s:\n", roles[r]);
        for (const char *const *c = candidates; *c; c++)
            fprintf(f, "  - %s\n", *c);
    }
    fclose(f);
    return path;
}

/* Writes a map whose every role lists first (an absolute path), then gbsn00lp. */
static char *temp_map(const char *first)
{
    char *file = xasprintf("{file: %s}", first);
    const char *cands[] = {file, "{file: " GBSN "}", NULL};
    char *path = temp_map_of(cands);
    free(file);
    return path;
}

static void remove_temp_map(char *path)
{
    unlink(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
}

static void test_cff_face_accepted(void **state)
{
    (void)state;
    if (access(CFF_FONT, R_OK) != 0)
        skip();
    char *map = temp_map(CFF_FONT);
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(map, &fs, &d), 0);
    /* Nimbus Roman has no hanzi: passed over for gbsn00lp, which then draws
     * Latin too. */
    assert_int_equal(fontset_face_count(fs), 2);
    assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
    const font_candidate *c;
    fontset_candidates(fs, ROLE_HEI, &c);
    assert_int_equal(c[0].status, FONT_CANDIDATE_INCOMPLETE);
    assert_int_equal(c[0].missing, 6763);
    fontset_free(fs);
    diag_list_free(&d);
    remove_temp_map(map);
}

/* An absolute path to a fixture; the caller frees it. */
static char *fixture_path(const char *name)
{
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    return xasprintf("%s/" FIXTURES "fonts/%s", cwd, name);
}

static void test_unreadable_cff_skipped(void **state)
{
    (void)state;
    /* A CFF face whose CFF header is broken: skipped like a broken TrueType
     * face, with FreeType's word for it. */
    char *font = fixture_path("cff-damaged-header.otf");
    char *map = temp_map(font);
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(map, &fs, &d), 0);
    const diag *w = find_diag(&d, DIAG_WARNING, "skipped: FreeType cannot open it");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "cff-damaged-header.otf (face 0)"));
    assert_int_equal(fontset_face_count(fs), 1);
    const font_candidate *c;
    fontset_candidates(fs, ROLE_KAI, &c);
    assert_int_equal(c[0].status, FONT_CANDIDATE_UNUSABLE);
    assert_non_null(strstr(c[0].why, "FreeType cannot open it"));
    fontset_free(fs);
    diag_list_free(&d);
    remove_temp_map(map);
    free(font);
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

/* ---- families, through fontconfig ------------------------------------- */

/* A fontconfig configuration of its own for a test: Debian's fonts
 * (/usr/share/fonts, with the system's caches) and, unless NULL, the
 * fixtures' folder dir; FONTCONFIG_FILE names it until drop_fontconfig. */
typedef struct fc_env {
    char dir[32];
} fc_env;

static void use_fontconfig(fc_env *env, const char *dir)
{
    strcpy(env->dir, "/tmp/gongwen-fc-XXXXXX");
    assert_non_null(mkdtemp(env->dir));
    char *conf = xasprintf("%s/fonts.conf", env->dir);
    FILE *f = fopen(conf, "w");
    assert_non_null(f);
    fprintf(f, "<?xml version=\"1.0\"?>\n<fontconfig>\n");
    if (dir) {
        char *abs = fixture_path(dir);
        fprintf(f, "  <dir>%s</dir>\n", abs);
        free(abs);
    }
    fprintf(f, "  <dir>/usr/share/fonts</dir>\n  <cachedir>%s/cache</cachedir>\n"
               "  <cachedir>/var/cache/fontconfig</cachedir>\n</fontconfig>\n", env->dir);
    fclose(f);
    assert_int_equal(setenv("FONTCONFIG_FILE", conf, 1), 0);
    free(conf);
}

static void drop_fontconfig(fc_env *env)
{
    unsetenv("FONTCONFIG_FILE");
    char *cmd = xasprintf("rm -rf '%s'", env->dir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

/* The shipped map's candidate of role named name. */
static const font_candidate *candidate_named(const fontset *fs, font_role role, const char *name)
{
    const font_candidate *c;
    size_t n = fontset_candidates(fs, role, &c);
    for (size_t i = 0; i < n; i++)
        if (strcmp(c[i].name, name) == 0)
            return &c[i];
    fail_msg("no candidate %s", name);
    return NULL;
}

static void test_shipped_fontmap(void **state)
{
    (void)state;
    fc_env env;
    use_fontconfig(&env, NULL);
    diag_list d = {0};
    fontset *fs;
    int rc = fontset_load("fonts/fontmap.yaml", &fs, &d);
    if (rc != 0)
        diag_print(&d, stderr);
    assert_int_equal(rc, 0);
    assert_int_equal(d.len, 0);
    for (int r = 0; r < ROLE_COUNT; r++) {
        assert_true(fontset_face_for(fs, (font_role)r, 0x4E2D) >= 0);
        /* 〇 of 二〇一二年 must be reachable in every role through fallback. */
        assert_true(fontset_face_for(fs, (font_role)r, 0x3007) >= 0);
    }
    /* No office font here: Debian's free faces serve. */
    assert_int_equal(candidate_named(fs, ROLE_FANGSONG, "仿宋_GB2312")->status, FONT_CANDIDATE_ABSENT);
    const int *faces;
    fontset_role_faces(fs, ROLE_KAI, &faces);
    assert_string_equal(fontset_face_family(fs, faces[0]), "AR PL KaitiM GB");
    fontset_free(fs);
    diag_list_free(&d);
    drop_fontconfig(&env);
}

static void test_office_font_wins(void **state)
{
    (void)state;
    /* A font whose family is 仿宋_GB2312 (a renamed cut of a free face, its
     * other GB 2312 hanzi drawn blank) is installed: it draws the body, with
     * no change to the map. */
    fc_env env;
    use_fontconfig(&env, "fontconfig/gb2312");
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load("fonts/fontmap.yaml", &fs, &d), 0);
    assert_int_equal(d.len, 0);
    int face = fontset_face_for(fs, ROLE_FANGSONG, 0x8003); /* 考 */
    assert_true(ends_with(fontset_face_path(fs, face), "fontconfig/gb2312/fangsong-gb2312.ttf"));
    assert_string_equal(fontset_face_family(fs, face), "FangSong_GB2312");
    const font_candidate *c = candidate_named(fs, ROLE_FANGSONG, "仿宋_GB2312");
    assert_int_equal(c->status, FONT_CANDIDATE_CHOSEN);
    assert_int_equal(c->face, face);
    /* Its English name is the same face. */
    assert_int_equal(candidate_named(fs, ROLE_FANGSONG, "FangSong_GB2312")->status, FONT_CANDIDATE_REPEATED);
    /* The other roles are untouched. */
    assert_true(fontset_face_for(fs, ROLE_HEI, 0x8003) != face);
    fontset_free(fs);
    diag_list_free(&d);
    drop_fontconfig(&env);
}

static void test_incomplete_family_passed_over(void **state)
{
    (void)state;
    /* A font named 仿宋 with a few dozen hanzi: passed over, with a word, and
     * the next installed candidate draws the body. */
    fc_env env;
    use_fontconfig(&env, "fontconfig/partial");
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load("fonts/fontmap.yaml", &fs, &d), 0);
    const font_candidate *c = candidate_named(fs, ROLE_FANGSONG, "仿宋");
    assert_int_equal(c->status, FONT_CANDIDATE_INCOMPLETE);
    assert_true(c->missing > 6700 && c->missing < 6763);
    assert_true(ends_with(c->path, "fangsong-partial.ttf"));
    assert_int_equal(d.len, 1);
    assert_int_equal(d.items[0].line, c->line);
    assert_non_null(strstr(d.items[0].message, "仿宋 ("));
    assert_non_null(strstr(d.items[0].message, "passed over for role fangsong"));
    int face = fontset_face_for(fs, ROLE_FANGSONG, 0x8003);
    assert_true(face >= 0 && face != c->face);
    fontset_free(fs);
    diag_list_free(&d);
    drop_fontconfig(&env);
}

static void test_family_names(void **state)
{
    (void)state;
    /* Names are matched in any of their languages, by full and PostScript
     * name, ASCII case and spaces aside; a style the font lacks is not it. */
    fc_env env;
    use_fontconfig(&env, "fontconfig/gb2312");
    const char *cands[] = {"{family: No Such Font}", "{family: 仿宋_GB2312, style: Bold}",
                           "{family: fang song_gb2312}", NULL};
    char *map = temp_map_of(cands);
    diag_list d = {0};
    fontset *fs;
    assert_int_equal(fontset_load(map, &fs, &d), 0);
    const font_candidate *c;
    assert_int_equal(fontset_candidates(fs, ROLE_FANGSONG, &c), 3);
    assert_int_equal(c[0].status, FONT_CANDIDATE_ABSENT);
    assert_null(c[0].path);
    assert_int_equal(c[1].status, FONT_CANDIDATE_ABSENT);
    assert_string_equal(c[1].style, "Bold");
    assert_int_equal(c[2].status, FONT_CANDIDATE_CHOSEN);
    assert_true(ends_with(c[2].path, "fangsong-gb2312.ttf"));
    fontset_free(fs);
    diag_list_free(&d);
    remove_temp_map(map);
    drop_fontconfig(&env);
}

static void test_family_not_installed(void **state)
{
    (void)state;
    fc_env env;
    use_fontconfig(&env, NULL);
    const char *cands[] = {"{family: No Such Font}", NULL};
    char *map = temp_map_of(cands);
    diag_list d = {0};
    fontset *fs = (fontset *)1;
    assert_int_equal(fontset_load(map, &fs, &d), -1);
    assert_null(fs);
    const diag *e = find_diag(&d, DIAG_ERROR, "role xiaobiaosong: none of its 1 candidate fonts is installed");
    assert_non_null(e);
    assert_int_equal(e->line, 2);
    diag_list_free(&d);
    remove_temp_map(map);
    drop_fontconfig(&env);
}

static void test_candidate_forms(void **state)
{
    (void)state;
    const char *bad[] = {"{family: 仿宋, file: x.ttf}", "{family: 仿宋, index: 1}", "{file: x.ttf, style: Bold}",
                         "{style: Bold}", "{family: ''}", "仿宋"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *cands[] = {bad[i], NULL};
        char *map = temp_map_of(cands);
        diag_list d = {0};
        fontset *fs;
        assert_int_equal(fontset_load(map, &fs, &d), -1);
        const diag *e = find_diag(&d, DIAG_ERROR, "{family: NAME}");
        if (!e)
            fail_msg("%s: no error naming the forms", bad[i]);
        assert_int_equal(e->line, 2);
        diag_list_free(&d);
        remove_temp_map(map);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_names),
        cmocka_unit_test_setup_teardown(test_load_opens_each_face_once, setup, teardown),
        cmocka_unit_test(test_quiet_load),
        cmocka_unit_test(test_incomplete_face_passed_over),
        cmocka_unit_test_setup_teardown(test_fallback_to_next_candidate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_faces_and_coverage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metrics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_text_ok, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_text_missing_glyph, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_text_beyond_bmp, setup, teardown),
        cmocka_unit_test(test_unknown_role),
        cmocka_unit_test(test_role_without_face),
        cmocka_unit_test(test_missing_map),
        cmocka_unit_test(test_no_complete_face),
        cmocka_unit_test(test_cff_face_accepted),
        cmocka_unit_test(test_unreadable_cff_skipped),
        cmocka_unit_test(test_not_a_font_skipped),
        cmocka_unit_test(test_candidate_forms),
        cmocka_unit_test(test_shipped_fontmap),
        cmocka_unit_test(test_office_font_wins),
        cmocka_unit_test(test_incomplete_family_passed_over),
        cmocka_unit_test(test_family_names),
        cmocka_unit_test(test_family_not_installed),
    };
    return cmocka_run_group_tests_name("fonts", tests, NULL, NULL);
}
