/* SPDX-License-Identifier: MIT */
/* Checker: completeness errors and arithmetic warnings, each with its exact
 * message and line, against the repository's leshan layout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "check.h"
#include "diag.h"
#include "layout.h"
#include "parse.h"
#include "text.h"

static layout *lay;

static int load_layout(void **state)
{
    (void)state;
    diag_list d = {0};
    int rc = layout_load("layouts/leshan.yaml", &lay, &d);
    diag_print(&d, stderr);
    diag_list_free(&d);
    return rc;
}

static int free_layout(void **state)
{
    (void)state;
    layout_free(lay);
    return 0;
}

/* Parses md (which must parse), checks it, and returns every finding as
 * "LINE: level: message" lines. */
static char *check_findings(const char *md, int *rc, check_summary *s)
{
    char *text = xstrdup(md);
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_text("t.md", text, strlen(text), &doc, &d), 0);
    *rc = check_document(doc, lay, s, &d);
    strbuf sb = {0};
    for (size_t i = 0; i < d.len; i++)
        sb_printf(&sb, "%d: %s: %s\n", d.items[i].line, d.items[i].level == DIAG_ERROR ? "error" : "warning",
                  d.items[i].message);
    diag_list_free(&d);
    document_free(doc);
    free(text);
    return sb_take(&sb);
}

static void expect(const char *md, int expect_rc, const char *expected)
{
    int rc;
    check_summary s;
    char *got = check_findings(md, &rc, &s);
    assert_string_equal(got, expected);
    assert_int_equal(rc, expect_rc);
    free(got);
}

#define NOTICE_META                                                                                \
    "版式: leshan\n发文机关: 某工会\n发文字号: 某工〔2012〕1号\n标题: 关于某事的通知\n"        \
    "主送机关: 各单位\n成文日期: 2012年7月12日\n附件说明: 细则\n"

#define RUBRIC_100 "# 附件：细则\n\n## (一)甲类 **60分**\n\n- 1.一（20分）（40分） **60分**\n\n## (二)乙类 **40分**\n\n- 1.二 **40分**\n"

static void test_clean_notice_has_no_findings(void **state)
{
    (void)state;
    int rc;
    check_summary s;
    char *got = check_findings("---\n" NOTICE_META "---\n\n正文。\n\n" RUBRIC_100, &rc, &s);
    assert_string_equal(got, "");
    assert_int_equal(rc, 0);
    assert_int_equal(s.attachments, 1);
    assert_int_equal(s.units, 1);
    assert_int_equal(s.categories, 2);
    assert_int_equal(s.items, 2);
    assert_int_equal(s.total, 10000);
    free(got);
}

static void test_metadata(void **state)
{
    (void)state;
    expect("---\n发文机关: 某\n---\n\n# 附件：T\n\n## 类 **100分**\n\n- 甲 **100分**\n", -1,
           "1: error: the front matter needs '版式: NAME' (a file layouts/NAME.yaml)\n");
    expect("---\n版式: leshan\n标题: 通知\n---\n\n正文。\n", -1,
           "1: error: a notice needs '发文机关' in the front matter\n"
           "1: error: a notice needs '发文字号' in the front matter\n"
           "1: error: a notice needs '主送机关' in the front matter\n"
           "1: error: a notice needs '成文日期' in the front matter\n");
    expect("---\n版式: leshan\n发文时间: 2012\n---\n\n" RUBRIC_100, -1,
           "3: error: unknown front-matter key '发文时间'\n");
    expect("---\n" NOTICE_META "总分: 一百\n---\n\n正文。\n\n" RUBRIC_100, -1,
           "9: error: cannot read 总分 '一百': not a number\n");
    expect("---\n版式: leshan\n发文机关: 某工会\n发文字号: 某工[2012]1号\n标题: 关于某事的通知\n"
           "主送机关: 各单位\n成文日期: 2012年7月12日\n附件说明: 细则\n---\n\n正文。\n\n" RUBRIC_100,
           0, "4: warning: 发文字号 '某工[2012]1号': GB/T 9704-2012 writes the year in 〔〕\n");

    expect("---\n版式: leshan\n---\n", -1, "0: error: nothing to print: no notice text and no '# 附件' rubric\n");
}

/* 7.3.4: the 附件说明 of a notice names its attachments by their titles. */
static void test_attachment_note(void **state)
{
    (void)state;
    const char *meta = "版式: leshan\n发文机关: 某工会\n发文字号: 某工〔2012〕1号\n标题: 关于某事的通知\n"
                       "主送机关: 各单位\n成文日期: 2012年7月12日\n";
    char *md = xasprintf("---\n%s---\n\n正文。\n\n" RUBRIC_100, meta);
    expect(md, 0, "8: warning: the notice has 1 attachment but no 附件说明: GB/T 9704 lists them under the body "
                  "(write 附件说明: TITLE, or a list of titles)\n");
    free(md);
    md = xasprintf("---\n%s附件说明: 另一细则\n---\n\n正文。\n\n" RUBRIC_100, meta);
    expect(md, 0, "8: warning: 附件说明 names '另一细则' where attachment 1 is titled '细则'\n");
    free(md);
    md = xasprintf("---\n%s附件说明:\n  - 细则\n  - 汇总表\n---\n\n正文。\n\n" RUBRIC_100, meta);
    expect(md, 0, "9: warning: 附件说明 names 2 attachments; the document has 1\n");
    free(md);
}

