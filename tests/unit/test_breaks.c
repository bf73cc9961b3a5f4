/* SPDX-License-Identifier: MIT */
/* Unit tests for breaks and the line breaker together: numbers stay with
 * their units, display text keeps words and the document's names whole,
 * lists break after their separators, titles are balanced. */
#include "testutil.h"

#include "breaks.h"
#include "linebreak.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static breaker *words;

static int setup(void **state)
{
    (void)state;
    words = breaker_new();
    return words ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    breaker_free(words);
    return 0;
}

/* The cost of a line starting where needle first occurs in s. */
static double cost_before(const char *s, const char *needle, break_style style)
{
    const char *at = strstr(s, needle);
    assert_non_null(at);
    size_t n;
    uint32_t *cps = utf8_to_cps(s, &n);
    double *costs = xmalloc((n + 1) * sizeof *costs);
    break_costs(words, cps, n, style, costs);
    char *prefix = xstrndup(s, (size_t)(at - s));
    double c = costs[utf8_length(prefix)];
    free(prefix);
    free(costs);
    free(cps);
    return c;
}

/* s broken in style at width (in ems of 10 pt; ASCII half an em), as
 * "line|line|line". */
static char *broken(const char *s, double ems, break_style style, lb_mode mode)
{
    size_t n;
    uint32_t *cps = utf8_to_cps(s, &n);
    double *adv = xmalloc((n + 1) * sizeof *adv), *costs = xmalloc((n + 1) * sizeof *costs);
    for (size_t i = 0; i < n; i++)
        adv[i] = cps[i] < 0x80 ? 5 : 10;
    break_costs(words, cps, n, style, costs);
    lb_options opt = { .width = ems * 10, .mode = mode, .em = 10, .costs = costs };
    lb_result r;
    linebreak(cps, adv, n, &opt, &r);
    strbuf sb = { 0 };
    for (size_t l = 0; l < r.len; l++) {
        if (l)
            sb_putc(&sb, '|');
        for (size_t i = r.lines[l].start; i < r.lines[l].end; i++)
            utf8_encode(&sb, cps[i]);
    }
    lb_result_free(&r);
    free(adv);
    free(costs);
    free(cps);
    return sb_take(&sb);
}

#define EXPECT_BROKEN(s, ems, style, mode, want)                                                   \
    do {                                                                                           \
        char *got_ = broken((s), (ems), (style), (mode));                                          \
        assert_string_equal(got_, (want));                                                         \
        free(got_);                                                                                \
    } while (0)

static void test_numbers_keep_their_units(void **state)
{
    (void)state;
    static const struct { const char *s, *at; } never[] = {
        { "健全职工档案（2分）", "分" }, { "得4分", "分" },    { "扣0.5分", "分" },
        { "达到80%以上", "%" },          { "2016年", "年" },   { "每年3次", "次" },
        { "达到≥95%", "9" },             { "第3条", "3" },     { "〔2012〕12号", "号" },
        { "2012年7月12日", "7" },        { "0.5分", "5" },     { "1,000元", "000" },
    };
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        for (int style = BREAK_ANYWHERE; style <= BREAK_LIST; style++)
            assert_true(cost_before(never[i].s, never[i].at, (break_style)style) ==
                        BREAK_NEVER);
    /* Between a hanzi and the number that follows, body text may break. */
    assert_true(cost_before("扣0.5分", "0", BREAK_ANYWHERE) == 0);
    /* In a narrow cell, the number then goes down with its unit. */
    EXPECT_BROKEN("资料不全每项扣0.5分", 7, BREAK_WORDS, LB_RAGGED, "资料不全每项扣|0.5分");
}

static void test_body_breaks_between_any_hanzi(void **state)
{
    (void)state;
    const char *s = "教科文卫体工会工作";
    for (const char *p = s + 3; *p; p += 3)
        assert_true(cost_before(s, p, BREAK_ANYWHERE) == 0);
}

static void test_display_text_keeps_words(void **state)
{
    (void)state;
    /* ICU's boundaries, runs of single hanzi as one word. */
    assert_true(cost_before("联系电话", "话", BREAK_WORDS) >= BREAK_IN_WORD);
    assert_true(cost_before("联系电话", "电", BREAK_WORDS) < BREAK_IN_WORD);
    assert_true(cost_before("困难职工帮扶", "扶", BREAK_WORDS) >= BREAK_IN_WORD);
    assert_true(cost_before("加强基层工会", "层", BREAK_WORDS) >= BREAK_IN_WORD);
    EXPECT_BROKEN("困难职工帮扶", 5, BREAK_WORDS, LB_RAGGED, "困难职工|帮扶");
    EXPECT_BROKEN("联系电话", 3, BREAK_WORDS, LB_RAGGED, "联系|电话");
}

