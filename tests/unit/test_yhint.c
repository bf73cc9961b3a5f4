/* SPDX-License-Identifier: MIT */
/* YAML that does not read as meant: each mistake a clerk makes told as what
 * was done wrong, at the line where it was done (not where libyaml stopped);
 * files given the wrong way round; and the names near a misspelling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "diag.h"
#include "scores.h"
#include "source.h"
#include "text.h"
#include "ytree.h"

/* The findings of parsing yaml, as "LINE: message" lines. */
static char *findings(const char *yaml)
{
    diag_list d = {0};
    ynode *root = NULL;
    int rc = ytree_parse(yaml, strlen(yaml), "t.yaml", 1, &root, &d);
    strbuf sb = {0};
    for (size_t i = 0; i < d.len; i++)
        sb_printf(&sb, "%d: %s\n", d.items[i].line, d.items[i].message);
    assert_int_equal(rc, d.len ? -1 : 0);
    ytree_free(root);
    diag_list_free(&d);
    return sb_take(&sb);
}

static void expect(const char *yaml, const char *want)
{
    char *got = findings(yaml);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "for:\n%s", yaml);
    assert_string_equal(got, want);
    free(got);
}

static void test_colons(void **state)
{
    (void)state;
    /* A full-width colon on the first key: libyaml stops a line later. */
    expect("单位：某区总工会\n得分:\n  \"1.1\": 30\n",
           "1: the colon after '单位' is the full-width ：; write the colon as : (ASCII), followed by a space: "
           "单位: 某区总工会\n");
    expect("单位：某区总工会\n", "1: the colon after '单位' is the full-width ：; write the colon as : (ASCII), "
                              "followed by a space: 单位: 某区总工会\n");
    expect("单位: 某区\n得分：\n  \"1.1\": 30\n",
           "2: the colon after '得分' is the full-width ：; write the colon as : (ASCII), followed by a space: 得分:\n");
    expect("单位: 某区\n得分:\n  \"1.1\"：30\n",
           "3: the colon after '1.1' is the full-width ：; write the colon as : (ASCII), followed by a space: "
           "\"1.1\": 30\n");
    expect("单位: 某区\n得分:\n  1.1: 30\n  1.2：30\n  2.1: 3\n",
           "4: the colon after '1.2' is the full-width ：; write the colon as : (ASCII), followed by a space: 1.2: 30\n");
    /* No space after the colon. */
    expect("单位: 某区\n得分:5\n", "2: no space after the colon of '得分': write 得分: 5\n");
    expect("单位: 某区\n得分:\n  \"1.1\":30\n  \"1.2\": 3\n", "3: no space after the colon of '1.1': write \"1.1\": 30\n");
    expect("单位:某区总工会\n", "1: no space after the colon of '单位': write 单位: 某区总工会\n");
    expect("单位:某区总工会\n得分:\n  \"1.1\": 3\n", "1: no space after the colon of '单位': write 单位: 某区总工会\n");
    /* A long value is shown cut. */
    expect("单位:一二三四五六七八九十一二三四五六七八九十一二\n",
           "1: no space after the colon of '单位': write 单位: 一二三四五六七八九十一二三四五六七八九十…\n");
    /* A value holding ": ". */
    expect("单位: 某区\n评分人: 张三: 李四\n",
           "2: the value of '评分人' holds ': ', which YAML reads as another key: put the value in quotes, "
           "评分人: \"…\"\n");
    /* Colons that are no mistake: a URL, a time inside a value, a full-width
     * colon in a list entry, none of them blamed for another error. */
    expect("地址: http://example.com\n时间: 12:30\n附件说明:\n  - 附件1：细则\n", "");
    expect("附件说明:\n  - 附件1：细则\n标题: [未完\n",
           "3: the list opened with '[' on this line is never closed with ']'\n");
}

