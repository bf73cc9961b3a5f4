/* SPDX-License-Identifier: MIT */
/* pdfwrite: a hand-made two-page document written to PDF and read back with
 * poppler, qpdf and mupdf; determinism; failures; fonts shared by documents;
 * the ToUnicode CMap. */
#include "testutil.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "pdffontprog.h"
#include "fonts.h"
#include "page.h"
#include "pdfwrite.h"
#include "text.h"
#include "pdftounicode.h"

#define MAP FIXTURES "fonts/pdf-map.yaml"

typedef struct fixture {
    fontset *fs;
    char dir[64];     /* a fresh temporary folder for output */
} fixture;

static const rgb BLACK = {0, 0, 0};
static const rgb RED = {0.902, 0.0, 0.071};

/* Adds text in role at (x, y): one op per run of characters drawn by the same
 * face, as the typesetter does. */
static void add_text(page *p, const fontset *fs, font_role role, double size, double x, double y,
                     bool bold, rgb color, const char *text)
{
    size_t n;
    uint32_t *cps = utf8_to_cps(text, &n);
    size_t start = 0;
    while (start < n) {
        int face = fontset_face_for(fs, role, cps[start]);
        assert_true(face >= 0);
        size_t end = start + 1;
        while (end < n && fontset_face_for(fs, role, cps[end]) == face)
            end++;
        page_add_text(p, face, size, x, y, 0.0, bold, color, cps + start, end - start);
        for (size_t i = start; i < end; i++)
            x += fontset_advance(fs, face, cps[i]) * size;
        start = end;
    }
    free(cps);
}

static void build_doc(page_list *doc, const fontset *fs)
{
    memset(doc, 0, sizeof *doc);
    page *p1 = page_list_add(doc);
    add_text(p1, fs, ROLE_XIAOBIAOSONG, 22, 100, 700, true, RED, "乐山市教科文卫体工会");
    page_add_line(p1, 79.4, 680, 515.9, 680, 1.0, RED);
    add_text(p1, fs, ROLE_FANGSONG, 16, 79.4, 640, false, BLACK, "各基层工会：现将二〇一二年目标考核细则印发给你们。");
    add_text(p1, fs, ROLE_SONG, 14, 280, 50, false, BLACK, "— 1 —");
    page *p2 = page_list_add(doc);
    add_text(p2, fs, ROLE_HEI, 16, 79.4, 760, false, BLACK, "一、考核内容");
    add_text(p2, fs, ROLE_KAI, 16, 79.4, 730, false, BLACK, "（一）服务科学发展");
    page_add_line(p2, 79.4, 700, 515.9, 700, 0.75, BLACK);
    /* Latin-1 (± · ×) and ASCII beside hanzi in one face. */
    add_text(p2, fs, ROLE_FANGSONG, 12, 79.4, 680, false, BLACK, "合计 100 分（±0.5·2×3）");
    /* Letter-spaced (Tc) after bold text: the spacing and the plain fill
     * mode must both be set again. */
    const uint32_t fujian[] = {0x9644, 0x4EF6}; /* 附件 */
    page_add_text(p2, fontset_face_for(fs, ROLE_HEI, 0x9644), 16, 79.4, 650, 16.0, false, BLACK,
                  fujian, 2);
}

/* The fonts of MAP, or of the map a test names as its initial state. */
static int setup(void **state)
{
    const char *map = *state ? *state : MAP;
    fixture *fx = calloc(1, sizeof *fx);
    diag_list d = {0};
    int rc = fontset_load(map, &fx->fs, &d);
    if (rc != 0)
        diag_print(&d, stderr);
    diag_list_free(&d);
    strcpy(fx->dir, "/tmp/gongwen-pdf-XXXXXX");
    if (!mkdtemp(fx->dir))
        rc = -1;
    *state = fx;
    return rc;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    int rc = system(cmd);
    fontset_free(fx->fs);
    free(fx);
    return rc;
}

static char *path_in(const fixture *fx, const char *name)
{
    return xasprintf("%s/%s", fx->dir, name);
}

/* Output (stdout and stderr together) of the shell command fmt makes; its
 * exit status in *status unless that is NULL. */
