/* SPDX-License-Identifier: MIT */
/* Composition read back from the drawing operations, not from a PDF reader:
 * GB/T 9704-2012's geometry of the notice (标志, the grid, 署名 and 日期, the
 * 版记, page numbers), a scored copy paginated like its form, and every
 * character of a table on its pages.  Uses the repository's layouts, font
 * map and rubrics. */
#include "testutil.h"

#include "compose.h"
#include "fonts.h"
#include "grade.h"
#include "layout.h"
#include "parse.h"
#include "scored.h"
#include "scores.h"
#include "text.h"
#include "typeset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MM MM_TO_PT(1.0)
#define TOL 0.05 /* pt */

static fontset *fs;

static int setup(void **state)
{
    (void)state;
    diag_list d = {0};
    int rc = fontset_load("fonts/fontmap.yaml", &fs, &d);
    diag_print(&d, stderr);
    diag_list_free(&d);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    fontset_free(fs);
    return 0;
}

typedef struct typeset_doc {
    document *doc;
    layout *lay;
    page_list pages;
} typeset_doc;

/* The rubric md (a file, or a text when text is given) in layout, typeset
 * whole; no character may lack a font, no error may be found. */
static void typeset_text(typeset_doc *t, const char *path, const char *text, const char *layout_path)
{
    memset(t, 0, sizeof *t);
    diag_list d = {0};
    if (text) {
        char *copy = xstrdup(text);
        assert_int_equal(rubric_parse_text(path, copy, strlen(copy), &t->doc, &d), 0);
        free(copy);
    } else {
        assert_int_equal(rubric_parse_file(path, &t->doc, &d), 0);
    }
    assert_int_equal(layout_load(layout_path, &t->lay, &d), 0);
    shaper sh;
    shaper_init(&sh, fs);
    compose_document(t->doc, t->lay, &sh, NULL, &t->pages, &d);
    assert_int_equal(shaper_report(&sh, &d), 0);
    shaper_free(&sh);
    diag_print(&d, stderr);
    assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
    diag_list_free(&d);
}

static void typeset_free(typeset_doc *t)
{
    page_list_free(&t->pages);
    layout_free(t->lay);
    document_free(t->doc);
}

/* The text of a text op, as UTF-8 (caller frees). */
static char *op_text(const op *o)
{
    strbuf sb = {0};
    for (size_t i = 0; i < o->ncps; i++)
        utf8_encode(&sb, o->cps[i]);
    return sb_take(&sb);
}

/* The first text op on pg that begins with prefix, or NULL. */
static const op *find_text(const page *pg, const char *prefix)
{
    for (size_t i = 0; i < pg->len; i++) {
        if (pg->ops[i].kind != OP_TEXT)
            continue;
        char *t = op_text(&pg->ops[i]);
        bool match = starts_with(t, prefix);
        free(t);
        if (match)
            return &pg->ops[i];
    }
    return NULL;
}

/* x of the right edge of the last glyph of the ops on pg's baseline y that
 * start right of x0, counting each glyph's cell (advance + char spacing). */
static double line_end(const page *pg, double y, const fontset *set)
{
    double end = -INFINITY;
    for (size_t i = 0; i < pg->len; i++) {
        const op *o = &pg->ops[i];
        if (o->kind != OP_TEXT || fabs(o->y - y) > TOL)
            continue;
        double x = o->x;
        for (size_t k = 0; k < o->ncps; k++)
            x += fontset_advance(set, o->face, o->cps[k]) * o->size + o->char_spacing;
        if (x > end)
            end = x;
    }
    return end;
}

static const double LEFT = 28 * 72 / 25.4, TEXT_W = 156 * 72 / 25.4, TOP = A4_HEIGHT_PT - 37 * 72 / 25.4;