static void test_indent(void **state)
{
    (void)state;
    expect("单位: 某区\n得分:\n\t\"1.1\": 30\n", "3: this line is indented with a tab: indent with spaces, not tabs\n");
    expect("单位: 某区\n得分:\n  \"1.1\": 30\n\t\"1.2\": 3\n",
           "4: this line is indented with a tab: indent with spaces, not tabs\n");
    expect("单位: 某区\n得分:\n  \"1.1\": 30\n \"1.2\": 3\n  \"2.1\": 3\n",
           "4: this line is indented by 1 space and the line above it by 2: indent the lines of one list alike\n");
    expect("单位: 某区\n得分:\n    \"1.1\": 30\n  \"1.2\": 3\n",
           "4: this line is indented by 2 spaces and the line above it by 4: indent the lines of one list alike\n");
    /* One score at the left edge among indented ones: that line is blamed,
     * not the one below it, where libyaml stops. */
    expect("单位: 某区\n得分:\n  \"1.1\": 30\n\"1.2\": 3\n  \"2.1\": 3\n",
           "4: this line is indented by 0 spaces and the lines around it by 2: indent the lines of one list alike\n");
    expect("单位: 某区\n得分: 5\n  \"1.1\": 30\n",
           "3: this line is indented under '得分', which already has a value on its line: indent this line as "
           "'得分' is, or remove that value\n");
    expect("单位: 某区\n得分:\n  \"1.1\": 30\n    \"1.2\": 3\n",
           "4: this line is indented under '1.1', which already has a value on its line: indent this line as "
           "'1.1' is, or remove that value\n");
    expect("得分:\n  - \"1.1\": 30\n  \"1.2\": 3\n",
           "3: a list is '- ' entries or NAME: VALUE lines, not both: write this line as the one above it\n");
}

static void test_other_mistakes(void **state)
{
    (void)state;
    expect("单位: \"某区\n得分:\n", "1: the quotation mark opened on this line is not closed on it\n");
    /* Left open, the value runs on to the next mark, lines below. */
    expect("单位: \"某区\n得分:\n  \"1.1\": 30\n", "1: the quotation mark opened on this line is not closed on it\n");
    expect("单位: {名: 甲\n", "1: the map opened with '{' on this line is never closed with '}'\n");
    /* The file ends inside the brackets: the line that opened them. */
    expect("表:\n  列: [甲,\n\n", "2: the list opened with '[' on this line is never closed with ']'\n");
    expect("表: {甲: 1,\n", "1: the map opened with '{' on this line is never closed with '}'\n");
    expect("字体: \"C:\\gongwen\"\n", "1: in double quotes a backslash starts an escape such as \\n: write \\\\ for a "
                                  "backslash, or put the text in single quotes\n");
    expect("单位: @某区\n", "1: a value cannot begin with @: put it in quotes, \"@…\"\n");
    expect("单位: 甲\n说明: `代码`\n", "2: a value cannot begin with `: put it in quotes, \"`…\"\n");
    expect("得分: - 1\n", "1: a list entry ('- ') goes on a line of its own, indented under its key\n");
    /* What is none of these keeps libyaml's words, at its line. */
    expect("a: !<x\n", "1: this line does not read as YAML (did not find the expected '>' while scanning a tag): "
                      "look at its colons, quotation marks and indent\n");
}

/* A scores file given as the rubric, and a rubric as the scores file. */
static void test_file_kinds(void **state)
{
    (void)state;
    static const char scores[] = "# 某区\r\n单位: 某区总工会\r\n得分:\r\n  \"1.1\": 3\r\n";
    static const char rubric[] = "\xEF\xBB\xBF---\n版式: leshan\n---\n\n# 附件：细则\n";
    assert_true(scores_recognised(scores, strlen(scores)));
    assert_false(scores_recognised(rubric, strlen(rubric)));
    assert_true(source_rubric_recognised(rubric, strlen(rubric)));
    assert_false(source_rubric_recognised(scores, strlen(scores)));
    /* A scores file may open with YAML's own '---'. */
    assert_false(source_rubric_recognised("---\n单位: 甲\n", 15));
}

static void test_nearest_name(void **state)
{
    (void)state;
    static const char *const layouts[] = {"leshan", "tiered", "zhuzhou", NULL};
    static const char *const keys[] = {"单位", "评分人", "评分日期", "缺项", "得分", NULL};
    assert_int_equal(edit_distance("leshan", "leshan"), 0);
    assert_int_equal(edit_distance("leshna", "leshan"), 1); /* two neighbours swapped */
    assert_int_equal(edit_distance("", "abc"), 3);
    assert_int_equal(edit_distance("得份", "得分"), 1);
    assert_string_equal(nearest_name("leshna", layouts), "leshan");
    assert_string_equal(nearest_name("Leshan", layouts), "leshan");
    assert_string_equal(nearest_name("zhuzou", layouts), "zhuzhou");
    assert_null(nearest_name("nosuch", layouts));
    assert_string_equal(nearest_name("得份", keys), "得分");
    assert_null(nearest_name("等级", keys));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colons),     cmocka_unit_test(test_indent),
        cmocka_unit_test(test_other_mistakes), cmocka_unit_test(test_file_kinds),
        cmocka_unit_test(test_nearest_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
