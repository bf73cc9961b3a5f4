/* SPDX-License-Identifier: MIT */
/* Unit tests for linebreak: grid capacity, 禁则, unbreakable words, punctuation
 * compression, justification and forced breaks.  Advances follow body text:
 * 16 pt for CJK glyphs, 8 pt for ASCII, so a 448-pt line holds 28 ideographs.
 */
#include "testutil.h"

#include "breaks.h"
#include "linebreak.h"
#include "text.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

typedef struct para {
    uint32_t *cps;
    double *adv;
    size_t n;
    lb_options opt;
    lb_result r;
} para;

static double grid_advance(uint32_t cp) { return cp < 0x80 ? 8 : 16; }

static void para_break(para *p, const char *utf8, lb_options opt)
{
    p->cps = utf8_to_cps(utf8, &p->n);
    p->adv = xmalloc((p->n + 1) * sizeof *p->adv);
    for (size_t i = 0; i < p->n; i++)
        p->adv[i] = grid_advance(p->cps[i]);
    p->opt = opt;
    linebreak(p->cps, p->adv, p->n, &p->opt, &p->r);
}

/* Re-breaks after the caller changed advances. */
static void para_rebreak(para *p)
{
    lb_result_free(&p->r);
    linebreak(p->cps, p->adv, p->n, &p->opt, &p->r);
}

static void para_free(para *p)
{
    lb_result_free(&p->r);
    free(p->cps);
    free(p->adv);
}

static lb_options opts(double width, double indent, bool justify, bool compress)
{
    lb_options o = { .width = width, .first_indent = indent, .mode = justify ? LB_JUSTIFY : LB_RAGGED,
                     .compress_punct = compress };
    return o;
}

/* n copies of 字 followed by tail. */
static char *ideographs(size_t n, const char *tail)
{
    strbuf b = { 0 };
    for (size_t i = 0; i < n; i++)
        sb_puts(&b, "字");
    sb_puts(&b, tail);
    return sb_take(&b);
}

static size_t line_len(const lb_line *l) { return l->end - l->start; }

/* Index, in code points, of needle's first occurrence in s. */
static size_t cp_index(const char *s, const char *needle)
{
    const char *at = strstr(s, needle);
    assert_non_null(at);
    char *prefix = xstrndup(s, (size_t)(at - s));
    size_t i = utf8_length(prefix);
    free(prefix);
    return i;
}

static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* Did the glyphs between two lines include a forced break? */
static bool forced_between(const para *p, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (p->cps[i] == '\n')
            return true;
    return false;
}

/* Right edge of line l's last glyph, with and without a half-em line-end cut. */
static void right_edges(const para *p, size_t l, double *full, double *cut)
{
    const lb_line *ln = &p->r.lines[l];
    size_t m = line_len(ln);
    double adv = p->adv[ln->end - 1];
    *full = ln->x[m - 1] + adv;
    *cut = lb_is_squeezable_closing(p->cps[ln->end - 1]) && m > 1 ? *full - adv / 2 : *full;
}