static char *run(int *status, const char *fmt, ...) GW_PRINTF(2, 3);
static char *run(int *status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *cmd = xvasprintf(fmt, ap);
    va_end(ap);
    char *full = xasprintf("%s 2>&1", cmd);
    free(cmd);
    FILE *p = popen(full, "r");
    free(full);
    assert_non_null(p);
    strbuf out = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        sb_put(&out, buf, n);
    int st = pclose(p);
    if (status)
        *status = st;
    return sb_take(&out);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    strbuf b = {0};
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_put(&b, buf, n);
    fclose(f);
    *len = b.len;
    return sb_take(&b);
}

static int write_doc(const fixture *fx, const pdf_info *info, const char *out, diag_list *d)
{
    page_list doc;
    build_doc(&doc, fx->fs);
    int rc = pdf_write(&doc, fx->fs, NULL, info, out, d);
    page_list_free(&doc);
    if (rc != 0)
        diag_print(d, stderr);
    return rc;
}

static void test_writes_readable_pdf(void **state)
{
    fixture *fx = *state;
    char *out = path_in(fx, "notice.pdf");
    diag_list d = {0};
    assert_int_equal(write_doc(fx, NULL, out, &d), 0);
    assert_int_equal(d.len, 0);

    size_t len;
    char *bytes = read_file(out, &len);
    assert_true(len > 5 && memcmp(bytes, "%PDF-", 5) == 0);
    assert_true(len < 60 * 1024);
    free(bytes);

    int st;
    char *text = run(&st, "pdftotext -layout '%s' -", out);
    assert_int_equal(st, 0);
    assert_non_null(strstr(text, "乐山市教科文卫体工会"));
    assert_non_null(strstr(text, "各基层工会：现将二〇一二年目标考核细则印发给你们。"));
    assert_non_null(strstr(text, "一、考核内容"));
    assert_non_null(strstr(text, "（一）服务科学发展"));
    assert_non_null(strstr(text, "合计 100 分（±0.5·2×3）"));
    assert_null(strstr(text, "Error"));
    assert_null(strstr(text, "Warning"));
    free(text);

    /* This mupdf build says "ICC support is not available" about itself. */
    text = run(&st, "mutool draw -F txt -o - '%s' 2>&1 | grep -v 'ICC support'", out);
    assert_int_equal(st, 0);
    assert_non_null(strstr(text, "一、考核内容"));
    assert_null(strstr(text, "warning"));
    assert_null(strstr(text, "error"));
    free(text);

    text = run(&st, "qpdf --check '%s'", out);
    assert_int_equal(st, 0);
    assert_null(strstr(text, "WARNING"));
    free(text);

    text = run(&st, "pdfinfo '%s'", out);
    assert_non_null(strstr(text, "Pages:           2"));
    assert_non_null(strstr(text, "595.276 x 841.89 pts (A4)"));
    assert_non_null(strstr(text, "Creator:         gongwen"));
    assert_null(strstr(text, "CreationDate"));
    free(text);
    free(out);
}

static void test_fonts_embedded_and_subset(void **state)
{
    fixture *fx = *state;
    char *out = path_in(fx, "fonts.pdf");
    diag_list d = {0};
    assert_int_equal(write_doc(fx, NULL, out, &d), 0);
    int st;
    char *text = run(&st, "pdffonts '%s'", out);
    assert_int_equal(st, 0);
    /* Four faces drawn: gbsn00lp (xiaobiaosong and song), UMing, Zen Hei, gkai00mp. */
    int fonts = 0;
    for (char *line = strstr(text, "CID TrueType"); line; line = strstr(line + 1, "CID TrueType")) {
        fonts++;
        char *eol = strchr(line, '\n');
        char row[256];
        size_t n = eol ? (size_t)(eol - line) : strlen(line);
        snprintf(row, sizeof row, "%.*s", (int)n, line);
        assert_non_null(strstr(row, "Identity-H       yes yes yes"));
    }
    assert_int_equal(fonts, 4);
    free(text);
    free(out);
}