static void test_masthead_and_grid(void **state)
{
    (void)state;
    typeset_doc t;
    typeset_text(&t, "tests/fixtures/full-notice.md", NULL, "layouts/leshan.yaml");
    const page *p1 = &t.pages.pages[0];
    const op *mast = find_text(p1, "某市总工会文件");
    assert_non_null(mast);
    /* 标志: its em box's top 35 mm below the text area's top, in red */
    assert_true(fabs(mast->y + 0.88 * mast->size - (TOP - 35 * MM)) < TOL);
    assert_true(mast->color.r > 0.8 && mast->color.g < 0.1);
    /* the body on a grid of 22 lines in 225 mm, 28 characters to 156 mm */
    const op *first = find_text(p1, "为进一步");
    assert_non_null(first);
    assert_true(fabs(first->x - (LEFT + 2 * TEXT_W / 28)) < TOL);
    assert_true(fabs(line_end(p1, first->y, fs) - (LEFT + TEXT_W)) < TOL);
    const op *second = find_text(p1, "根据上级");
    assert_non_null(second);
    assert_true(fabs(second->x - LEFT) < TOL);
    assert_true(fabs((first->y - second->y) - 225 * MM / 22) < TOL);
    /* 页码: "— 1 —" one 4号 character in from the right, its dash 7 mm below */
    const op *number = find_text(p1, "\u2014");
    assert_non_null(number);
    assert_non_null(find_text(p1, "1"));
    assert_true(fabs(line_end(p1, number->y, fs) - (LEFT + TEXT_W - 14)) < TOL);
    double low, high;
    assert_true(fontset_ink_height(fs, number->face, 0x2014, &low, &high));
    assert_true(fabs((TOP - 225 * MM - 7 * MM) - (number->y + (low + high) / 2 * 14)) < TOL);
    typeset_free(&t);
}

/* 7.3.5.2: the 署名 two characters in from the right and the date two
 * characters right of its first; a longer date two characters in, the 署名
 * two characters before it. */
static void test_signature_and_date(void **state)
{
    (void)state;
    static const char *const sigs[] = { "某市总工会工作委员会办公室", "总工会" };
    for (size_t i = 0; i < 2; i++) {
        char *md = xasprintf("---\n版式: leshan\n发文机关: 某市总工会\n署名: %s\n发文字号: 某工〔2025〕1号\n"
                             "标题: 关于某事的通知\n主送机关: 各单位\n成文日期: 2025年12月31日\n---\n\n正文。\n",
                             sigs[i]);
        typeset_doc t;
        typeset_text(&t, "t.md", md, "layouts/leshan.yaml");
        const page *p1 = &t.pages.pages[0];
        const op *sig = find_text(p1, sigs[i]), *date = find_text(p1, "2025");
        assert_non_null(sig);
        assert_non_null(date);
        double ch = TEXT_W / 28, right = LEFT + TEXT_W;
        if (i == 0) { /* the date (7 characters) is not longer than the 署名 less two */
            assert_true(fabs(line_end(p1, sig->y, fs) - (right - 2 * ch)) < 0.5);
            assert_true(fabs(date->x - (sig->x + 2 * ch)) < TOL);
        } else {
            assert_true(fabs(line_end(p1, date->y, fs) - (right - 2 * ch)) < 0.5);
            assert_true(fabs(sig->x - (date->x - 2 * ch)) < TOL);
        }
        /* one blank line between the body and the 署名, the date on the next */
        assert_true(fabs((sig->y - date->y) - 225 * MM / 22) < TOL);
        typeset_free(&t);
        free(md);
    }
}

/* 7.4: the 版记 at the foot of the last page, after the attachments. */
static void test_colophon_last(void **state)
{
    (void)state;
    typeset_doc t;
    typeset_text(&t, "tests/fixtures/full-notice.md", NULL, "layouts/leshan.yaml");
    const page *last = &t.pages.pages[t.pages.len - 1];
    assert_non_null(find_text(last, "抄送："));
    assert_non_null(find_text(last, "附件2"));
    for (size_t p = 0; p + 1 < t.pages.len; p++)
        assert_null(find_text(&t.pages.pages[p], "抄送："));
    /* its last rule on the text area's bottom */
    bool bottom = false;
    for (size_t i = 0; i < last->len; i++)
        bottom |= last->ops[i].kind == OP_LINE && fabs(last->ops[i].y1 - (TOP - 225 * MM)) < TOL &&
                  last->ops[i].width >= 1.0;
    assert_true(bottom);
    typeset_free(&t);
}