/* Every property the contract promises for any input. */
static void check_invariants(const para *p)
{
    const lb_result *r = &p->r;
    size_t next = 0;
    for (size_t l = 0; l < r->len; l++) {
        const lb_line *ln = &r->lines[l];
        /* Glyphs are all placed once, in order; only spaces and newlines go. */
        assert_true(ln->start >= next);
        assert_true(ln->end >= ln->start);
        for (size_t i = next; i < ln->start; i++)
            assert_true(p->cps[i] == ' ' || p->cps[i] == '\n');
        next = ln->end;
        size_t m = line_len(ln);
        if (m == 0)
            continue;
        for (size_t i = ln->start; i < ln->end; i++)
            assert_int_not_equal(p->cps[i], '\n');
        if (l > 0)
            assert_int_not_equal(p->cps[ln->start], ' ');
        assert_int_not_equal(p->cps[ln->end - 1], ' ');
        assert_false(lb_is_closing(p->cps[ln->start]));
        bool para_end = ln->end == p->n || forced_between(p, ln->end, ln->end + 1);
        if (!para_end)
            assert_false(lb_is_opening(p->cps[ln->end - 1]));
        /* No number or word is cut at a line end. */
        if (l + 1 < r->len && r->lines[l + 1].start == ln->end)
            assert_false(is_digit(p->cps[ln->end - 1]) && is_digit(p->cps[ln->end]));

        /* A line starts at its indent, or half an opening mark before it
         * (line-start compression, when the line needs it to fit). */
        double x0 = l == 0 ? p->opt.first_indent : p->opt.rest_indent;
        double edge = lb_is_squeezable_opening(p->cps[ln->start]) ? p->adv[ln->start] / 2 : 0;
        assert_true(fabs(ln->x[0] - x0) < EPS || fabs(ln->x[0] - (x0 - edge)) < EPS);
        for (size_t k = 1; k < m; k++)
            assert_true(ln->x[k] > ln->x[k - 1]);

        double full, cut;
        right_edges(p, l, &full, &cut);
        if (m > 1)
            assert_true(cut <= p->opt.width + EPS);
        bool last = l + 1 == r->len;
        bool forced = !last && forced_between(p, ln->end, r->lines[l + 1].start);
        if (p->opt.mode == LB_JUSTIFY && !last && !forced && m > 1)
            assert_true(fabs(full - p->opt.width) < EPS || fabs(cut - p->opt.width) < EPS);
    }
    for (size_t i = next; i < p->n; i++)
        assert_true(p->cps[i] == ' ' || p->cps[i] == '\n');
}

static void assert_not_split(const para *p, size_t from, size_t to)
{
    for (size_t l = 0; l < p->r.len; l++) {
        size_t s = p->r.lines[l].start;
        assert_false(s > from && s < to);
    }
}

static void test_28_ideographs_fill_one_line(void **state)
{
    (void)state;
    char *s = ideographs(28, "");
    para p;
    para_break(&p, s, opts(448, 0, true, true));
    assert_int_equal(p.r.len, 1);
    assert_int_equal(line_len(&p.r.lines[0]), 28);
    assert_true(fabs(p.r.lines[0].width - 448) < EPS);
    for (size_t k = 0; k < 28; k++)
        assert_true(fabs(p.r.lines[0].x[k] - 16.0 * (double)k) < EPS);
    para_free(&p);
    free(s);
}

static void test_29_ideographs_make_two_lines(void **state)
{
    (void)state;
    char *s = ideographs(29, "");
    para p;
    para_break(&p, s, opts(448, 0, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 28);
    assert_int_equal(p.r.lines[1].start, 28);
    assert_int_equal(line_len(&p.r.lines[1]), 1);
    check_invariants(&p);
    para_free(&p);
    free(s);
}

static void test_first_indent_shortens_first_line(void **state)
{
    (void)state;
    char *s = ideographs(28, "");
    para p;
    para_break(&p, s, opts(448, 32, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 26);
    assert_true(fabs(p.r.lines[0].x[0] - 32) < EPS);
    assert_true(fabs(p.r.lines[0].x[25] - 432) < EPS);
    assert_true(fabs(p.r.lines[0].width - 416) < EPS);
    assert_true(fabs(p.r.lines[1].x[0]) < EPS);
    assert_true(fabs(p.r.lines[1].x[1] - 16) < EPS);
    para_free(&p);
    free(s);
}

static void test_justify_spreads_gaps_but_not_last_line(void **state)
{
    (void)state;
    char *s = ideographs(7, "");
    para p;
    para_break(&p, s, opts(100, 0, true, false));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 6);
    for (size_t k = 0; k < 6; k++)
        assert_true(fabs(p.r.lines[0].x[k] - 16.8 * (double)k) < EPS);
    assert_true(fabs(p.r.lines[0].width - 96) < EPS);
    assert_true(fabs(p.r.lines[1].x[0]) < EPS);
    para_free(&p);

    /* Ragged: natural spacing, and no last line of one character (孤字):
     * 5 + 2 rather than 6 + 1. */
    para_break(&p, s, opts(100, 0, false, false));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 5);
    assert_true(fabs(p.r.lines[0].x[4] - 64) < EPS);
    para_free(&p);
    free(s);

    /* Six fit one line: a paragraph of one line is no 孤字. */
    s = ideographs(6, "");
    para_break(&p, s, opts(100, 0, false, false));
    assert_int_equal(p.r.len, 1);
    para_free(&p);
    free(s);
}

