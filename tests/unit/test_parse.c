/* SPDX-License-Identifier: MIT */
/* Parser: the model built from small rubrics, and the exact message and line
 * for each malformed input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "diag.h"
#include "model.h"
#include "parse.h"
#include "points.h"
#include "source.h"
#include "text.h"

static document *parse_ok(const char *md)
{
    char *text = xstrdup(md);
    diag_list d = {0};
    document *doc = NULL;
    int rc = rubric_parse_text("t.md", text, strlen(text), &doc, &d);
    if (rc != 0)
        diag_print(&d, stderr);
    assert_int_equal(rc, 0);
    assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
    diag_list_free(&d);
    free(text);
    return doc;
}

/* "LINE: error: MESSAGE" of the first finding; the caller frees it. */
static char *first_finding(const diag_list *d)
{
    assert_true(d->len > 0);
    const diag *g = &d->items[0];
    return xasprintf("%d: %s: %s", g->line, g->level == DIAG_ERROR ? "error" : "warning", g->message);
}

static void expect_parse_error(const char *md, const char *expected)
{
    char *text = xstrdup(md);
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_text("t.md", text, strlen(text), &doc, &d), -1);
    assert_null(doc);
    char *got = first_finding(&d);
    assert_string_equal(got, expected);
    free(got);
    diag_list_free(&d);
    free(text);
}

#define HEAD "---\n版式: leshan\n---\n"

static void test_list_items_and_category(void **state)
{
    (void)state;
    document *doc = parse_ok(HEAD "\n正文第一段。\n\n# 附件：细则\n\n## (一)服务科学发展 **18分**\n\n"
                                  "- 1．甲（1分），乙（2分）。 **3分**\n- 2\\. 丙。 **2.5分**\n");
    assert_int_equal(doc->meta.len, 1);
    assert_string_equal(field_value(&doc->meta, "版式"), "leshan");
    assert_int_equal(doc->nbody, 1);
    assert_string_equal(doc->body[0].text, "正文第一段。");
    assert_int_equal(doc->body[0].line, 5);
    assert_int_equal(doc->len, 1);
    attachment *a = &doc->atts[0];
    assert_string_equal(a->label, "附件");
    assert_string_equal(a->title, "细则");
    assert_int_equal(a->len, 1);
    assert_null(a->units[0].name);
    category *c = &a->units[0].cats[0];
    assert_string_equal(c->label, "(一)");
    assert_string_equal(c->name, "服务科学发展");
    assert_int_equal(c->pts, 1800);
    assert_int_equal(c->len, 2);
    assert_string_equal(c->items[0].text, "1．甲（1分），乙（2分）。");
    assert_int_equal(c->items[0].pts, 300);
    assert_int_equal(c->items[0].sub.len, 2);
    assert_int_equal(c->items[0].sub.items[1], 200);
    assert_string_equal(c->items[0].id, "1.1");
    assert_string_equal(c->items[1].text, "2. 丙。");
    assert_int_equal(c->items[1].pts, 250);
    assert_int_equal(c->items[1].seq, 2);
    assert_int_equal(c->items[1].line, 12);
    document_free(doc);
}

static void test_heading_items_units_fields(void **state)
{
    (void)state;
    document *doc = parse_ok(HEAD "# 附件3：考核细则\n\n**扣分方法**：全面完成得满分\n\n"
                                  "## 单位：甲单位\n\n**表头**：a｜b\n\n### 职能工作目标\n\n"
                                  "#### 组织建设（25分） **20分**\n\n1、 第一段（10分）\n\n2、第二段（15分）\n\n"
                                  "**备注**：自有\n\n#### 民主管理 **80**\n\n内容。\n");
    attachment *a = &doc->atts[0];
    assert_string_equal(a->label, "附件3");
    assert_string_equal(field_value(&a->fields, "扣分方法"), "全面完成得满分");
    unit *u = &a->units[0];
    assert_string_equal(u->name, "甲单位");
    assert_string_equal(field_value(&u->fields, "表头"), "a｜b");
    category *c = &u->cats[0];
    assert_string_equal(c->name, "职能工作目标");
    assert_int_equal(c->pts, POINTS_NONE);
    assert_int_equal(c->len, 2);
    item *it = &c->items[0];
    assert_string_equal(it->name, "组织建设（25分）");
    assert_int_equal(it->name_pts, 2500);
    assert_int_equal(it->pts, 2000);
    assert_string_equal(it->text, "1、 第一段（10分）\n2、第二段（15分）");
    assert_int_equal(it->sub.len, 2);
    assert_string_equal(field_value(&it->fields, "备注"), "自有");
    assert_string_equal(item_field(&c->items[1], u, a, "扣分方法"), "全面完成得满分");
    assert_int_equal(c->items[1].pts, 8000);
    document_free(doc);
}

