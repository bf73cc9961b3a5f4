/* SPDX-License-Identifier: MIT */
/* Spreadsheets of scores: CSV in each encoding clerks send, XLSX as
 * libxlsxwriter and LibreOffice write it, each row read as exactly the
 * scoresheet its scores file gives, and every refusal at its cell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "testutil.h"

#include "diag.h"
#include "grade.h"
#include "parse.h"
#include "scores.h"
#include "scoretable.h"
#include "spreadsheet.h"
#include "text.h"

#define TABLES FIXTURES "tables/"

static document *rubric(void)
{
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_file(TABLES "rubric.md", &doc, &d), 0);
    diag_list_free(&d);
    return doc;
}

/* The scores files the fixtures' two rows stand for. */
static const char jia_yaml[] = "单位: 甲单位\n评分人: 张三\n评分日期: 2025/12/20\n得分:\n"
                               "  \"1.1\": {分: 2.5, 说明: \"报送4篇，\\\"齐全\\\"\"}\n  \"1.2\": 基本完成\n"
                               "  \"2.1\": 70.05\n  \"3.1\": 5\n  \"4.1\": 否\n";
static const char yi_yaml[] = "单位: 乙单位\n评分人: 李四\n评分日期: 2025-12-21\n得分:\n"
                              "  \"1.1\": 2\n  \"1.2\": 25\n  \"2.1\": [基本完成, 资料不全]\n  \"3.1\": 0\n  \"4.1\": 是\n";

static scoresheet *yaml_sheet(const char *yaml)
{
    diag_list d = {0};
    scoresheet *s = NULL;
    assert_int_equal(scoresheet_load_text("u.yaml", yaml, strlen(yaml), &s, &d), 0);
    diag_list_free(&d);
    return s;
}

/* A new file name in a folder of its own, to be given back to done(). */
static char *temp_path(const char *ext)
{
    char dir[] = "/tmp/gongwen-table-XXXXXX";
    assert_non_null(mkdtemp(dir));
    return xasprintf("%s/t%s", dir, ext);
}

