/* SPDX-License-Identifier: MIT */
/* Templates: what gongwen template writes is read back by the readers as
 * the scores a clerk fills in, for each of its three forms; the XLSX carries
 * its checks; nothing a unit may have filled is overwritten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "testutil.h"

#include "app.h"
#include "fileio.h"
#include "grade.h"
#include "parse.h"
#include "scores.h"
#include "scoretable.h"
#include "template.h"
#include "text.h"

static char dir[] = "/tmp/gongwen-template-XXXXXX";
static char data_dir[] = ".";
static app_env env = {.source_date_epoch = 1735689600, .data_dir = data_dir, .srgb_profile = ""};

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

/* Items with and without levels, a bonus and a veto, two units expected. */
static const char rubric_md[] =
    "---\n版式: tiered\n单位名单:\n  - 甲工会\n  - 乙/丙工会\n---\n\n# 附件：细则\n\n"
    "## 组织建设 **100分**\n\n#### 按期换届 **2.5分**\n\n按期换届，程序规范。\n\n"
    "**评分标准**：按期 2.5分\n\n**考核方法**：查阅资料\n\n"
    "#### 会员管理 **97.5分**\n\n会员实名制管理全覆盖。\n\n**评分标准**：全覆盖\n\n**考核方法**：查阅资料\n\n"
    "**评分档次**：全面完成 100%；基本完成 70%；资料不全 -20%\n\n"
    "## 加分项目\n\n#### 获奖 **5分**\n\n获省级表彰。\n\n**评分标准**：每项2.5分\n\n**考核方法**：查阅资料\n\n"
    "## 一票否决\n\n#### 事故\n\n发生重大事故。\n\n**评分标准**：发生即为零\n\n**考核方法**：查阅资料\n";

static char *in_dir(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

/* gongwen template on the rubric (written beside the output) into name. */
static int run_template(const char *md, const char *name, diag_list *d)
{
    char *rubric = in_dir("r.md"), *out = in_dir(name);
    FILE *f = fopen(rubric, "wb");
    assert_non_null(f);
    fputs(md, f);
    fclose(f);
    app_options opt = {.env = &env, .output = out};
    char *argv[] = {rubric, NULL};
    char *listing = NULL;
    size_t size = 0;
    FILE *o = open_memstream(&listing, &size);
    int rc = app_template(&opt, 1, argv, d, o);
    fclose(o);
    free(listing);
    free(rubric);
    free(out);
    return rc;
}

static document *parsed(const char *md, item_numbering how)
{
    char *text = xstrdup(md);
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_text("r.md", text, strlen(text), &doc, &d), 0);
    doc->numbering = how;
    free(text);
    diag_list_free(&d);
    return doc;
}

static char *slurp(const char *path)
{
    char *text;
    size_t len;
    diag_list d = {0};
    assert_int_equal(file_read(path, 0, &text, &len, &d), 0);
    diag_list_free(&d);
    return text;
}