static void test_bonus_and_veto(void **state)
{
    (void)state;
    document *doc = parse_ok(HEAD "# 附件：细则\n\n## 加分项目\n\n- 获省级表彰。 **2分**\n\n"
                                  "## 一票否决\n\n- 发生重大安全责任事故。\n");
    unit *u = &doc->atts[0].units[0];
    assert_int_equal(u->cats[0].kind, KIND_BONUS);
    assert_int_equal(u->cats[0].items[0].kind, KIND_BONUS);
    assert_int_equal(u->cats[1].kind, KIND_VETO);
    assert_int_equal(u->cats[1].items[0].pts, POINTS_NONE);
    document_free(doc);
}

static void test_softbreak_joins_chinese_lines(void **state)
{
    (void)state;
    document *doc = parse_ok(HEAD "第一行\n第二行 and\nmore\n");
    assert_string_equal(doc->body[0].text, "第一行第二行 and more");
    document_free(doc);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    document *doc = parse_ok("---\r\n版式: leshan\r\n---\r\n\r\n正文。\r\n");
    assert_string_equal(field_value(&doc->meta, "版式"), "leshan");
    assert_string_equal(doc->body[0].text, "正文。");
    assert_int_equal(doc->body[0].line, 5);
    document_free(doc);
}

static void test_points_parse(void **state)
{
    (void)state;
    points p;
    const char *why;
    assert_int_equal(points_parse("3分", &p, &why), 0);
    assert_int_equal(p, 300);
    assert_int_equal(points_parse(" 0.5 ", &p, &why), 0);
    assert_int_equal(p, 50);
    assert_int_equal(points_parse("12.25分", &p, &why), 0);
    assert_int_equal(p, 1225);
    assert_int_equal(points_parse("３分", &p, &why), -1);
    assert_string_equal(why, "full-width digits; write points with 0-9");
    assert_int_equal(points_parse("99999999999999999999", &p, &why), -1);
    assert_string_equal(why, "too large for points");
    assert_int_equal(points_parse("1.", &p, &why), -1);
    assert_string_equal(why, "not a number");
    char buf[32];
    assert_string_equal(points_format(250, buf), "2.5");
    assert_string_equal(points_format(175, buf), "1.75");
    assert_string_equal(points_format(-300, buf), "-3");
}

static void test_inline_points(void **state)
{
    (void)state;
    subpoint_list s = {0};
    points_scan_inline("入会率达到95%以上（4分）。(2分)；（ 1.5 分 ）；（三分）；（5 分", &s);
    assert_int_equal(s.len, 3);
    assert_int_equal(s.items[0], 400);
    assert_int_equal(s.items[1], 200);
    assert_int_equal(s.items[2], 150);
    free(s.items);
}

static char *write_temp(const char *bytes, size_t n)
{
    char *path = xstrdup("/tmp/gongwen-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, n), (ssize_t)n);
    close(fd);
    return path;
}

static void expect_read_error(const char *bytes, size_t n, const char *expected)
{
    char *path = write_temp(bytes, n);
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_file(path, &doc, &d), -1);
    char *got = first_finding(&d);
    assert_string_equal(got, expected);
    assert_string_equal(d.items[0].file, path);
    free(got);
    diag_list_free(&d);
    unlink(path);
    free(path);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    static const char truncated[] = "---\n版式: leshan\n---\n\n正文\xE4\xB8\n";
    expect_read_error(truncated, sizeof truncated - 1, "5: error: invalid UTF-8 (byte 0xE4); save the file as UTF-8");
    static const char latin1[] = "\n\n\xB0\xE6\n";
    expect_read_error(latin1, sizeof latin1 - 1, "3: error: invalid UTF-8 (byte 0xB0); save the file as UTF-8");
    static const char nul[] = "a\nb\0c\n";
    expect_read_error(nul, sizeof nul - 1, "2: error: NUL byte: this is not a text file");
    diag_list d = {0};
    document *doc = NULL;
    assert_int_equal(rubric_parse_file("/nonexistent/x.md", &doc, &d), -1);
    assert_string_equal(d.items[0].message, "cannot open: No such file or directory");
    diag_list_free(&d);
}