/* 27 glyphs fit, then "字，": the comma must not open line 2, so the 字 before
 * it goes down with it. */
static void test_comma_pushes_previous_glyph_down(void **state)
{
    (void)state;
    char *s = ideographs(28, "，后续");
    para p;
    para_break(&p, s, opts(448, 0, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 27);
    assert_int_equal(p.r.lines[1].start, 27);
    assert_int_equal(p.cps[p.r.lines[1].start + 1], 0xFF0C);
    check_invariants(&p);
    para_free(&p);
    free(s);
}

/* 28 glyphs and a period need 464 pt; at 456 the half-em line-end form of 。
 * makes them fit, so nothing is pushed down. */
static void test_line_end_period_compressed_to_fit(void **state)
{
    (void)state;
    char *s = ideographs(28, "。再来");
    para p;
    para_break(&p, s, opts(456, 0, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 29);
    assert_true(fabs(p.r.lines[0].width - 456) < EPS);
    assert_true(fabs(p.r.lines[0].x[28] - 448) < EPS);
    check_invariants(&p);
    para_free(&p);

    para_break(&p, s, opts(456, 0, true, false));
    assert_int_equal(line_len(&p.r.lines[0]), 27);
    assert_int_equal(p.r.lines[1].start, 27);
    check_invariants(&p);
    para_free(&p);
    free(s);
}

/* The line-end comma alone saves 8 pt of the 16 needed; the comma in the
 * middle of the line gives the other 8. */
static void test_mid_line_comma_squeezed_to_keep_line_full(void **state)
{
    (void)state;
    char *head = ideographs(13, "，");
    char *body = ideographs(14, "，尾巴");
    char *s = xasprintf("%s%s", head, body);
    para p;
    para_break(&p, s, opts(448, 0, true, true));
    assert_int_equal(line_len(&p.r.lines[0]), 29);
    assert_true(fabs(p.r.lines[0].width - 448) < EPS);
    assert_true(fabs(p.r.lines[0].x[14] - p.r.lines[0].x[13] - 8) < EPS);
    assert_true(fabs(p.r.lines[0].x[28] - 440) < EPS);
    check_invariants(&p);
    para_free(&p);

    para_break(&p, s, opts(448, 0, true, false));
    assert_int_equal(line_len(&p.r.lines[0]), 27);
    check_invariants(&p);
    para_free(&p);
    free(s);
    free(head);
    free(body);
}

static void test_opening_mark_never_ends_line(void **state)
{
    (void)state;
    char *s = ideographs(27, "《文件》");
    para p;
    para_break(&p, s, opts(448, 0, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 27);
    assert_int_equal(p.cps[p.r.lines[1].start], 0x300A);
    check_invariants(&p);
    para_free(&p);
    free(s);
}

static void test_ellipsis_never_split(void **state)
{
    (void)state;
    char *s = ideographs(27, "……后");
    para p;
    para_break(&p, s, opts(448, 0, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 26);
    assert_int_equal(p.r.lines[1].start, 26);
    assert_int_equal(p.cps[27], 0x2026);
    assert_int_equal(p.cps[28], 0x2026);
    check_invariants(&p);
    para_free(&p);
    free(s);
}

/* 。” and ）。: the first mark loses its right half-em; （《: 《 loses its left. */
static void test_punctuation_runs_compressed(void **state)
{
    (void)state;
    static const double want[] = { 0, 16, 24, 40, 56, 72, 88, 96, 112, 128, 136, 152, 168 };
    /* 好 。 ” 乙 （ 丙 ） 。 丁 （ 《 戊 ： */
    para p;
    para_break(&p, "好。”乙（丙）。丁（《戊：“末", opts(448, 0, true, true));
    assert_int_equal(p.r.len, 1);
    for (size_t k = 0; k < sizeof want / sizeof *want; k++)
        assert_true(fabs(p.r.lines[0].x[k] - want[k]) < EPS);
    assert_true(fabs(p.r.lines[0].x[13] - 176) < EPS); /* “ after a squeezed ： */
    assert_true(fabs(p.r.lines[0].x[14] - 192) < EPS);
    assert_true(fabs(p.r.lines[0].width - 208) < EPS);
    para_free(&p);

    para_break(&p, "好。”乙（丙）。丁（《戊：“末", opts(448, 0, true, false));
    for (size_t k = 0; k < p.n; k++)
        assert_true(fabs(p.r.lines[0].x[k] - 16.0 * (double)k) < EPS);
    para_free(&p);
}

static void test_forced_breaks(void **state)
{
    (void)state;
    para p;
    para_break(&p, "一二\n三\n\n四\n", opts(448, 0, true, true));
    assert_int_equal(p.r.len, 4);
    assert_int_equal(p.r.lines[0].start, 0);
    assert_int_equal(p.r.lines[0].end, 2);
    assert_int_equal(p.r.lines[1].start, 3);
    assert_int_equal(p.r.lines[1].end, 4);
    assert_int_equal(line_len(&p.r.lines[2]), 0);
    assert_null(p.r.lines[2].x);
    assert_int_equal(p.r.lines[3].start, 6);
    /* A line ended by a forced break keeps its natural spacing. */
    assert_true(fabs(p.r.lines[0].x[1] - 16) < EPS);
    check_invariants(&p);
    para_free(&p);

    para_break(&p, "\n", opts(448, 0, true, true));
    assert_int_equal(p.r.len, 1);
    assert_int_equal(line_len(&p.r.lines[0]), 0);
    para_free(&p);
}

static void test_empty_input(void **state)
{
    (void)state;
    lb_options o = opts(448, 32, true, true);
    lb_result r = { (lb_line *)&r, 99 };
    linebreak(NULL, NULL, 0, &o, &r);
    assert_int_equal(r.len, 0);
    assert_null(r.lines);
    lb_result_free(&r);
}

static void test_latin_breaks_at_spaces(void **state)
{
    (void)state;
    para p;
    /* "abc def" is exactly 56 pt; the space after it does not count. */
    para_break(&p, "abc def ghi", opts(56, 0, true, true));
    assert_int_equal(p.r.len, 2);
    assert_int_equal(p.r.lines[0].end, 7);
    assert_int_equal(p.r.lines[1].start, 8);
    assert_int_equal(p.r.lines[1].end, 11);
    check_invariants(&p);
    para_free(&p);
}

static void test_numbers_and_words_stay_whole(void **state)
{
    (void)state;
    const char *s = "数据显示2.5倍和100%以及e-mail与1,000元在2012年，（ABC）均完整";
    static const char *const words[] = { "2.5", "100%", "e-mail", "1,000", "2012", "（ABC）" };
    for (double w = 56; w <= 300; w += 1) { /* 56: the widest word */
        para p;
        para_break(&p, s, opts(w, 0, true, true));
        check_invariants(&p);
        for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
            size_t from = cp_index(s, words[i]);
            assert_not_split(&p, from, from + utf8_length(words[i]));
        }
        para_free(&p);
    }
}

static void test_word_longer_than_line_is_split(void **state)
{
    (void)state;
    strbuf b = { 0 };
    for (int i = 0; i < 100; i++)
        sb_putc(&b, 'A');
    char *s = sb_take(&b);
    para p;
    para_break(&p, s, opts(100, 0, true, true));
    assert_int_equal(p.r.len, 9);
    for (size_t l = 0; l < 8; l++)
        assert_int_equal(line_len(&p.r.lines[l]), 12);
    assert_int_equal(line_len(&p.r.lines[8]), 4);
    check_invariants(&p);
    para_free(&p);
    free(s);

    /* A glyph wider than the line gets a line of its own, unstretched. */
    para_break(&p, "巨字", opts(448, 0, true, true));
    p.adv[0] = 500;
    para_rebreak(&p);
    assert_int_equal(p.r.len, 2);
    assert_int_equal(line_len(&p.r.lines[0]), 1);
    assert_true(fabs(p.r.lines[0].width - 500) < EPS);
    assert_true(fabs(p.r.lines[0].x[0]) < EPS);
    para_free(&p);

    /* Narrower than any glyph: one glyph a line, still terminating. */
    para_break(&p, "一二三", opts(4, 0, true, true));
    assert_int_equal(p.r.len, 3);
    check_invariants(&p);
    para_free(&p);
}

static const char leshan[] =
    "为把全市教科文卫体工会工作进一步落到实处，根据省教科文卫体工会关于印发"
    "《2012年市（州）教科文卫体工会工作目标考核实施细则》，结合乐山市总、"
    "市教科文卫工会2012年度工作要点，特制定《2012年教科文卫体工会工作目标考核"
    "实施细则》，现印发你们，请结合实际贯彻执行。";

static void test_realistic_paragraph_every_width(void **state)
{
    (void)state;
    size_t breaks_before_comma = 0;
    for (int mode = 0; mode < 8; mode++) {
        bool justify = mode & 1, compress = mode & 2;
        double indent = mode & 4 ? 32 : 0;
        for (double w = 100; w <= 448; w += 1) {
            para p;
            para_break(&p, leshan, opts(w, indent, justify, compress));
            assert_true(p.r.len >= 2);
            check_invariants(&p);
            for (size_t l = 1; l < p.r.len; l++)
                breaks_before_comma += p.cps[p.r.lines[l].start + 1] == 0xFF0C;
            para_free(&p);
        }
    }
    /* The 禁则 cases were really exercised, not avoided by luck. */
    assert_true(breaks_before_comma > 0);
}

static void test_mixed_latin_paragraph_every_width(void **state)
{
    (void)state;
    const char *s = "会议于 2012 年 3 月召开，参会率 100% 。The quick brown fox "
                    "jumps over the lazy dog（见附件）……完。";
    for (double w = 60; w <= 300; w += 1) {
        para p;
        para_break(&p, s, opts(w, 16, true, true));
        check_invariants(&p);
        para_free(&p);
    }
}

static void test_character_classes(void **state)
{
    (void)state;
    static const char closing[] = "，。、；：？！）》」』”’…〕】,.;:?!)]％%·・";
    static const char opening[] = "（《「『“‘〔【([";
    size_t n;
    uint32_t *c = utf8_to_cps(closing, &n);
    for (size_t i = 0; i < n; i++) {
        assert_true(lb_is_closing(c[i]));
        assert_false(lb_is_opening(c[i]));
    }
    free(c);
    c = utf8_to_cps(opening, &n);
    for (size_t i = 0; i < n; i++) {
        assert_true(lb_is_opening(c[i]));
        assert_false(lb_is_closing(c[i]));
    }
    free(c);
    assert_false(lb_is_closing(0x5B57)); /* 字 */
    assert_false(lb_is_opening(0x5B57));
    assert_false(lb_is_closing('A'));
    assert_false(lb_is_opening(' '));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_28_ideographs_fill_one_line),
        cmocka_unit_test(test_29_ideographs_make_two_lines),
        cmocka_unit_test(test_first_indent_shortens_first_line),
        cmocka_unit_test(test_justify_spreads_gaps_but_not_last_line),
        cmocka_unit_test(test_comma_pushes_previous_glyph_down),
        cmocka_unit_test(test_line_end_period_compressed_to_fit),
        cmocka_unit_test(test_mid_line_comma_squeezed_to_keep_line_full),
        cmocka_unit_test(test_opening_mark_never_ends_line),
        cmocka_unit_test(test_ellipsis_never_split),
        cmocka_unit_test(test_punctuation_runs_compressed),
        cmocka_unit_test(test_forced_breaks),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_latin_breaks_at_spaces),
        cmocka_unit_test(test_numbers_and_words_stay_whole),
        cmocka_unit_test(test_word_longer_than_line_is_split),
        cmocka_unit_test(test_realistic_paragraph_every_width),
        cmocka_unit_test(test_mixed_latin_paragraph_every_width),
        cmocka_unit_test(test_character_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
