/* SPDX-License-Identifier: MIT */
/* Scores: a unit's scores file checked against a rubric; exact sums, levels,
 * and every rejection with its message and line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "diag.h"
#include "parse.h"
#include "grade.h"
#include "scores.h"
#include "text.h"

/* Two categories, a bonus and a veto; levels at attachment level. */
static const char rubric_md[] =
    "---\n版式: leshan\n---\n\n# 附件：细则\n\n"
    "**评分档次**：全面完成 100%；基本完成 70%；资料不全 -20%\n\n"
    "## (一)甲 **27.5分**\n\n- 1.一 **2.5分**\n- 2.二 **25分**\n\n"
    "## (二)乙 **72.5分**\n\n- 1.三 **72.5分**\n\n"
    "## 加分项目\n\n- 获奖 **5分**\n\n"
    "## 一票否决\n\n- 事故\n";

static document *rubric(void)
{
    char *text = xstrdup(rubric_md);
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_text("r.md", text, strlen(text), &doc, &d), 0);
    diag_list_free(&d);
    free(text);
    return doc;
}

static char *write_scores(const char *yaml)
{
    char *path = xstrdup("/tmp/gongwen-scores-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, yaml, strlen(yaml)), (ssize_t)strlen(yaml));
    close(fd);
    return path;
}

/* Grades yaml against the rubric; returns rc and the first finding as "LINE: message". */
static int grade(const char *yaml, grades *g, char **finding)
{
    document *doc = rubric();
    char *path = write_scores(yaml);
    diag_list d = {0};
    scoresheet *s = NULL;
    int rc = scoresheet_load(path, &s, &d);
    if (rc == 0)
        rc = grades_compute(doc, s, g, &d);
    *finding = d.len ? xasprintf("%d: %s", d.items[0].line, d.items[0].message) : xstrdup("");
    diag_list_free(&d);
    scoresheet_free(s);
    unlink(path);
    free(path);
    document_free(doc);
    return rc;
}

#define HEAD "单位: 甲单位\n得分:\n"
#define REST "  \"3.1\": 0\n  \"4.1\": 否\n"

static void test_exact_sums(void **state)
{
    (void)state;
    grades g;
    char *f;
    assert_int_equal(grade(HEAD "  \"1.1\": 2.5\n  \"1.2\": 17.25\n  \"2.1\": 70.05\n" REST, &g, &f), 0);
    assert_string_equal(f, "");
    assert_int_equal(g.category[0], 1975);
    assert_int_equal(g.base, 8980);
    assert_int_equal(g.total, 8980);
    char buf[32];
    assert_string_equal(points_format(g.total, buf), "89.8");
    grades_free(&g);
    free(f);
}

static void test_levels(void **state)
{
    (void)state;
    grades g;
    char *f;
    assert_int_equal(grade(HEAD "  \"1.1\": 全面完成\n  \"1.2\": 基本完成\n  \"2.1\": [基本完成, 资料不全]\n"
                                "  \"3.1\": 资料不全\n  \"4.1\": 否\n", &g, &f), 0);
    assert_int_equal(g.items[0].score, 250);   /* 100% of 2.5 */
    assert_int_equal(g.items[1].score, 1750);  /* 70% of 25 */
    assert_int_equal(g.items[2].score, 3625);  /* 50% of 72.5 */
    assert_int_equal(g.items[3].score, 400);   /* bonus: 100% - 20% of 5 */
    assert_int_equal(g.bonus, 400);
    assert_int_equal(g.total, 250 + 1750 + 3625 + 400);
    grades_free(&g);
    free(f);
}

static void test_veto_and_missing(void **state)
{
    (void)state;
    grades g;
    char *f;
    assert_int_equal(grade(HEAD "  \"1.1\": 2.5\n  \"1.2\": 25\n  \"2.1\": 72.5\n  \"3.1\": 5\n  \"4.1\": 是\n", &g, &f), 0);
    assert_true(g.vetoed);
    assert_int_equal(g.total, 0);
    grades_free(&g);
    free(f);
    assert_int_equal(grade("单位: 甲单位\n缺项: 零分\n得分:\n  \"1.1\": 2\n", &g, &f), 0);
    assert_int_equal(g.total, 200);
    grades_free(&g);
    free(f);
}

static void test_rejections(void **state)
{
    (void)state;
    static const struct {
        const char *yaml, *expected;
    } cases[] = {
        {HEAD "  \"1.1\": 3\n  \"1.2\": 25\n  \"2.1\": 1\n" REST, "3: item 1.1: 3分 is more than its 2.5分"},
        {HEAD "  \"1.1\": -1\n  \"1.2\": 25\n  \"2.1\": 1\n" REST, "3: item 1.1: cannot read '-1': points cannot be negative"},
        {HEAD "  \"1.1\": ２\n  \"1.2\": 25\n  \"2.1\": 1\n" REST, "3: item 1.1: cannot read '２': full-width digits; write points with 0-9"},
        {HEAD "  \"1.1\": 1.333\n  \"1.2\": 25\n  \"2.1\": 1\n" REST, "3: item 1.1: cannot read '1.333': more than two decimal places"},
        {HEAD "  \"1.1\": 很好\n  \"1.2\": 25\n  \"2.1\": 1\n" REST, "3: item 1.1: '很好' is not one of its levels (全面完成 100%；基本完成 70%；资料不全 -20%)"},
        {HEAD "  \"9.9\": 1\n", "3: no item 9.9 in the rubric"},
        {HEAD "  \"1.1\": 1\n  \"1.1\": 2\n", "4: '1.1' is given twice (first on line 3)"},
        {HEAD "  \"1.1\": 1\n  \"1.2\": 25\n  \"2.1\": 1\n  \"3.1\": 0\n  \"4.1\": 3\n", "7: item 4.1 is a veto item: write 是 (it happened) or 否"},
        {HEAD "  \"1.1\": 2.5\n  \"1.2\": 25\n" REST, "0: not scored: 2.1 (write \"ID\": N under 得分, or 缺项: 零分)"},
        {"得分:\n  \"1.1\": 1\n", "1: the scores file needs '单位: NAME'"},
        {"单位: 甲\n等级: 优\n得分: {}\n", "2: unknown key '等级' (known: 单位, 评分人, 评分日期, 缺项, 得分)"},
        {"单位: 甲\n缺项: 忽略\n得分: {}\n", "2: '缺项' is 零分 or 报错, not '忽略'"},
        {"单位: 甲\n得分: 3\n", "2: '得分' must list the scores: \"1.1\": 3"},
        {HEAD "  \"1.1\": {分: 1, 档次: 全面完成}\n", "3: item 1.1: give either 分 or 档次"},
        {"单位: [甲\n", "1: the list opened with '[' on this line is never closed with ']'"},
        {"单位: 甲\n评分日期: 2012年2月30日\n得分: {}\n", "2: 评分日期 '2012年2月30日' is not a date such as 2012年12月20日 or 2012-12-20"},
        {"单位: 甲\n评分日期: 2013-02-29\n得分: {}\n", "2: 评分日期 '2013-02-29' is not a date such as 2012年12月20日 or 2012-12-20"},
        {"单位: 甲\n评分日期: 2012-12/20\n得分: {}\n", "2: 评分日期 '2012-12/20' is not a date such as 2012年12月20日 or 2012-12-20"},
        {"单位: 甲\n评分日期: 年底\n得分: {}\n", "2: 评分日期 '年底' is not a date such as 2012年12月20日 or 2012-12-20"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        grades g = {0};
        char *f;
        assert_int_equal(grade(cases[i].yaml, &g, &f), -1);
        assert_string_equal(f, cases[i].expected);
        grades_free(&g);
        free(f);
    }
}

/* 评分日期 dates the scored PDF: the day at 00:00 UTC, in either spelling. */
static void test_dates(void **state)
{
    (void)state;
    static const struct {
        const char *date;
        long long epoch;
    } cases[] = {
        {"2012年12月20日", 1355961600}, {"2012-12-20", 1355961600}, {"2012.2.29", 1330473600},
        {"2000/03/01", 951868800},    {"1970年1月1日", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *yaml = xasprintf("单位: 甲\n评分日期: %s\n得分: {}\n", cases[i].date);
        char *path = write_scores(yaml);
        scoresheet *s = NULL;
        diag_list d = {0};
        assert_int_equal(scoresheet_load(path, &s, &d), 0);
        assert_true(s->date_epoch == cases[i].epoch);
        scoresheet_free(s);
        diag_list_free(&d);
        unlink(path);
        free(path);
        free(yaml);
    }
}

static void test_level_finer_than_hundredth(void **state)
{
    (void)state;
    char *text = xstrdup("---\n版式: leshan\n---\n\n# 附件：T\n\n**评分档次**：好 100%；中 75%\n\n## 类 **100分**\n\n"
                         "- 一 **0.25分**\n- 二 **99.75分**\n");
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_text("r.md", text, strlen(text), &doc, &d), 0);
    char *path = write_scores("单位: 甲\n得分:\n  \"1.1\": 中\n  \"1.2\": 好\n");
    scoresheet *s = NULL;
    assert_int_equal(scoresheet_load(path, &s, &d), 0);
    grades g;
    assert_int_equal(grades_compute(doc, s, &g, &d), -1);
    assert_string_equal(d.items[0].message, "item 1.1: 75% of 0.25分 is finer than 0.01分");
    assert_int_equal(d.items[0].line, 3);
    grades_free(&g);
    scoresheet_free(s);
    unlink(path);
    free(path);
    document_free(doc);
    diag_list_free(&d);
    free(text);
}

/* A skeleton's empty score is no score; an item is named by its id or, on
 * a form that prints 序号, by that number. */
static void test_empty_and_numbers(void **state)
{
    (void)state;
    grades g;
    char *f;
    assert_int_equal(grade(HEAD "  \"1.1\":\n  \"1.2\": 25\n  \"2.1\": 1\n" REST, &g, &f), -1);
    assert_string_equal(f, "0: not scored: 1.1 (write \"ID\": N under 得分, or 缺项: 零分)");
    grades_free(&g);
    free(f);
    document *doc = rubric();
    char *path = write_scores("单位: 甲单位\n得分:\n  \"1\": 2\n  \"1.2\": 25\n  \"3\": 1\n  \"4\": 0\n  \"5\": 否\n");
    diag_list d = {0};
    scoresheet *s = NULL;
    assert_int_equal(scoresheet_load(path, &s, &d), 0);
    assert_int_equal(grades_compute(doc, s, &g, &d), -1); /* the form numbers by id */
    assert_string_equal(d.items[0].message, "no item 1 in the rubric");
    grades_free(&g);
    diag_list_free(&d);
    doc->numbering = NUMBER_BY_SEQ;
    assert_int_equal(grades_compute(doc, s, &g, &d), 0);
    assert_int_equal(g.total, 200 + 2500 + 100);
    grades_free(&g);
    scoresheet_free(s);
    s = NULL;
    unlink(path);
    free(path);
    path = write_scores("单位: 甲单位\n得分:\n  \"1\": 2\n  \"1.1\": 2\n");
    assert_int_equal(scoresheet_load(path, &s, &d), 0);
    assert_int_equal(grades_compute(doc, s, &g, &d), -1);
    assert_string_equal(d.items[0].message, "item 1.1 is scored twice");
    grades_free(&g);
    scoresheet_free(s);
    unlink(path);
    free(path);
    diag_list_free(&d);
    document_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_sums),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_veto_and_missing),
        cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_level_finer_than_hundredth),
        cmocka_unit_test(test_empty_and_numbers),
    };
    return cmocka_run_group_tests_name("scores", tests, NULL, NULL);
}