static void test_malformed(void **state)
{
    (void)state;
    static const struct {
        const char *md, *expected;
    } cases[] = {
        {"---\n版式: leshan\n", "1: error: front matter opened here is never closed with '---'"},
        {"---\n版式: [leshan\n---\n", "3: error: YAML: did not find expected ',' or ']' while parsing a flow sequence"},
        {"---\n版式:\n  - a\n---\n", "2: error: '版式' must be a single value on its line"},
        {"---\n版式: a\n版式: b\n---\n", "3: error: '版式' is given twice (first on line 2)"},
        {HEAD "# 细则\n", "4: error: a level-1 heading starts an attachment and must begin with 附件: '细则'"},
        {HEAD "正文\n\n## 一、总则\n", "6: error: headings belong to attachments; start one with '# 附件：TITLE' (got '一、总则')"},
        {HEAD "# 附件\n", "4: error: the attachment heading has no title: write # 附件：TITLE"},
        {HEAD "# 附件：T\n\n## 单位：\n", "6: error: the unit heading has no name: write 单位：NAME"},
        {HEAD "# 附件：T\n\n## 类\n\n- 没有分值的条目。\n", "8: error: the item has no points: end it with its points in bold, e.g. **3分**"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **三分**\n", "8: error: cannot read points '三分': not a number"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **３分**\n", "8: error: cannot read points '３分': full-width digits; write points with 0-9"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **1.255分**\n", "8: error: cannot read points '1.255分': more than two decimal places"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **-3分**\n", "8: error: cannot read points '-3分': points cannot be negative"},
        {HEAD "# 附件：T\n\n## 类\n\n1. 条目。 **3分**\n", "8: error: items are '- ' entries; an item's own number belongs in its text (write '- 1．…' or '- 1\\. …')"},
        {HEAD "# 附件：T\n\n## 类\n\n- 2. 条目。 **3分**\n", "8: error: this item's text starts like a list (e.g. '2. '); write '2\\. ' so it stays text"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **3分**\n\n散落的文字。\n", "10: error: text outside any item: '散落的文字。' (items are list entries '- TEXT **N分**' or headings ending in **N分**)"},
        {HEAD "# 附件：T\n\n- 条目。 **3分**\n", "6: error: items must stand under a category heading"},
        {HEAD "正文\n\n- 一\n", "6: error: a list in the notice body: write numbered points as paragraphs ('1\\. …' keeps the number as text)"},
        {HEAD "# 附件：T\n\n<div>x</div>\n", "6: error: HTML is not part of the rubric format"},
        {HEAD "# 附件：T\n\n    code\n", "6: error: a code block (``` or lines indented by a tab or four spaces) is not part of the rubric format; remove the indent"},
        {HEAD "# 附件：T\n\n**扣分**：a\n\n**扣分**：b\n", "8: error: the field '扣分' is given twice here"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **3分**\n\n**扣分**：a\n", "10: error: the field '扣分' stands between items; put it under an item heading, its unit or the attachment"},
        {HEAD "**扣分**：a\n", "4: error: the field '扣分' stands in the notice body; notice details go in the front matter"},
        {HEAD "# 附件：T\n\n## 类\n\n#### 项 **2分**\n\n- 列表\n", "10: error: a list under an item heading: write the item's text as paragraphs"},
        {HEAD "# 附件：T\n\n## 类\n\n- 条目。 **3分**\n\n## 单位：甲\n", "10: error: categories stand before the first 单位 heading: every table of a rubric with units needs its 单位 heading"},
        {HEAD "正文![图](a.png)\n", "4: error: images are not part of the rubric format"},
        {HEAD "# 附件：T\n\n## **3分**\n", "6: error: the heading has points but no name"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_parse_error(cases[i].md, cases[i].expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_items_and_category),
        cmocka_unit_test(test_heading_items_units_fields),
        cmocka_unit_test(test_bonus_and_veto),
        cmocka_unit_test(test_softbreak_joins_chinese_lines),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_points_parse),
        cmocka_unit_test(test_inline_points),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
