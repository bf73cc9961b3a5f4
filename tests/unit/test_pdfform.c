/* SPDX-License-Identifier: MIT */
/* pdfform and pdfread: field ops written as a fillable form and read back
 * through qpdf; the same ops in a plain PDF change nothing. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "fonts.h"
#include "page.h"
#include "pdfread.h"
#include "pdfwrite.h"
#include "text.h"

#define MAP FIXTURES "fonts/pdf-map.yaml"
#define FORM_ID "rubric=0123456789abcdef numbering=id file=细则.md"

typedef struct fixture {
    fontset *fs;
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    diag_list d = {0};
    int rc = fontset_load(MAP, &fx->fs, &d);
    diag_list_free(&d);
    strcpy(fx->dir, "/tmp/gongwen-form-XXXXXX");
    if (!mkdtemp(fx->dir))
        rc = -1;
    *state = fx;
    return rc;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char *cmd = xasprintf("rm -rf '%s'", fx->dir);
    int rc = system(cmd);
    free(cmd);
    fontset_free(fx->fs);
    free(fx);
    return rc;
}

/* A page with a line of text and, with fields, a header blank, two score
 * cells and a cell of a named unit's table. */
static void build_doc(page_list *doc, const fontset *fs, bool fields)
{
    memset(doc, 0, sizeof *doc);
    page *p = page_list_add(doc);
    const uint32_t cps[] = {0x5355, 0x4F4D}; /* 单位 */
    page_add_text(p, fontset_face_for(fs, ROLE_FANGSONG, cps[0]), 12, 80, 700, 0, false, (rgb){0, 0, 0}, cps, 2);
    page_add_line(p, 110, 698, 250, 698, 0.5, (rgb){0, 0, 0});
    if (!fields)
        return;
    page_add_field(p, FORM_TEXT, "单位", NULL, 0, 12, 110, 696, 250, 712);
    page_add_field(p, FORM_SCORE, "1.1", NULL, 5, 12, 400, 600, 460, 640);
    page_add_field(p, FORM_SCORE, "1.2", NULL, 0, 12, 400, 560, 460, 600);
    page_add_field(p, FORM_SCORE, "7", "株洲市.教育工会", 0, 12, 400, 520, 460, 560);
}

static int write(const fixture *fx, bool fields, bool fillable, const char *name, diag_list *d)
{
    page_list doc;
    build_doc(&doc, fx->fs, fields);
    char *out = xasprintf("%s/%s", fx->dir, name);
    pdf_info info = {.title = "表", .epoch = -1, .fillable = fillable, .form_id = fillable ? FORM_ID : NULL};
    int rc = pdf_write(&doc, fx->fs, NULL, &info, out, d);
    page_list_free(&doc);
    free(out);
    return rc;
}

static char *slurp(const fixture *fx, const char *name, size_t *len)
{
    char *path = xasprintf("%s/%s", fx->dir, name), *text;
    diag_list d = {0};
    assert_int_equal(file_read(path, 0, &text, len, &d), 0);
    free(path);
    return text;
}

/* The fields come back by their fully qualified names, empty, with what the
 * form is a form of; qpdf finds nothing wrong. */
static void test_fields_read_back(void **state)
{
    fixture *fx = *state;
    diag_list d = {0};
    assert_int_equal(write(fx, true, true, "form.pdf", &d), 0);
    char *path = xasprintf("%s/form.pdf", fx->dir);
    pdf_fields f;
    assert_int_equal(pdf_read_fields(path, &f, &d), 0);
    assert_int_equal(f.len, 4);
    assert_string_equal(f.items[0].name, "单位");
    assert_string_equal(f.items[1].name, "1.1");
    assert_string_equal(f.items[2].name, "1.2");
    assert_string_equal(f.items[3].name, "株洲市．教育工会.7"); /* a dot within a part is '．' */
    for (size_t i = 0; i < f.len; i++) {
        assert_null(f.items[i].value);
        assert_true(f.items[i].text);
    }
    assert_string_equal(f.form_id, FORM_ID);
    pdf_fields_free(&f);
    char *cmd = xasprintf("qpdf --check '%s' >/dev/null", path);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(path);
    assert_int_equal(d.len, 0);
}

/* Not asked for a form, the writer passes the field ops by: the same bytes
 * as a document without them, and no form to read. */
static void test_plain_pdf_unchanged(void **state)
{
    fixture *fx = *state;
    diag_list d = {0};
    assert_int_equal(write(fx, true, false, "with.pdf", &d), 0);
    assert_int_equal(write(fx, false, false, "without.pdf", &d), 0);
    size_t a, b;
    char *with = slurp(fx, "with.pdf", &a), *without = slurp(fx, "without.pdf", &b);
    assert_int_equal(a, b);
    assert_memory_equal(with, without, a);
    free(with);
    free(without);
    char *path = xasprintf("%s/with.pdf", fx->dir);
    pdf_fields f;
    assert_int_equal(pdf_read_fields(path, &f, &d), -1);
    assert_non_null(strstr(d.items[0].message, "not a form"));
    free(path);
    diag_list_free(&d);
}

/* Two fields of one name would be one field to a reader: refused. */
static void test_one_name_twice(void **state)
{
    fixture *fx = *state;
    page_list doc;
    build_doc(&doc, fx->fs, true);
    page_add_field(&doc.pages[0], FORM_SCORE, "1.1", NULL, 0, 12, 400, 480, 460, 520);
    char *out = xasprintf("%s/twice.pdf", fx->dir);
    pdf_info info = {.epoch = -1, .fillable = true, .form_id = FORM_ID};
    diag_list d = {0};
    assert_int_equal(pdf_write(&doc, fx->fs, NULL, &info, out, &d), -1);
    assert_non_null(strstr(d.items[0].message, "two of its fields would be named '1.1'"));
    FILE *f = fopen(out, "rb");
    assert_null(f);
    page_list_free(&doc);
    free(out);
    diag_list_free(&d);
}

/* A file that is no PDF is said to be one qpdf cannot read. */
static void test_not_a_pdf(void **state)
{
    fixture *fx = *state;
    char *path = xasprintf("%s/letter.pdf", fx->dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("not a PDF\n", f);
    fclose(f);
    pdf_fields fields;
    diag_list d = {0};
    assert_int_equal(pdf_read_fields(path, &fields, &d), -1);
    assert_non_null(strstr(d.items[0].message, "not a PDF that can be read"));
    free(path);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fields_read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plain_pdf_unchanged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_name_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_pdf, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
