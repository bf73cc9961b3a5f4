/* SPDX-License-Identifier: MIT */
/* The 单位名单: from the front matter or a file beside the rubric (text in
 * either encoding, CSV, XLSX), each name at its line or cell; checked; and a
 * batch held against it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "testutil.h"

#include "check.h"
#include "diag.h"
#include "parse.h"
#include "roster.h"
#include "scores.h"
#include "text.h"

static char dir[] = "/tmp/gongwen-roster-XXXXXX";

static int make_dir(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    return rc;
}

static void put(const char *name, const char *bytes, size_t len)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    free(path);
}

#define BODY "\n# 附件：细则\n\n## (一)甲 **100分**\n\n- 1.一 **100分**\n"

/* The rubric with front matter lines fm, parsed and checked; findings into d. */
static document *rubric_with(const char *fm, const char *body, diag_list *d, int *rc)
{
    char *md = xasprintf("---\n版式: leshan\n%s---\n%s", fm, body);
    put("r.md", md, strlen(md));
    free(md);
    char *path = xasprintf("%s/r.md", dir);
    document *doc = NULL;
    *rc = rubric_parse_file(path, &doc, d);
    check_summary s;
    if (*rc == 0)
        *rc = check_document(doc, NULL, &s, d);
    free(path);
    return doc;
}