/* The table's horizontal rules on pg, as y values: where its rows end
 * (not the header line's thinner underlines, which a copy fills in). */
static size_t rules(const page *pg, double *ys, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->len && n < max; i++)
        if (pg->ops[i].kind == OP_LINE && fabs(pg->ops[i].y1 - pg->ops[i].y2) < TOL && pg->ops[i].width > 0.6)
            ys[n++] = pg->ops[i].y1;
    return n;
}

/* A scored copy paginates as the form: the same pages, the same rows. */
static void test_scored_copy_paginates_like_the_form(void **state)
{
    (void)state;
    typeset_doc form;
    typeset_text(&form, "rubrics/leshan-2012.md", NULL, "layouts/leshan.yaml");
    diag_list d = {0};
    scoresheet *sheet = NULL;
    grades g;
    assert_int_equal(scoresheet_load("examples/leshan-2012/yizhong.yaml", &sheet, &d), 0);
    assert_int_equal(grades_compute(form.doc, sheet, &g, &d), 0);
    document *copy = scored_document(form.doc, &g, sheet, form.lay->table.scored_label);
    shaper sh;
    shaper_init(&sh, fs);
    page_list pages = {0};
    compose_document(copy, form.lay, &sh, NULL, &pages, &d);
    assert_int_equal(shaper_report(&sh, &d), 0);
    assert_int_equal(diag_count(&d, DIAG_ERROR), 0);
    assert_int_equal(pages.len, form.pages.len);
    for (size_t p = 0; p < pages.len; p++) {
        double a[512], b[512];
        size_t na = rules(&form.pages.pages[p], a, 512), nb = rules(&pages.pages[p], b, 512);
        assert_int_equal(na, nb);
        for (size_t i = 0; i < na; i++)
            assert_true(fabs(a[i] - b[i]) < TOL);
    }
    assert_non_null(find_text(&pages.pages[pages.len - 1], "自评得分合计：95分"));
    page_list_free(&pages);
    shaper_free(&sh);
    document_free(copy);
    grades_free(&g);
    scoresheet_free(sheet);
    diag_list_free(&d);
    typeset_free(&form);
}

/* Every character of every item's text is drawn, however its row is cut. */
static void test_no_character_lost_from_a_table(void **state)
{
    (void)state;
    typeset_doc t;
    typeset_text(&t, "tests/fixtures/shapes/twelve.md", NULL, "tests/fixtures/layouts/twelve.yaml");
    size_t drawn[0x10000] = {0};
    for (size_t p = 0; p < t.pages.len; p++)
        for (size_t i = 0; i < t.pages.pages[p].len; i++) {
            const op *o = &t.pages.pages[p].ops[i];
            for (size_t k = 0; o->kind == OP_TEXT && k < o->ncps; k++)
                if (o->cps[k] < 0x10000)
                    drawn[o->cps[k]]++;
        }
    size_t wanted[0x10000] = {0};
    const unit *u = &t.doc->atts[0].units[0];
    for (size_t c = 0; c < u->len; c++)
        for (size_t i = 0; i < u->cats[c].len; i++) {
            size_t n;
            uint32_t *cps = utf8_to_cps(u->cats[c].items[i].text, &n);
            for (size_t k = 0; k < n; k++)
                if (cps[k] < 0x10000 && cps[k] != ' ')
                    wanted[cps[k]]++;
            free(cps);
        }
    for (size_t cp = 0; cp < 0x10000; cp++)
        if (wanted[cp] > drawn[cp])
            fail_msg("U+%04zX: %zu wanted, %zu drawn", cp, wanted[cp], drawn[cp]);
    typeset_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_masthead_and_grid),
        cmocka_unit_test(test_signature_and_date),
        cmocka_unit_test(test_colophon_last),
        cmocka_unit_test(test_scored_copy_paginates_like_the_form),
        cmocka_unit_test(test_no_character_lost_from_a_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
