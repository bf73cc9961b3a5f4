/* SPDX-License-Identifier: MIT */
/* Unit tests for paginate: a table's page slices, on heights and line counts
 * alone, without drawing.  Lines are 10 pt, padding 1 pt, so a cell of n
 * lines is 10n + 2 pt tall. */
#include "testutil.h"

#include "paginate.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define LINE 10.0
#define PAD 1.0

typedef struct tbl {
    size_t nrows, ncols;
    size_t *lines, *group;
    bool *sets, *repeat;
    pg_table t;
    pg_result r;
} tbl;

/* A table of rows × cols, every cell of one line, nothing merged; column 0
 * sets heights, the last does not (a score column). */
static void tbl_init(tbl *x, size_t rows, size_t cols)
{
    memset(x, 0, sizeof *x);
    x->nrows = rows;
    x->ncols = cols;
    x->lines = xcalloc(rows * cols, sizeof *x->lines);
    x->group = xcalloc(rows * cols, sizeof *x->group);
    x->sets = xcalloc(cols, sizeof *x->sets);
    x->repeat = xcalloc(cols, sizeof *x->repeat);
    for (size_t r = 0; r < rows; r++)
        for (size_t k = 0; k < cols; k++) {
            x->lines[r * cols + k] = 1;
            x->group[r * cols + k] = r;
        }
    for (size_t k = 0; k < cols; k++)
        x->sets[k] = k + 1 < cols;
    x->t = (pg_table){ .nrows = rows, .ncols = cols, .lines = x->lines, .group = x->group, .sets_height = x->sets,
                       .repeat = x->repeat, .marker_col = 0, .line_h = LINE, .pad = PAD, .min_row = 12,
                       .header_h = 20, .total_h = 0, .first_room = 200, .page_room = 200, .split_lines = 3 };
}

static void tbl_free(tbl *x)
{
    pg_result_free(&x->r);
    free(x->lines);
    free(x->group);
    free(x->sets);
    free(x->repeat);
}

/* Cells (r0..r1, k) merged. */
static void merge(tbl *x, size_t r0, size_t r1, size_t k)
{
    for (size_t r = r0; r <= r1; r++)
        x->group[r * x->ncols + k] = r0;
}

/* Every line of every unmerged cell placed exactly once, in order. */
static void check_all_lines_once(const tbl *x)
{
    for (size_t r = 0; r < x->nrows; r++) {
        for (size_t k = 0; k < x->ncols; k++) {
            size_t i = r * x->ncols + k;
            bool merged = x->group[i] != r || (r + 1 < x->nrows && x->group[i + x->ncols] == r);
            if (merged)
                continue;
            size_t next = 0;
            for (size_t p = 0; p < x->r.nparts; p++) {
                const pg_part *pt = &x->r.parts[p];
                if (pt->row != r)
                    continue;
                assert_int_equal(pt->from[k], next);
                next = pt->to[k];
            }
            assert_int_equal(next, x->lines[i]);
        }
    }
}

/* The height used by rows on page p. */
static double page_height(const tbl *x, size_t p)
{
    double h = 0;
    for (size_t i = 0; i < x->r.pages[p].nparts; i++)
        h += x->r.parts[x->r.pages[p].first_part + i].height;
    return h;
}

static void test_rows_fill_pages_in_order(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 40, 3); /* 40 rows of 12 pt; 180 pt of room a page: 15 a page */
    paginate(&x.t, &x.r);
    assert_int_equal(x.r.npages, 3);
    assert_int_equal(x.r.pages[0].nparts, 15);
    assert_int_equal(x.r.pages[1].nparts, 15);
    assert_int_equal(x.r.pages[2].nparts, 10);
    for (size_t p = 0; p < x.r.npages; p++)
        assert_true(page_height(&x, p) <= 180 + 1e-9);
    check_all_lines_once(&x);
    tbl_free(&x);
}

static void test_filled_in_column_sets_no_height(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 3, 2);
    x.lines[1 * 2 + 1] = 9; /* a long remark in the score column */
    paginate(&x.t, &x.r);
    for (size_t i = 0; i < x.r.nparts; i++)
        assert_true(x.r.parts[i].height == 12);
    tbl_free(&x);
}

static void test_tall_row_split_where_enough_fits(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 12, 2);
    x.lines[11 * 2] = 10; /* the last row: 102 pt; 11 rows of 12 before it leave 48 */
    paginate(&x.t, &x.r);
    assert_int_equal(x.r.npages, 2);
    const pg_part *last = &x.r.parts[x.r.nparts - 1], *before = &x.r.parts[x.r.nparts - 2];
    assert_int_equal(before->row, 11);
    assert_int_equal(last->row, 11);
    assert_false(before->continued);
    assert_true(last->continued);
    assert_int_equal(before->to[0], 4); /* 48 pt hold 4 lines */
    /* the later part holds the marker line and the other 6 */
    assert_true(last->height >= 7 * LINE + 2 * PAD - 1e-9);
    check_all_lines_once(&x);
    tbl_free(&x);
}