static void test_output_is_deterministic(void **state)
{
    fixture *fx = *state;
    char *a = path_in(fx, "a.pdf"), *b = path_in(fx, "b.pdf");
    pdf_info info = {.title = "关于印发目标考核细则的通知", .author = "乐山市教科文卫体工会",
                     .subject = "目标考核", .keywords = "考核 细则", .epoch = 1333238400};
    diag_list d = {0};
    assert_int_equal(write_doc(fx, &info, a, &d), 0);
    assert_int_equal(write_doc(fx, &info, b, &d), 0);
    size_t la, lb;
    char *da = read_file(a, &la), *db = read_file(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);

    char *text = run(NULL, "pdfinfo -isodates '%s'", a);
    assert_non_null(strstr(text, "Title:           关于印发目标考核细则的通知"));
    assert_non_null(strstr(text, "Author:          乐山市教科文卫体工会"));
    assert_non_null(strstr(text, "Subject:         目标考核"));
    assert_non_null(strstr(text, "Keywords:        考核 细则"));
    assert_non_null(strstr(text, "CreationDate:    2012-04-01T00:00:00Z"));
    assert_non_null(strstr(text, "ModDate:         2012-04-01T00:00:00Z"));
    free(text);
    free(a);
    free(b);
}

/* An attachment is the bytes given, stored under its bare name: what was
 * parsed is what is embedded, whatever the file on disk holds by then. */
static void test_attachment_by_bare_name(void **state)
{
    fixture *fx = *state;
    static const char bytes[] = "一、服务科学发展 18 分\n";
    char *want = path_in(fx, "want.txt");
    FILE *f = fopen(want, "w");
    assert_non_null(f);
    fputs(bytes, f);
    fclose(f);
    char *out = path_in(fx, "attached.pdf");
    pdf_attachment atts[] = {{.name = "附件1 考核细则.txt", .data = bytes, .len = strlen(bytes)}};
    pdf_info info = {.title = "附件", .epoch = -1, .attachments = atts, .nattachments = 1};
    diag_list d = {0};
    assert_int_equal(write_doc(fx, &info, out, &d), 0);

    int st;
    char *text = run(&st, "pdfdetach -list '%s'", out);
    assert_int_equal(st, 0);
    assert_non_null(strstr(text, "1: 附件1 考核细则.txt"));
    free(text);
    /* The name tree's key is the name too (UTF-16), not its bytes as PDFDocEncoding. */
    text = run(&st, "qpdf --list-attachments '%s'", out);
    assert_int_equal(st, 0);
    assert_non_null(strstr(text, "附件1 考核细则.txt -> "));
    free(text);

    char *saved = path_in(fx, "saved.txt");
    text = run(&st, "pdfdetach -save 1 -o '%s' '%s' && cmp '%s' '%s'", saved, out, saved, want);
    assert_int_equal(st, 0);
    free(text);

    text = run(&st, "qpdf --check '%s'", out);
    assert_int_equal(st, 0);
    assert_null(strstr(text, "WARNING"));
    free(text);
    free(saved);
    free(out);
    free(want);
}