static void test_names_are_never_split_while_a_word_boundary_will_do(void **state)
{
    (void)state;
    breaker_add_name(words, "乐山市教科文卫体工会");
    /* the name, and its core after the place: 教科文卫体工会 */
    assert_true(cost_before("乐山市教科文卫体工会", "文", BREAK_WORDS) >= BREAK_IN_NAME);
    assert_true(cost_before("印发《2012年教科文卫体工会工作", "文", BREAK_WORDS) >= BREAK_IN_NAME);
    assert_true(cost_before("印发《2012年教科文卫体工会工作", "工作", BREAK_WORDS) < BREAK_IN_WORD);
}

static void test_lists_break_after_their_separators(void **state)
{
    (void)state;
    const char *s = "各县（市、区）总工会、系统工会、市直属单位工会";
    assert_true(cost_before(s, "系统", BREAK_LIST) == BREAK_AFTER_PUNCT);
    /* the 、 inside brackets does not end an item */
    assert_true(cost_before(s, "区", BREAK_LIST) > BREAK_AFTER_PUNCT);
    assert_true(cost_before(s, "工会、系", BREAK_LIST) > BREAK_AFTER_PUNCT);
    EXPECT_BROKEN(s, 14, BREAK_LIST, LB_RAGGED, "各县（市、区）总工会、|系统工会、市直属单位工会");
}

static void test_labels_stay_with_what_they_label(void **state)
{
    (void)state;
    assert_true(cost_before("三、参与民生建设", "参", BREAK_WORDS) >= BREAK_IN_WORD);
    assert_true(cost_before("（四）夯实组织基础", "夯", BREAK_WORDS) >= BREAK_IN_WORD);
    assert_true(cost_before("1.按期换届", "按", BREAK_ANYWHERE) >= BREAK_IN_WORD);
    /* … unless the two cannot share a line, and the label then goes alone
     * rather than split the category's name */
    breaker_add_name(words, "安全生产");
    EXPECT_BROKEN("十一、安全生产", 4.5, BREAK_WORDS, LB_RAGGED, "十一、|安全生产");
}

static void test_kinsoku_in_every_style(void **state)
{
    (void)state;
    const char *s = "工作（一）要求，落实。“双联”";
    for (int style = BREAK_ANYWHERE; style <= BREAK_LIST; style++) {
        assert_true(cost_before(s, "一", (break_style)style) == BREAK_NEVER);
        assert_true(cost_before(s, "，", (break_style)style) == BREAK_NEVER);
        assert_true(cost_before(s, "）", (break_style)style) == BREAK_NEVER);
        assert_true(cost_before(s, "双", (break_style)style) == BREAK_NEVER);
    }
}

static void test_title_balanced_whole_words(void **state)
{
    (void)state;
    breaker_add_name(words, "某市总工会");
    /* 26 cells in lines of 20: two balanced lines, broken between words */
    EXPECT_BROKEN("某市总工会关于开展2025年度基层工会工作目标考核的通知", 20, BREAK_WORDS, LB_BALANCE,
                  "某市总工会关于开展2025年度|基层工会工作目标考核的通知");
    /* a diamond or trapezoid, never an hourglass */
    char *got = broken("乐山市教科文卫体工会关于印发《2012年教科文卫体工会工作目标考核实施细则》的通知", 20,
                       BREAK_WORDS, LB_BALANCE);
    size_t widths[8], n = 0;
    for (char *line = strtok(got, "|"); line && n < 8; line = strtok(NULL, "|"))
        widths[n++] = utf8_length(line);
    assert_int_equal(n, 3);
    assert_false(widths[1] < widths[0] && widths[1] < widths[2]);
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_keep_their_units),
        cmocka_unit_test(test_body_breaks_between_any_hanzi),
        cmocka_unit_test(test_display_text_keeps_words),
        cmocka_unit_test(test_names_are_never_split_while_a_word_boundary_will_do),
        cmocka_unit_test(test_lists_break_after_their_separators),
        cmocka_unit_test(test_labels_stay_with_what_they_label),
        cmocka_unit_test(test_kinsoku_in_every_style),
        cmocka_unit_test(test_title_balanced_whole_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