static void test_short_row_moves_whole(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 14, 2);
    x.lines[13 * 2] = 4; /* 42 pt; 13 rows of 12 leave 24, 2 lines: fewer than split_lines */
    paginate(&x.t, &x.r);
    assert_int_equal(x.r.npages, 2);
    assert_int_equal(x.r.pages[1].nparts, 1);
    assert_false(x.r.parts[x.r.nparts - 1].continued);
    check_all_lines_once(&x);
    tbl_free(&x);
}

static void test_total_never_alone(void **state)
{
    (void)state;
    for (size_t rows = 1; rows <= 40; rows++) {
        tbl x;
        tbl_init(&x, rows, 2);
        x.t.total_h = 15;
        paginate(&x.t, &x.r);
        const pg_page *last = &x.r.pages[x.r.npages - 1];
        assert_true(last->total);
        assert_true(last->nparts >= 1);
        assert_true(page_height(&x, x.r.npages - 1) + x.t.total_h <= 180 + 1e-9);
        for (size_t p = 0; p + 1 < x.r.npages; p++)
            assert_false(x.r.pages[p].total);
        tbl_free(&x);
    }
}

static void test_merged_text_goes_on_where_it_stopped(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 30, 3);
    merge(&x, 0, 29, 1);
    x.lines[1] = 40; /* a method text of 40 lines merged over all 30 rows */
    paginate(&x.t, &x.r);
    /* Its pieces, page after page, show consecutive lines to the last. */
    size_t next = 0;
    for (size_t i = 0; i < x.r.npieces; i++) {
        const pg_piece *pc = &x.r.pieces[i];
        assert_int_equal(pc->col, 1);
        assert_int_equal(pc->from, next);
        next = pc->to;
    }
    assert_int_equal(next, 40);
    check_all_lines_once(&x);
    tbl_free(&x);
}

static void test_category_shown_whole_where_it_ends(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 20, 3);
    merge(&x, 0, 19, 1);
    x.repeat[1] = true;
    x.lines[1] = 11; /* a category written top to bottom, 11 lines */
    paginate(&x.t, &x.r);
    assert_true(x.r.npages >= 2);
    const pg_piece *last = &x.r.pieces[x.r.npieces - 1];
    assert_int_equal(last->from, 0);
    assert_int_equal(last->to, 11);
    /* every page repeats it from its top */
    for (size_t i = 0; i < x.r.npieces; i++)
        assert_int_equal(x.r.pieces[i].from, 0);
    tbl_free(&x);
}

static void test_category_taller_than_a_page(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 3, 3);
    merge(&x, 0, 2, 1);
    x.repeat[1] = true;
    x.lines[1] = 30; /* 302 pt, whole on no page: once owed on every page, it asked for pages without end */
    paginate(&x.t, &x.r);
    assert_true(x.r.npages <= 2);
    /* shown from its top, as far as an empty page holds (17 lines) */
    for (size_t i = 0; i < x.r.npieces; i++) {
        assert_int_equal(x.r.pieces[i].from, 0);
        assert_true(x.r.pieces[i].to <= 17);
    }
    check_all_lines_once(&x);
    tbl_free(&x);
}

static void test_below_text_row_moves_to_a_new_page(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 5, 2);
    x.t.first_room = 30; /* the header and nothing else fit below the title */
    paginate(&x.t, &x.r);
    assert_true(x.r.starts_new_page);
    assert_int_equal(x.r.npages, 1);
    assert_int_equal(x.r.pages[0].nparts, 5);
    tbl_free(&x);
}

static void test_taller_than_a_page(void **state)
{
    (void)state;
    tbl x;
    tbl_init(&x, 1, 2);
    x.lines[0] = 50; /* 502 pt: 17 lines, then 16 a page after each marker */
    paginate(&x.t, &x.r);
    assert_int_equal(x.r.npages, 4);
    assert_int_equal(x.r.parts[0].to[0], 17);
    assert_int_equal(x.r.parts[1].to[0], 33);
    check_all_lines_once(&x);
    for (size_t p = 0; p < x.r.npages; p++)
        assert_true(page_height(&x, p) <= 180 + 1e-9);
    tbl_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_fill_pages_in_order),
        cmocka_unit_test(test_filled_in_column_sets_no_height),
        cmocka_unit_test(test_tall_row_split_where_enough_fits),
        cmocka_unit_test(test_short_row_moves_whole),
        cmocka_unit_test(test_total_never_alone),
        cmocka_unit_test(test_merged_text_goes_on_where_it_stopped),
        cmocka_unit_test(test_category_shown_whole_where_it_ends),
        cmocka_unit_test(test_category_taller_than_a_page),
        cmocka_unit_test(test_below_text_row_moves_to_a_new_page),
        cmocka_unit_test(test_taller_than_a_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