static void done(char *path)
{
    unlink(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Field by field, places aside: what grading sees. */
static void assert_same_sheet(const scoresheet *a, const scoresheet *b)
{
    assert_string_equal(a->unit, b->unit);
    assert_true(same_text(a->scorer, b->scorer));
    assert_true(same_text(a->date, b->date) || a->date_epoch == b->date_epoch);
    assert_true(a->date_epoch == b->date_epoch);
    assert_int_equal(a->missing_is_zero, b->missing_is_zero);
    assert_int_equal(a->len, b->len);
    for (size_t i = 0; i < a->len; i++) {
        const score_entry *x = &a->items[i], *y = &b->items[i];
        assert_string_equal(x->id, y->id);
        assert_true(same_text(x->value, y->value));
        assert_true(same_text(x->remark, y->remark));
        assert_int_equal(x->nlevels, y->nlevels);
        for (size_t k = 0; k < x->nlevels; k++)
            assert_string_equal(x->levels[k], y->levels[k]);
    }
}

static points total_of(const document *doc, const scoresheet *s)
{
    grades g;
    diag_list d = {0};
    assert_int_equal(grades_compute(doc, s, &g, &d), 0);
    points t = g.total;
    grades_free(&g);
    diag_list_free(&d);
    return t;
}

/* path reads as the two rows of the fixtures, with no finding. */
static void assert_fixture_rows(const char *path)
{
    document *doc = rubric();
    scoresheet **sheets;
    size_t n;
    diag_list d = {0};
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(d.len, 0);
    assert_int_equal(n, 2);
    scoresheet *jia = yaml_sheet(jia_yaml), *yi = yaml_sheet(yi_yaml);
    assert_same_sheet(sheets[0], jia);
    assert_same_sheet(sheets[1], yi);
    assert_int_equal(total_of(doc, sheets[0]), 250 + 1750 + 7005 + 500);
    assert_int_equal(total_of(doc, sheets[1]), 0); /* vetoed */
    /* Each value is placed at its cell: 2.1 of 乙 is G3. */
    assert_int_equal(sheets[1]->items[2].line, 3);
    assert_int_equal(sheets[1]->items[2].column, 7);
    assert_int_equal(sheets[0]->unit_column, 1);
    /* Each row's source is the scores file it stands for, which reads back
     * as the same sheet, named after the row. */
    for (size_t k = 0; k < n; k++) {
        scoresheet *back = yaml_sheet(sheets[k]->source);
        assert_same_sheet(back, sheets[k]);
        scoresheet_free(back);
        char *name = xasprintf("%s 第%zu行.yaml", strrchr(path, '/') + 1, k + 2);
        assert_string_equal(sheets[k]->source_name, name);
        free(name);
    }
    scoresheet_free(jia);
    scoresheet_free(yi);
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
}

static void test_csv_bom(void **state)
{
    (void)state;
    assert_fixture_rows(TABLES "scores-bom.csv");
}

static void test_csv_gb18030(void **state)
{
    (void)state;
    assert_fixture_rows(TABLES "scores-gb18030.csv");
}

static void test_xlsx_from_libreoffice(void **state)
{
    (void)state;
    assert_fixture_rows(TABLES "scores-soffice.xlsx");
}

/* The fixtures' rows written by libxlsxwriter: numbers, a date cell, a
 * formula's cached value, rich text in shared strings. */
static void test_xlsx_from_libxlsxwriter(void **state)
{
    (void)state;
    char *path = temp_path(".xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    lxw_format *date = workbook_add_format(wb), *red = workbook_add_format(wb);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    format_set_font_color(red, LXW_COLOR_RED);
    const char *header[] = {"单位", "填表人", "日期", "1.1 一", "1.1 说明", "1.2", "2.1 三", "3.1", "4.1 事故"};
    for (int k = 0; k < 9; k++)
        worksheet_write_string(ws, 2, (lxw_col_t)k, header[k], NULL);
    worksheet_write_string(ws, 0, 0, "2025年自评分汇总", NULL); /* a title above the header */
    worksheet_write_string(ws, 3, 0, "甲单位", NULL);
    worksheet_write_string(ws, 3, 1, "张三", NULL);
    lxw_datetime day = {2025, 12, 20, 0, 0, 0};
    worksheet_write_datetime(ws, 3, 2, &day, date);
    worksheet_write_formula_num(ws, 3, 3, "=1+1.5", NULL, 2.5);
    lxw_rich_string_tuple a = {.format = NULL, .string = "报送4篇，"}, b = {.format = red, .string = "\"齐全\""};
    lxw_rich_string_tuple *rich[] = {&a, &b, NULL};
    worksheet_write_rich_string(ws, 3, 4, rich, NULL);
    worksheet_write_string(ws, 3, 5, "基本完成", NULL);
    worksheet_write_number(ws, 3, 6, 70.05, NULL);
    worksheet_write_number(ws, 3, 7, 5, NULL);
    worksheet_write_string(ws, 3, 8, "否", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    document *doc = rubric();
    scoresheet **sheets;
    size_t n;
    diag_list d = {0};
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(n, 1);
    scoresheet *jia = yaml_sheet(jia_yaml);
    assert_same_sheet(sheets[0], jia);
    assert_string_equal(sheets[0]->date, "2025-12-20"); /* from the date serial */
    assert_int_equal(sheets[0]->unit_line, 4);
    scoresheet_free(jia);
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
    done(path);
}

static char *write_file(const char *ext, const char *bytes, size_t len)
{
    char *path = temp_path(ext);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    return path;
}

/* Every finding of reading (and grading what was read) as diag_print
 * writes it, the file's name given as T. */
static char *findings(const char *ext, const char *bytes, size_t len, size_t *nsheets, int *rc)
{
    char *path = write_file(ext, bytes, len);
    document *doc = rubric();
    scoresheet **sheets;
    diag_list d = {0};
    *rc = scoresheets_from_table(path, doc, &sheets, nsheets, NULL, NULL, &d);
    for (size_t i = 0; i < *nsheets; i++) {
        grades g;
        grades_compute(doc, sheets[i], &g, &d);
        grades_free(&g);
    }
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    diag_print(&d, f);
    fclose(f);
    /* The temporary name is the test's, not the message's. */
    strbuf sb = {0};
    for (const char *s = text; *s;) {
        const char *at = strstr(s, path);
        if (!at) {
            sb_puts(&sb, s);
            break;
        }
        sb_put(&sb, s, (size_t)(at - s));
        sb_puts(&sb, "T");
        s = at + strlen(path);
    }
    free(text);
    scoresheets_free(sheets, *nsheets);
    document_free(doc);
    diag_list_free(&d);
    done(path);
    return sb_take(&sb);
}

#define HEADER "单位,评分人,评分日期,1.1 一,1.1 说明,1.2 二,2.1 三,3.1 获奖,4.1 事故\n"

static void test_bad_cells(void **state)
{
    (void)state;
    static const struct {
        const char *csv;
        int rc;          /* of reading: -1 when a row or the file is refused */
        size_t nsheets;
        const char *expected;
    } cases[] = {
        {HEADER "甲,,,3,,25,1,0,否\n", 0, 1, "T:D2: error: item 1.1: 3分 is more than its 2.5分\n"},
        {HEADER "甲,,,２,,25,1,0,否\n", 0, 1, "T:D2: error: item 1.1: cannot read '２': full-width digits; write points with 0-9\n"},
        {HEADER "甲,,,1,,很好,1,0,否\n", 0, 1,
         "T:F2: error: item 1.2: '很好' is not one of its levels (全面完成 100%；基本完成 70%；资料不全 -20%)\n"},
        {HEADER "甲,,,1,,25,1,0,不知道\n", 0, 1, "T:I2: error: item 4.1 is a veto item: write 是 (it happened) or 否\n"},
        {HEADER "甲,,,1,,,1,,否\n", 0, 1, "T:A2: error: not scored: 1.2, 3.1 (fill in their cells, or write 零分 in a 缺项 column)\n"},
        {HEADER "甲,,年底,1,,25,1,0,否\n", -1, 0,
         "T:C2: error: 评分日期 '年底' is not a date such as 2012年12月20日 or 2012-12-20\n"},
        {HEADER ",,,1,,25,1,0,否\n乙,,,1,,25,1,0,否\n", -1, 1, "T:A2: error: a row with scores and no 单位: whose are they?\n"},
        {HEADER "甲,,,,说明,25,1,0,否\n", -1, 0, "T:E2: error: a 说明 on item 1.1, which has no score\n"},
        {HEADER "甲,,,1,,25,1,0,否,7\n", -1, 0, "T:J2: error: a value in a column with no header: whose is it?\n"},
        {HEADER "甲\n\n乙,,,1,,25,1,0,否\n", 0, 1, "T:A2: warning: 单位 '甲' has no scores in this row: not reported\n"},
        {"单位,1.1,等级\n", -1, 0,
         "T:C1: error: unknown column '等级': a column is headed 单位, 评分人, 评分日期, 缺项, or an item's number (with its name, or 说明)\n"},
        {"单位,9.9 无\n", -1, 0, "T:B1: error: column '9.9 无': the rubric has no item 9.9\n"},
        {"单位,1.1,1.1 又\n", -1, 0, "T:C1: error: column '1.1 又' repeats column B1\n"},
        {"单位,1.2 说明\n", -1, 0, "T:B1: error: column '1.2 说明': no column holds item 1.2's score\n"},
        {"名称,1.1\n甲,1\n", -1, 0, "T: error: no header row: no cell reads 单位 (the row that names the columns: 单位, then each item's number, as gongwen template writes it)\n"},
        {HEADER "甲,,,\"1,,25\n", -1, 0, "T:2: error: the quote that opens this cell is never closed\n"},
        {"\xFF\xFE" "A", -1, 0, "T:1: error: this file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8 or CSV\n"},
        {HEADER "甲,,,1,\x1b[31m,25,1,0,否\n", -1, 0,
         "T:E2: error: the cell holds a control character (U+001B); retype it\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        int rc;
        char *got = findings(".csv", cases[i].csv, strlen(cases[i].csv), &n, &rc);
        if (strcmp(got, cases[i].expected) != 0)
            print_error("case %zu: %s", i, cases[i].csv);
        assert_string_equal(got, cases[i].expected);
        assert_int_equal(rc, cases[i].rc);
        assert_int_equal(n, cases[i].nsheets);
        free(got);
    }
}

/* A remark with a line break, a quote and a backslash, and levels in one
 * cell: the row's scores file gives them back as they were. */
static void test_row_source_keeps_text(void **state)
{
    (void)state;
    static const char csv[] = HEADER "甲,,,1,\"两行\r\n说明\"\"\\\",基本完成、资料不全,1,0,否\n";
    char *path = write_file(".csv", csv, strlen(csv));
    document *doc = rubric();
    scoresheet **sheets;
    size_t n;
    diag_list d = {0};
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(n, 1);
    assert_string_equal(sheets[0]->items[0].remark, "两行\n说明\"\\");
    scoresheet *back = yaml_sheet(sheets[0]->source);
    assert_same_sheet(back, sheets[0]);
    assert_int_equal(back->items[1].nlevels, 2);
    scoresheet_free(back);
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
    done(path);
}

/* Refused rows give their units, so that a batch removes their old PDFs. */
static void test_refused_units(void **state)
{
    (void)state;
    static const char csv[] = HEADER "甲,,,9,,25,1,0,否\n乙,,,1,,25,1,0,否\n丙,,,1,,25,1,0,也许\n";
    char *path = write_file(".csv", csv, strlen(csv));
    document *doc = rubric();
    scoresheet **sheets;
    refused_row *refused;
    size_t n, nrefused;
    diag_list d = {0};
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, &refused, &nrefused, &d), 0);
    /* Grading, not reading, refuses those two: the rows are all read. */
    assert_int_equal(n, 3);
    assert_int_equal(nrefused, 0);
    free(refused);
    scoresheets_free(sheets, n);
    diag_list_free(&d);
    static const char bad[] = HEADER "甲,,年底,1,,25,1,0,否\n乙,,,1,,25,1,0,否\n,,,1,,25,1,0,否\n";
    char *path2 = write_file(".csv", bad, strlen(bad));
    assert_int_equal(scoresheets_from_table(path2, doc, &sheets, &n, &refused, &nrefused, &d), -1);
    assert_int_equal(n, 1);
    assert_string_equal(sheets[0]->unit, "乙");
    assert_int_equal(nrefused, 1); /* the row without a 单位 names none */
    assert_string_equal(refused[0].unit, "甲");
    assert_int_equal(refused[0].row, 2);
    free(refused[0].unit);
    free(refused);
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
    done(path);
    done(path2);
}

static void test_neither_encoding(void **state)
{
    (void)state;
    document *doc = rubric();
    scoresheet **sheets;
    size_t n;
    diag_list d = {0};
    assert_int_equal(scoresheets_from_table(TABLES "scores-neither.csv", doc, &sheets, &n, NULL, NULL, &d), -1);
    assert_int_equal(n, 0);
    assert_int_equal(d.len, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_string_equal(d.items[0].message, "neither UTF-8 nor GB18030: byte 0x80 here is not GB18030, and line 1 is "
                                            "not UTF-8; save it as CSV UTF-8");
    document_free(doc);
    diag_list_free(&d);
}

static void test_not_a_workbook(void **state)
{
    (void)state;
    size_t n;
    int rc;
    char *got = findings(".xlsx", "单位,1.1\n", strlen("单位,1.1\n"), &n, &rc);
    assert_string_equal(got, "T: error: not an XLSX workbook (Not a zip archive); save it as .xlsx or CSV\n");
    free(got);
    got = findings(".XLSX", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old", 12, &n, &rc);
    assert_string_equal(got, "T: error: an Excel 97-2003 workbook (.xls), not .xlsx; save it as .xlsx (Excel 工作簿) or CSV\n");
    assert_int_equal(rc, -1);
    free(got);
}

/* The number a form shows: the 序号 where the layout prints one. */
static void test_seq_numbers(void **state)
{
    (void)state;
    document *doc = rubric();
    doc->numbering = NUMBER_BY_SEQ;
    char *path = write_file(".csv", "单位,1,2,3,2.1,5\n甲,1,25,1,,否\n", strlen("单位,1,2,3,2.1,5\n甲,1,25,1,,否\n"));
    scoresheet **sheets;
    size_t n;
    diag_list d = {0};
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(n, 1);
    grades g;
    /* "3" is the third item (2.1), and 5 the veto; 4 (3.1) has no column. */
    assert_int_equal(grades_compute(doc, sheets[0], &g, &d), -1);
    assert_int_equal(d.len, 1);
    assert_string_equal(d.items[0].message, "not scored: 4 (fill in their cells, or write 零分 in a 缺项 column)");
    assert_int_equal(d.items[0].line, 2);
    assert_int_equal(d.items[0].column, 1);
    assert_int_equal(g.items[2].score, 100);
    grades_free(&g);
    /* Under the ids of a form with no 序号, "3" names no item. */
    doc->numbering = NUMBER_BY_ID;
    assert_int_equal(grades_compute(doc, sheets[0], &g, &d), -1);
    assert_string_equal(d.items[1].message, "no item 1 in the rubric");
    grades_free(&g);
    scoresheets_free(sheets, n);
    diag_list_free(&d);
    done(path);
    document_free(doc);
}

static void test_cell_names(void **state)
{
    (void)state;
    char buf[16];
    assert_string_equal(cell_name(7, 3, buf), "C7");
    assert_string_equal(cell_name(1, 26, buf), "Z1");
    assert_string_equal(cell_name(1, 27, buf), "AA1");
    assert_string_equal(cell_name(12, 52, buf), "AZ12");
    assert_string_equal(cell_name(1048576, 16384, buf), "XFD1048576");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_names),
        cmocka_unit_test(test_csv_bom),
        cmocka_unit_test(test_csv_gb18030),
        cmocka_unit_test(test_xlsx_from_libreoffice),
        cmocka_unit_test(test_xlsx_from_libxlsxwriter),
        cmocka_unit_test(test_bad_cells),
        cmocka_unit_test(test_row_source_keeps_text),
        cmocka_unit_test(test_refused_units),
        cmocka_unit_test(test_neither_encoding),
        cmocka_unit_test(test_not_a_workbook),
        cmocka_unit_test(test_seq_numbers),
    };
    return cmocka_run_group_tests_name("scoretable", tests, NULL, NULL);
}