static void test_list(void **state)
{
    (void)state;
    diag_list d = {0};
    int rc;
    document *doc = rubric_with("单位名单:\n  - 甲工会\n  - \" 乙工会 \"\n", BODY, &d, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(doc->roster.len, 2);
    assert_string_equal(doc->roster.items[1].name, "乙工会");
    assert_int_equal(doc->roster.items[1].line, 5);
    assert_true(strstr(doc->roster.path, "r.md") != NULL);
    document_free(doc);
    diag_list_free(&d);
}

static void test_text_file(void **state)
{
    (void)state;
    /* 甲工会 / 乙工会 / 丙工会 in GB18030, as Notepad saves "ANSI" on a Chinese Windows. */
    static const char gb[] = "# 2025\r\n\xBC\xD7\xB9\xA4\xBB\xE1\r\n\r\n\xD2\xD2\xB9\xA4\xBB\xE1\r\n  \xB1\xFB\xB9\xA4\xBB\xE1 \r\n";
    put("名单.txt", gb, sizeof gb - 1);
    diag_list d = {0};
    int rc;
    document *doc = rubric_with("单位名单: 名单.txt\n", BODY, &d, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(doc->roster.len, 3);
    assert_string_equal(doc->roster.items[0].name, "甲工会");
    assert_int_equal(doc->roster.items[0].line, 2);
    assert_string_equal(doc->roster.items[2].name, "丙工会");
    assert_int_equal(doc->roster.items[2].line, 5);
    assert_true(strstr(doc->roster.path, "名单.txt") != NULL);
    document_free(doc);
    diag_list_free(&d);
}

static void test_spreadsheets(void **state)
{
    (void)state;
    /* CSV: the column headed 单位名称, below its header. */
    const char csv[] = "\xEF\xBB\xBF序号,单位名称,联系人\r\n1,甲工会,张\r\n2,乙工会,李\r\n";
    put("名单.csv", csv, sizeof csv - 1);
    diag_list d = {0};
    int rc;
    document *doc = rubric_with("单位名单: 名单.csv\n", BODY, &d, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(doc->roster.len, 2);
    assert_string_equal(doc->roster.items[1].name, "乙工会");
    assert_int_equal(doc->roster.items[1].line, 3);
    assert_int_equal(doc->roster.items[1].column, 2);
    document_free(doc);
    /* XLSX with no header: the first column, from the top. */
    char *path = xasprintf("%s/名单.xlsx", dir);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    worksheet_write_string(ws, 0, 0, "甲工会", NULL);
    worksheet_write_string(ws, 2, 0, "乙工会", NULL);
    worksheet_write_string(ws, 2, 1, "备注", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    free(path);
    doc = rubric_with("单位名单: 名单.XLSX\n", BODY, &d, &rc);
    assert_int_equal(rc, -1); /* the file is 名单.xlsx: a name is looked up as written */
    document_free(doc);
    diag_list_free(&d);
    doc = rubric_with("单位名单: 名单.xlsx\n", BODY, &d, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(doc->roster.len, 2);
    assert_int_equal(doc->roster.items[1].line, 3);
    assert_int_equal(doc->roster.items[1].column, 1);
    document_free(doc);
    diag_list_free(&d);
}

/* Each wrong roster, and the first finding as "FILE-END:LINE:COLUMN: message". */
static void test_rejections(void **state)
{
    (void)state;
    put("twice.txt", "甲工会\n乙工会\n甲工会\n", strlen("甲工会\n乙工会\n甲工会\n"));
    put("twice.csv", "单位\n甲工会\n甲工会\n", strlen("单位\n甲工会\n甲工会\n"));
    put("empty.txt", "# none yet\n\n", strlen("# none yet\n\n"));
    static const char tables[] = "\n# 附件：细则\n\n## 单位：甲工会\n\n## (一)甲 **100分**\n\n- 1.一 **100分**\n";
    static const struct {
        const char *fm, *body, *expected;
    } cases[] = {
        {"单位名单:\n  - 甲工会\n  - 甲工会\n", BODY, "r.md:5:0: '甲工会' is on the 单位名单 twice (first on line 4)"},
        {"单位名单: twice.txt\n", BODY, "twice.txt:3:0: '甲工会' is on the 单位名单 twice (first on line 1)"},
        {"单位名单: twice.csv\n", BODY, "twice.csv:3:1: '甲工会' is on the 单位名单 twice (first at A2)"},
        {"单位名单: empty.txt\n", BODY, "empty.txt:0:0: the 单位名单 names no unit"},
        {"单位名单: none.txt\n", BODY, "none.txt:0:0: cannot open: No such file or directory"},
        {"单位名单: 甲工会\n", BODY,
         "r.md:3:0: '单位名单' is a list of units ('- NAME' lines under it) or a file beside the rubric ending in .txt, .csv or .xlsx, not '甲工会'"},
        {"单位名单:\n  - [甲]\n", BODY, "r.md:4:0: a 单位名单 entry is the name of one unit"},
        {"单位名单:\n  a: b\n", BODY, "r.md:3:0: '单位名单' is a list of units ('- NAME' lines under it) or the name of a file beside the rubric"},
        {"单位名单:\n  - 甲工会\n  - 乙工会\n", tables,
         "r.md:5:0: '乙工会' is on the 单位名单, but the rubric has no table for it (## 单位：乙工会)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diag_list d = {0};
        int rc;
        document *doc = rubric_with(cases[i].fm, cases[i].body, &d, &rc);
        assert_int_equal(rc, -1);
        assert_true(d.len > 0);
        const char *file = strrchr(d.items[0].file, '/') + 1;
        char *got = xasprintf("%s:%d:%d: %s", file, d.items[0].line, d.items[0].column, d.items[0].message);
        if (strcmp(got, cases[i].expected) != 0)
            print_error("case %zu\n", i);
        assert_string_equal(got, cases[i].expected);
        free(got);
        document_free(doc);
        diag_list_free(&d);
    }
}

static scoresheet *sheet(const char *path, const char *unit_name, int line, int col)
{
    scoresheet *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->unit = xstrdup(unit_name);
    s->unit_line = line;
    s->unit_column = col;
    return s;
}

static void test_batch_against_roster(void **state)
{
    (void)state;
    roster r = {.path = xstrdup("名单.txt")};
    roster_add(&r, "甲工会", 1, 0);
    roster_add(&r, "乙工会", 2, 0);
    roster_add(&r, "丙工会", 3, 0);
    const scoresheet *sheets[] = {
        sheet("a.yaml", "甲工会", 1, 0),
        sheet("分数.xlsx", "丁工会", 5, 1),
        sheet("分数.xlsx", "甲工会", 7, 1),
    };
    diag_list d = {0};
    bool reported[3];
    assert_int_equal(roster_check_sheets(&r, sheets, 3, DIAG_WARNING, reported, &d), 4);
    assert_true(reported[0] && !reported[1] && !reported[2]);
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    diag_print(&d, f);
    fclose(f);
    assert_string_equal(text, "分数.xlsx:A5: warning: 单位 '丁工会' is not on the 单位名单 (名单.txt)\n"
                              "分数.xlsx:A7: warning: 单位 '甲工会' is given twice: also at a.yaml:1\n"
                              "名单.txt:2: warning: 单位 '乙工会' has sent no scores (未报)\n"
                              "名单.txt:3: warning: 单位 '丙工会' has sent no scores (未报)\n");
    free(text);
    diag_list_free(&d);
    /* With no roster, and --strict: only the unit given twice, as an error. */
    roster none = {0};
    assert_int_equal(roster_check_sheets(&none, sheets, 3, DIAG_ERROR, NULL, &d), 1);
    assert_int_equal(d.items[0].level, DIAG_ERROR);
    assert_string_equal(d.items[0].message, "单位 '甲工会' is given twice: also at a.yaml:1");
    diag_list_free(&d);
    for (size_t i = 0; i < 3; i++)
        scoresheet_free((scoresheet *)sheets[i]);
    roster_free(&r);
}

/* A rubric of 单位 tables expects each table's unit. */
static void test_expected_from_tables(void **state)
{
    (void)state;
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_file("rubrics/zhuzhou-2011.md", &doc, &d), 0);
    roster r;
    roster_expected(doc, &r);
    assert_int_equal(r.len, 12);
    assert_string_equal(r.items[2].name, "株洲市公安系统工会");
    assert_int_equal(r.items[2].line, 101);
    roster_free(&r);
    document_free(doc);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_text_file),
        cmocka_unit_test(test_spreadsheets),
        cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_batch_against_roster),
        cmocka_unit_test(test_expected_from_tables),
    };
    return cmocka_run_group_tests_name("roster", tests, make_dir, remove_dir);
}