static void append(const char *path, const char *text)
{
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static points graded_total(const document *doc, const scoresheet *s, diag_list *d)
{
    grades g;
    assert_int_equal(grades_compute(doc, s, &g, d), 0);
    points t = g.total;
    grades_free(&g);
    return t;
}

/* The CSV: its header, the expected units, and a clerk's row read back. */
static void test_csv(void **state)
{
    (void)state;
    diag_list d = {0};
    assert_int_equal(run_template(rubric_md, "t.csv", &d), 0);
    char *path = in_dir("t.csv"), *text = slurp(path);
    assert_string_equal(text, "\xEF\xBB\xBF单位,评分人,评分日期,1 按期换届 满分2.5分,1 说明,2 会员管理 满分97.5分,2 说明,"
                              "3 获奖 加分，至多5分,3 说明,4 事故 一票否决：是/否,4 说明\r\n"
                              "甲工会,,,,,,,,,,\r\n乙/丙工会,,,,,,,,,,\r\n");
    free(text);
    /* 乙/丙工会 fills in its row below the blank one the template left. */
    append(path, "乙/丙工会,李四,2025-12-20,2.5,资料齐全,\"基本完成，资料不全\",,2.5,,否,\r\n");
    document *doc = parsed(rubric_md, NUMBER_BY_SEQ);
    scoresheet **sheets;
    size_t n;
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(n, 1);
    assert_int_equal(d.len, 2); /* the two rows left blank: not reported */
    assert_string_equal(d.items[0].message, "单位 '甲工会' has no scores in this row: not reported");
    assert_string_equal(sheets[0]->items[0].remark, "资料齐全");
    assert_int_equal(graded_total(doc, sheets[0], &d), 250 + 4875 + 250); /* 50% of 97.5 */
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
    free(path);
}

static char *zip_entry(const char *path, const char *name)
{
    int err;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    assert_non_null(z);
    zip_stat_t st;
    assert_int_equal(zip_stat(z, name, 0, &st), 0);
    char *buf = xcalloc(1, st.size + 1);
    zip_file_t *f = zip_fopen(z, name, 0);
    assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    zip_discard(z);
    return buf;
}

/* The XLSX: frozen header, each score cell validated as its item asks, and
 * read back by the XLSX reader. */
static void test_xlsx(void **state)
{
    (void)state;
    diag_list d = {0};
    assert_int_equal(run_template(rubric_md, "t.xlsx", &d), 0);
    char *path = in_dir("t.xlsx"), *sheet = zip_entry(path, "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(sheet, "<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"));
    /* 1: 0 to 2.5, in the two named rows and the rows below them */
    assert_non_null(strstr(sheet, "sqref=\"D2:D201\"><formula1>0</formula1><formula2>2.5</formula2>"));
    /* 2: its levels, and each level with a deduction */
    assert_non_null(strstr(sheet, "errorStyle=\"warning\""));
    assert_non_null(strstr(sheet, "sqref=\"F2:F201\"><formula1>\"全面完成,基本完成,资料不全,全面完成、资料不全,"
                                  "基本完成、资料不全\"</formula1>"));
    assert_non_null(strstr(sheet, "sqref=\"H2:H201\"><formula1>0</formula1><formula2>5</formula2>"));
    assert_non_null(strstr(sheet, "sqref=\"J2:J201\"><formula1>\"是,否\"</formula1>"));
    free(sheet);
    char *core = zip_entry(path, "docProps/core.xml");
    assert_non_null(strstr(core, "2025-01-01T00:00:00Z")); /* SOURCE_DATE_EPOCH */
    free(core);
    document *doc = parsed(rubric_md, NUMBER_BY_SEQ);
    scoresheet **sheets;
    size_t n;
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(n, 0);
    assert_int_equal(d.len, 2);
    assert_int_equal(d.items[1].line, 3);
    assert_string_equal(d.items[1].message, "单位 '乙/丙工会' has no scores in this row: not reported");
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
    free(path);
}

static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

/* The folder: a skeleton per unit that loads, is not scored until filled,
 * and is never overwritten. */
static void test_folder(void **state)
{
    (void)state;
    diag_list d = {0};
    assert_int_equal(run_template(rubric_md, "units", &d), 0);
    char *path = in_dir("units/乙_丙工会.yaml"), *text = slurp(path);
    assert_non_null(strstr(text, "单位: \"乙/丙工会\"\n"));
    assert_non_null(strstr(text, "  \"2\":       # 会员管理  满分97.5分；全面完成 100%；基本完成 70%；资料不全 -20%\n"));
    document *doc = parsed(rubric_md, NUMBER_BY_SEQ);
    scoresheet *s;
    assert_int_equal(scoresheet_load_text(path, text, strlen(text), &s, &d), 0);
    grades g;
    assert_int_equal(grades_compute(doc, s, &g, &d), -1);
    assert_string_equal(d.items[0].message, "not scored: 1, 2, 3, 4 (write \"ID\": N under 得分, or 缺项: 零分)");
    grades_free(&g);
    scoresheet_free(s);
    diag_list_free(&d);
    char *a = replace(text, "\"1\":", "\"1\": 2.5"), *b = replace(a, "\"2\":", "\"2\": [基本完成, 资料不全]");
    char *c = replace(b, "\"3\":", "\"3\": 2.5"), *filled = replace(c, "\"4\":", "\"4\": 否");
    assert_int_equal(scoresheet_load_text(path, filled, strlen(filled), &s, &d), 0);
    assert_int_equal(graded_total(doc, s, &d), 250 + 4875 + 250);
    scoresheet_free(s);
    /* A second run into the same folder writes nothing. */
    FILE *f = fopen(path, "wb");
    fputs(filled, f);
    fclose(f);
    assert_int_equal(run_template(rubric_md, "units", &d), -1);
    assert_non_null(strstr(d.items[d.len - 1].message, "exists: a scores file that may be filled in is never overwritten"));
    char *after = slurp(path);
    assert_string_equal(after, filled);
    free(after);
    free(a);
    free(b);
    free(c);
    free(filled);
    free(text);
    free(path);
    document_free(doc);
    diag_list_free(&d);
}

/* A rubric of 单位 tables: a row per table, keyed by 序号, each unit's row
 * read as its own table's scores: the same total as its YAML scores file. */
static void test_unit_tables(void **state)
{
    (void)state;
    char *rubric = slurp("rubrics/zhuzhou-2011.md");
    diag_list d = {0};
    assert_int_equal(run_template(rubric, "z.csv", &d), 0);
    diag_list_free(&d);
    char *path = in_dir("z.csv"), *text = slurp(path);
    assert_true(starts_with(text, "\xEF\xBB\xBF单位,评分人,评分日期,1 组织建设 满分20分,1 说明,2 民主管理 满分25分,2 说明,"
                                  "3 素质提升 满分25分,3 说明,4 “双联”维权帮扶 满分30分,4 说明\r\n市直机关工会工作委员会,"));
    free(text);
    append(path, "株洲市公安系统工会,李华,2011年12月28日,全面完成,,基本完成,,基本完成、资料不全,,全面完成,"
                 "慈善一元捐全员参与\r\n");
    document *doc = parsed(rubric, NUMBER_BY_SEQ);
    scoresheet **sheets, *yaml;
    size_t n;
    assert_int_equal(scoresheets_from_table(path, doc, &sheets, &n, NULL, NULL, &d), 0);
    assert_int_equal(n, 1);
    assert_int_equal(scoresheet_load("examples/zhuzhou-2011/gongan.yaml", &yaml, &d), 0);
    assert_int_equal(graded_total(doc, sheets[0], &d), graded_total(doc, yaml, &d));
    scoresheet_free(yaml);
    scoresheets_free(sheets, n);
    document_free(doc);
    diag_list_free(&d);
    free(path);
    free(rubric);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_xlsx),
        cmocka_unit_test(test_folder),
        cmocka_unit_test(test_unit_tables),
    };
    return cmocka_run_group_tests_name("template", tests, make_dir, remove_dir);
}