/* Two attachments of one name, or a name that is a path: refused, no PDF. */
static void test_bad_attachment_names(void **state)
{
    fixture *fx = *state;
    char *out = path_in(fx, "x.pdf");
    const pdf_attachment twice[] = {{.name = "细则.md", .data = "a", .len = 1}, {.name = "细则.md", .data = "b", .len = 1}};
    const pdf_attachment path[] = {{.name = "../细则.md", .data = "a", .len = 1}};
    const struct { const pdf_attachment *atts; size_t n; const char *message; } cases[] = {
        {twice, 2, "cannot attach: 细则.md is attached twice"},
        {path, 1, "cannot attach '../细则.md': not a file name"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pdf_info info = {.epoch = -1, .attachments = cases[i].atts, .nattachments = cases[i].n};
        diag_list d = {0};
        page_list doc;
        build_doc(&doc, fx->fs);
        assert_int_equal(pdf_write(&doc, fx->fs, NULL, &info, out, &d), -1);
        page_list_free(&doc);
        assert_int_equal(d.len, 1);
        assert_string_equal(d.items[0].message, cases[i].message);
        assert_int_equal(access(out, F_OK), -1);
        diag_list_free(&d);
    }
    free(out);
}

/* Entries of dir other than . and .. */
static int count_entries(const char *dir)
{
    char *text = run(NULL, "ls -A '%s' | wc -l", dir);
    int n = atoi(text);
    free(text);
    return n;
}

static void test_unwritable_destination(void **state)
{
    fixture *fx = *state;
    page_list doc;
    build_doc(&doc, fx->fs);
    diag_list d = {0};
    char *out = path_in(fx, "no-such-dir/out.pdf");
    assert_int_equal(pdf_write(&doc, fx->fs, NULL, NULL, out, &d), -1);
    assert_int_equal(d.len, 1);
    assert_string_equal(d.items[0].file, out);
    assert_non_null(strstr(d.items[0].message, "cannot write PDF: No such file or directory"));
    diag_list_free(&d);
    free(out);

    /* A directory in the way: the temporary file is made, the rename fails,
     * and the temporary file must be gone again. */
    out = path_in(fx, "taken");
    assert_int_equal(mkdir(out, 0755), 0);
    int before = count_entries(fx->dir);
    assert_int_equal(pdf_write(&doc, fx->fs, NULL, NULL, out, &d), -1);
    assert_non_null(strstr(d.items[0].message, "cannot write PDF"));
    assert_int_equal(count_entries(fx->dir), before);
    diag_list_free(&d);
    free(out);
    page_list_free(&doc);
}

static void test_replaces_existing_file(void **state)
{
    fixture *fx = *state;
    char *out = path_in(fx, "old.pdf");
    FILE *f = fopen(out, "w");
    assert_non_null(f);
    fputs("old", f);
    fclose(f);
    diag_list d = {0};
    assert_int_equal(write_doc(fx, NULL, out, &d), 0);
    size_t len;
    char *bytes = read_file(out, &len);
    assert_memory_equal(bytes, "%PDF-", 5);
    free(bytes);
    assert_int_equal(count_entries(fx->dir), 1);
    free(out);
}

/* Draws text with the fixture's faces and returns pdftotext's and
 * pdffonts' output, the two concatenated. */
static char *write_and_read(const fixture *fx, const page_list *doc, const font_program *const *shared,
                            const char *name)
{
    char *out = path_in(fx, name);
    diag_list d = {0};
    int rc = pdf_write(doc, fx->fs, shared, NULL, out, &d);
    if (rc != 0)
        diag_print(&d, stderr);
    assert_int_equal(rc, 0);
    diag_list_free(&d);
    int st;
    char *text = run(&st, "pdftotext '%s' - && pdffonts '%s' && qpdf --check '%s'", out, out, out);
    assert_int_equal(st, 0);
    free(out);
    return text;
}

static int count_lines_with(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_same_postscript_name_both_embedded(void **state)
{
    fixture *fx = *state;
    /* song is zhongwen-only.ttf, a cut of gbsn00lp (so the same PostScript
     * name), xiaobiaosong gbsn00lp: each subset gets a tag of its own. */
    page_list doc = {0};
    page *p = page_list_add(&doc);
    add_text(p, fx->fs, ROLE_SONG, 14, 100, 100, false, BLACK, "中");
    add_text(p, fx->fs, ROLE_XIAOBIAOSONG, 14, 114, 100, false, BLACK, "标");
    char *text = write_and_read(fx, &doc, NULL, "dup.pdf");
    assert_non_null(strstr(text, "中标"));
    assert_int_equal(count_lines_with(text, "+BousungEG-Light-GB"), 2);
    free(text);
    page_list_free(&doc);
}

/* CFF faces, CID-keyed and name-keyed, embedded as CIDFontType0 with
 * FontFile3: the text comes back through poppler and mupdf, and qpdf finds
 * nothing wrong. */
static void test_cff_faces_embedded(void **state)
{
    fixture *fx = *state;
    page_list doc = {0};
    page *p = page_list_add(&doc);
    /* ⼀ shares 一's glyph, ‒ –'s: each comes back as itself. */
    add_text(p, fx->fs, ROLE_FANGSONG, 16, 80, 700, false, BLACK, "考核细则一⼀12‒–");
    add_text(p, fx->fs, ROLE_HEI, 16, 80, 650, false, BLACK, "Ab1");
    char *out = path_in(fx, "cff.pdf");
    diag_list d = {0};
    assert_int_equal(pdf_write(&doc, fx->fs, NULL, NULL, out, &d), 0);
    int st;
    char *text = run(&st, "pdffonts '%s'", out);
    assert_int_equal(st, 0);
    assert_int_equal(count_lines_with(text, "CID Type 0C       Identity-H       yes yes yes"), 2);
    assert_non_null(strstr(text, "+NotoSerifCJKsc-Regular-Identity-H "));
    assert_non_null(strstr(text, "+NimbusRoman-Regular-Identity-H "));
    free(text);
    text = run(&st, "pdftotext '%s' -", out);
    assert_int_equal(st, 0);
    assert_non_null(strstr(text, "考核细则一⼀12‒–\nAb1"));
    free(text);
    text = run(&st, "mutool draw -F txt -o - '%s' 2>&1 | grep -v 'ICC support'", out);
    assert_non_null(strstr(text, "考核细则一⼀12‒–\n"));
    assert_non_null(strstr(text, "\nAb1\n"));
    assert_null(strstr(text, "warning"));
    assert_null(strstr(text, "error"));
    free(text);
    text = run(&st, "qpdf --check '%s'", out);
    assert_int_equal(st, 0);
    assert_null(strstr(text, "WARNING"));
    free(text);
    free(out);
    page_list_free(&doc);
}

/* Programs of the fixture's faces made for the characters of utf8 in role. */
static font_program **programs_for(const fixture *fx, font_role role, const char *utf8)
{
    size_t n, nfaces = fontset_face_count(fx->fs);
    uint32_t *cps = utf8_to_cps(utf8, &n);
    page_list doc = {0};
    page_add_text(page_list_add(&doc), fontset_face_for(fx->fs, role, cps[0]), 12, 0, 0, 0,
                  false, BLACK, cps, n);
    uint32_t **per = xcalloc(nfaces, sizeof *per);
    size_t *nper = xcalloc(nfaces, sizeof *nper);
    assert_int_equal(page_list_face_cps(&doc, nfaces, per, nper), 0);
    font_program **fps = xcalloc(nfaces, sizeof *fps);
    diag_list d = {0};
    for (size_t f = 0; f < nfaces; f++) {
        if (nper[f] > 0)
            assert_int_equal(font_program_make(fontset_face_path(fx->fs, (int)f),
                                               fontset_face_index(fx->fs, (int)f), per[f], nper[f],
                                               &fps[f], &d), 0);
        free(per[f]);
    }
    free(per);
    free(nper);
    free(cps);
    page_list_free(&doc);
    return fps;
}

static void programs_free(const fixture *fx, font_program **fps)
{
    for (size_t f = 0; f < fontset_face_count(fx->fs); f++)
        font_program_free(fps[f]);
    free(fps);
}

static void test_shared_programs_serve_their_characters(void **state)
{
    fixture *fx = *state;
    /* A batch's form: the shared program holds 考核细则; a unit draws
     * 考核 and its own name. */
    font_program **form = programs_for(fx, ROLE_FANGSONG, "考核细则");
    page_list doc = {0};
    add_text(page_list_add(&doc), fx->fs, ROLE_FANGSONG, 16, 80, 700, false, BLACK,
             "考核单位乐山一中考核");
    char *text = write_and_read(fx, &doc, (const font_program *const *)form, "unit.pdf");
    assert_non_null(strstr(text, "考核单位乐山一中考核"));
    /* The form's subset, whole, and one of the unit's own characters. */
    assert_non_null(strstr(text, form[fontset_face_for(fx->fs, ROLE_FANGSONG, 0x8003)]->name));
    assert_int_equal(count_lines_with(text, "+UMingCN"), 2);
    free(text);

    /* A document drawing none of the shared characters embeds none of them. */
    page_list other = {0};
    add_text(page_list_add(&other), fx->fs, ROLE_FANGSONG, 16, 80, 700, false, BLACK, "乐山");
    text = write_and_read(fx, &other, (const font_program *const *)form, "other.pdf");
    assert_int_equal(count_lines_with(text, "+UMingCN"), 1);
    assert_null(strstr(text, form[fontset_face_for(fx->fs, ROLE_FANGSONG, 0x8003)]->name));
    free(text);
    page_list_free(&other);
    page_list_free(&doc);
    programs_free(fx, form);
}

static void test_tounicode_cmap(void **state)
{
    (void)state;
    uint16_t cids[] = {1, 2, 3, 7, 0x10, 0x100, 0x101, 0x4E2D};
    uint32_t cps[] = {0x4E2D, 0x41, 0x42, 0x43, 0xFF, 0x100, 0x3007, 0x20};
    char *cmap = pdftounicode_cmap(cids, cps, sizeof cps / sizeof *cps);
    assert_non_null(strstr(cmap, "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange"));
    assert_non_null(strstr(cmap, "8 beginbfchar\n<0001> <4E2D>\n<0002> <0041>\n<0003> <0042>\n"
                                 "<0007> <0043>\n<0010> <00FF>\n<0100> <0100>\n<0101> <3007>\n"
                                 "<4E2D> <0020>\nendbfchar\nendcmap"));
    /* Ghostscript 10.0 misreads bfrange, and a CID range is invalid here. */
    assert_null(strstr(cmap, "bfrange"));
    assert_null(strstr(cmap, "cidrange"));
    free(cmap);

    /* Beyond the BMP the destination is a UTF-16 surrogate pair. */
    uint16_t rare_cid = 5;
    uint32_t rare_cp = 0x20BB7; /* 𠮷 */
    cmap = pdftounicode_cmap(&rare_cid, &rare_cp, 1);
    assert_non_null(strstr(cmap, "1 beginbfchar\n<0005> <D842DFB7>\nendbfchar"));
    free(cmap);

    /* At most 100 entries per block. */
    uint16_t codes[150];
    uint32_t many[150];
    for (int i = 0; i < 150; i++) {
        codes[i] = (uint16_t)(3 + i);
        many[i] = 0x4E00 + 2 * (uint32_t)i;
    }
    cmap = pdftounicode_cmap(codes, many, 150);
    assert_non_null(strstr(cmap, "100 beginbfchar\n<0003> <4E00>\n"));
    assert_non_null(strstr(cmap, "<0066> <4EC6>\nendbfchar\n50 beginbfchar\n<0067> <4EC8>\n"));
    assert_non_null(strstr(cmap, "<0098> <4F2A>\nendbfchar\nendcmap"));
    free(cmap);
}

static void test_empty_document_refused(void **state)
{
    fixture *fx = *state;
    page_list doc = {0};
    char *out = path_in(fx, "empty.pdf");
    diag_list d = {0};
    assert_int_equal(pdf_write(&doc, fx->fs, NULL, NULL, out, &d), -1);
    assert_non_null(strstr(d.items[0].message, "no pages"));
    diag_list_free(&d);
    free(out);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define T_MAP(f, map) cmocka_unit_test_prestate_setup_teardown(f, setup, teardown, (void *)(map))
    const struct CMUnitTest tests[] = {
        T(test_writes_readable_pdf),
        T(test_fonts_embedded_and_subset),
        T(test_output_is_deterministic),
        T(test_attachment_by_bare_name),
        T(test_bad_attachment_names),
        T(test_unwritable_destination),
        T(test_replaces_existing_file),
        T_MAP(test_same_postscript_name_both_embedded, FIXTURES "fonts/same-name-map.yaml"),
        T_MAP(test_cff_faces_embedded, FIXTURES "fonts/cff-map.yaml"),
        T(test_shared_programs_serve_their_characters),
        cmocka_unit_test(test_tounicode_cmap),
        T(test_empty_document_refused),
    };
#undef T
#undef T_MAP
    return cmocka_run_group_tests_name("pdfwrite", tests, NULL, NULL);
}