static void test_structure(void **state)
{
    (void)state;
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## 甲类\n\n## 乙类\n\n- 1.二 **100分**\n", -1,
           "7: error: empty category '甲类': it has no items\n");
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## 甲类\n\n- 同一条。 **50分**\n- 同一条。 **50分**\n", -1,
           "10: error: duplicate item: the same as line 9\n");
    expect("---\n版式: leshan\n---\n\n# 附件：T\n", -1, "5: error: attachment 'T' has no categories or items\n");
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## 单位：甲\n\n## 单位：乙\n\n## 类\n\n- 一 **100分**\n", -1,
           "7: error: 甲 has no categories or items\n");
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n**表头**：项目｜内容｜满分\n\n## 类\n\n- 一 **100分**\n", -1,
           "7: error: 表头 gives 3 headers; the layout's table has 4\n");
}

static void test_arithmetic_warnings(void **state)
{
    (void)state;
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## (一)甲类 **18分**\n\n- 1.一 **17分**\n\n## (二)乙类\n\n- 1.二 **83分**\n", 0,
           "7: warning: category '(一)甲类': items add up to 17分, its heading says 18分\n");
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## 甲类\n\n- 1.一 **99.5分**\n", 0,
           "7: warning: the rubric: items add up to 99.5分, 总分 is 100分\n");
    expect("---\n版式: leshan\n总分: 99.5\n---\n\n# 附件：T\n\n## 甲类\n\n- 1.一（2分）（3分） **100分**\n", 0,
           "10: warning: item 1.1 '1.一（2分）（3分）': inline points add up to 5分, not 100分\n"
           "8: warning: the rubric: items add up to 100分, 总分 is 99.5分\n");
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## 单位：甲\n\n### 类\n\n#### 组织建设（25分） **20分**\n\n一（10分）二（15分）\n\n#### 其他 **80分**\n\n三\n", 0,
           "11: warning: 甲, item 1.1 '组织建设（25分）': its name says 25分, its points are 20分\n");
}

static void test_bonus_not_in_total(void **state)
{
    (void)state;
    expect("---\n版式: leshan\n---\n\n# 附件：T\n\n## 甲类\n\n- 1.一 **100分**\n\n## 加分项目 **5分**\n\n- 获奖 **5分**\n\n## 一票否决\n\n- 事故\n", 0, "");
}

static void test_zhuzhou_field_column(void **state)
{
    (void)state;
    diag_list d = {0};
    layout *zz = NULL;
    assert_int_equal(layout_load("layouts/zhuzhou.yaml", &zz, &d), 0);
    char *text = xstrdup("---\n版式: zhuzhou\n---\n\n# 附件：T\n\n## 单位：甲\n\n### 类\n\n#### 名 **100分**\n\n内容\n");
    document *doc = NULL;
    assert_int_equal(rubric_parse_text("t.md", text, strlen(text), &doc, &d), 0);
    check_summary s;
    assert_int_equal(check_document(doc, zz, &s, &d), 0);
    assert_int_equal(d.len, 1);
    assert_int_equal(d.items[0].line, 11);
    assert_string_equal(d.items[0].message, "item 1.1 has no '扣分方法、标准' for its column (write **扣分方法、标准**：… under it, its unit or the attachment)");
    diag_list_free(&d);
    document_free(doc);
    layout_free(zz);
    free(text);
}

static void test_bad_layouts(void **state)
{
    (void)state;
    static const struct {
        const char *yaml, *expected;
    } cases[] = {
        {"table:\n  columns: []\n", "2: 'columns' must list at least one column"},
        {"colour: red\ntable: {columns: [{show: text, width_mm: 10}]}\n", "1: unknown setting 'colour' (known: name, notice, table)"},
        {"table:\n  columns:\n    - {show: picture, width_mm: 10}\n", "3: 'show' must be one of seq, category, name, text, points, score, field, blank, remark"},
        {"table:\n  columns:\n    - {show: text}\n", "3: 'width_mm' must be given and positive"},
        {"table:\n  columns:\n    - {show: text, width_mm: 100}\n    - {show: text, width_mm: 50}\n", "4: 'show' shows what another column already shows"},
        {"table:\n  columns:\n    - {show: text, width_mm: 180}\n", "3: 'columns' are wider in all than the 170 mm an A4 table can take; set landscape: true for a wider one"},
        {"notice:\n  body: {role: comic}\ntable: {columns: [{show: text, width_mm: 10}]}\n", "2: 'role' must be one of xiaobiaosong, fangsong, hei, kai, song"},
        {"notice:\n  red: crimson\ntable: {columns: [{show: text, width_mm: 10}]}\n", "2: 'red' must be a colour written #RRGGBB"},
        {"table:\n  columns:\n    - {show: field, width_mm: 10}\n", "3: 'field' is needed by a column that shows a field"},
        {"notice:\n  margin_top_mm: -3\ntable: {columns: [{show: text, width_mm: 10}]}\n", "2: 'margin_top_mm' must be a number from 0 to 10000"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[] = "/tmp/gongwen-layout-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        fputs(cases[i].yaml, f);
        fclose(f);
        diag_list d = {0};
        layout *l = NULL;
        assert_int_equal(layout_load(path, &l, &d), -1);
        assert_null(l);
        char *got = xasprintf("%d: %s", d.items[0].line, d.items[0].message);
        assert_string_equal(got, cases[i].expected);
        free(got);
        diag_list_free(&d);
        remove(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_notice_has_no_findings),
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_attachment_note),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_arithmetic_warnings),
        cmocka_unit_test(test_bonus_not_in_total),
        cmocka_unit_test(test_zhuzhou_field_column),
        cmocka_unit_test(test_bad_layouts),
    };
    return cmocka_run_group_tests_name("check", tests, load_layout, free_layout);
}
