/* job: one rubric made ready to typeset, and the documents made from it.
 *
 * Opening a job parses and checks the rubric, loads its layout and fonts and
 * checks every character against them, once; a batch then scores many units
 * with the same job, so a font is opened once per batch.  Each document is
 * typeset and written whole or not at all.
 */
#include "job.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "fileio.h"
#include "input.h"
#include "notice.h"
#include "pdfwrite.h"
#include "searchpath.h"
#include "attachment.h"
#include "text.h"

/* The layout named in the front matter, where searchpath.h says. */
static layout *load_layout(const app_options *opt, const document *doc, diag_list *d)
{
    const field *f = field_find(&doc->meta, META_LAYOUT);
    if (!f)
        return NULL; /* check reports the missing key */
    searchpath sp;
    searchpath_layouts(&sp, opt, doc->path);
    char *path = searchpath_find_layout(&sp, f->value, NULL);
    layout *lay = NULL;
    if (path)
        layout_load(path, &lay, d);
    else
        searchpath_no_layout(&sp, f->value, doc->path, f->line, d);
    free(path);
    searchpath_free(&sp);
    return lay;
}

/* Parse, load the layout, check: the steps every command that reads a rubric
 * begins with.  *doc is NULL when the file could not be parsed at all. */
int read_rubric(const app_options *opt, const char *path, document **doc, layout **lay,
                       check_summary *s, diag_list *d)
{
    *lay = NULL;
    if (input_rubric(opt->env, path, doc, d) < 0)
        return -1;
    *lay = load_layout(opt, *doc, d);
    int rc = check_document(*doc, *lay, s, d);
    return *lay ? rc : -1;
}

/* The scored unit, its scorer and date as one line of keywords. */
static char *scored_keywords(const attachment *a, const scoresheet *sheet)
{
    return xasprintf("%s；自评分；%s%s%s%s%s", a->title, sheet->unit, sheet->scorer ? "；评分人 " : "",
                     sheet->scorer ? sheet->scorer : "", sheet->date ? "；评分日期 " : "",
                     sheet->date ? sheet->date : "");
}

static void typeset(const job *j, const document *doc, const layout *lay, const grades *g,
                    page_list *pages, diag_list *d)
{
    if (document_has_notice(doc))
        notice_typeset(doc, lay, j->fs, pages, d);
    attachments_typeset(doc, lay, j->fs, g, pages);
    page_numbers_add(pages, &lay->notice, j->fs);
}

static int typeset_and_write(const job *j, const document *doc, const layout *lay, const grades *g,
                             const scoresheet *sheet, const char *output, diag_list *d)
{
    page_list pages = {0};
    typeset(j, doc, lay, g, &pages, d);
    const char *title = field_value(&doc->meta, META_TITLE);
    if (!title && doc->len > 0)
        title = doc->atts[0].title;
    /* A scored PDF is an archive record: it carries its own sources. */
    pdf_attachment sources[] = {input_rubric_source(j->env, doc), input_scores_source(j->env, sheet)};
    char *keywords = g ? scored_keywords(g->att, sheet) : NULL;
    /* A scored record is dated by its 评分日期 unless SOURCE_DATE_EPOCH says otherwise. */
    long long epoch = j->env->source_date_epoch;
    if (epoch < 0 && sheet)
        epoch = sheet->date_epoch;
    pdf_info info = {
        .title = title,
        .author = g ? g->unit_name : field_value(&doc->meta, META_ISSUER),
        .subject = g ? "自评分" : field_value(&doc->meta, META_NUMBER),
        .keywords = keywords ? keywords : doc->len > 0 ? doc->atts[0].title : NULL,
        .epoch = epoch,
        .attachments = g ? sources : NULL,
        .nattachments = g ? 2 : 0,
        .icc = (const unsigned char *)j->icc,
        .icc_len = j->icc_len,
    };
    /* The rubric's own documents draw the form's characters; the 汇总表 does not. */
    const font_program *const *shared = doc == j->doc ? (const font_program *const *)j->form_fonts : NULL;
    int rc = pdf_write(&pages, j->fs, shared, &info, output, d);
    free(keywords);
    page_list_free(&pages);
    return rc;
}
/* The blank form's characters, per face, made into font programs once: the
 * form and every unit's scored PDF draw them all, and a unit adds only its
 * name, scores and dates, which pdf_write subsets per document.  So a batch
 * subsets and compresses each face once, not once per unit. */
static int make_form_fonts(job *j, diag_list *d)
{
    size_t nfaces = fontset_face_count(j->fs);
    j->form_fonts = xcalloc(nfaces + 1, sizeof *j->form_fonts);
    uint32_t **cps = xcalloc(nfaces + 1, sizeof *cps);
    size_t *ncps = xcalloc(nfaces + 1, sizeof *ncps);
    /* Its warnings come again when a document is written. */
    diag_list scratch = {0};
    page_list pages = {0};
    typeset(j, j->doc, j->lay, NULL, &pages, &scratch);
    int rc = page_list_face_cps(&pages, nfaces, cps, ncps);
    for (size_t f = 0; f < nfaces && rc == 0; f++)
        if (ncps[f] > 0)
            rc = font_program_make(fontset_face_path(j->fs, (int)f), fontset_face_index(j->fs, (int)f),
                                   cps[f], ncps[f], &j->form_fonts[f], d);
    for (size_t f = 0; f < nfaces; f++)
        free(cps[f]);
    free(cps);
    free(ncps);
    page_list_free(&pages);
    diag_list_free(&scratch);
    return rc;
}

int job_open(const app_options *opt, const char *rubric, job *j, diag_list *d)
{
    memset(j, 0, sizeof *j);
    j->env = opt->env;
    check_summary s;
    int rc = read_rubric(opt, rubric, &j->doc, &j->lay, &s, d);
    char *fontmap = rc == 0 ? find_fontmap(opt, j->doc->path) : NULL;
    if (rc == 0 && !fontmap)
        rc = diag_error(d, rubric, 0, "no font map: fonts/fontmap.yaml is neither here, beside the rubric, in "
                                      "your settings nor installed (gongwen --help says where); name one with --fontmap");
    if (rc == 0)
        rc = fontset_load(fontmap, &j->fs, d);
    if (rc == 0)
        rc = coverage_check_document(j->doc, j->lay, j->fs, d);
    if (rc == 0 && file_read(opt->env->srgb_profile, 1 << 20, &j->icc, &j->icc_len, d) != 0)
        rc = diag_error(d, opt->env->srgb_profile, 0, "the sRGB colour profile PDF/A needs is missing "
                                            "(Debian package icc-profiles-free)");
    if (rc == 0)
        rc = make_form_fonts(j, d);
    free(fontmap);
    return rc;
}

void job_close(job *j)
{
    for (size_t f = 0; j->form_fonts && f < fontset_face_count(j->fs); f++)
        font_program_free(j->form_fonts[f]);
    free(j->form_fonts);
    free(j->icc);
    fontset_free(j->fs);
    layout_free(j->lay);
    document_free(j->doc);
    memset(j, 0, sizeof *j);
}

int job_write_form(const job *j, const char *output, diag_list *d)
{
    return typeset_and_write(j, j->doc, j->lay, NULL, NULL, output, d);
}

static void result_fill(unit_result *res, const scoresheet *sheet, const grades *g)
{
    res->unit = xstrdup(sheet->unit);
    res->nparts = unit_part_count(g->unit);
    res->parts = xcalloc(res->nparts + 1, sizeof *res->parts);
    for (size_t k = 0; k < res->nparts; k++) {
        points scored = g->items[k].score == POINTS_NONE ? 0 : g->items[k].score;
        res->parts[k] = unit_parts_are_items(g->unit) ? scored : g->category[k];
    }
    res->total = g->total;
    res->bonus = g->bonus;
    res->vetoed = g->vetoed;
}

int job_write_scored(const job *j, const char *scores_path, const char *output, unit_result *res, diag_list *d)
{
    scoresheet *sheet = NULL;
    grades g = {0};
    int rc = input_scores(j->env, scores_path, &sheet, d);
    if (rc == 0)
        rc = grades_compute(j->doc, sheet, &g, d);
    if (rc == 0)
        rc = coverage_check_scores(sheet, j->lay, j->fs, d);
    if (rc == 0)
        rc = typeset_and_write(j, j->doc, j->lay, &g, sheet, output, d);
    if (rc == 0 && res)
        result_fill(res, sheet, &g);
    grades_free(&g);
    scoresheet_free(sheet);
    return rc;
}

int job_write_document(const job *j, const document *doc, const layout *lay, const char *output, diag_list *d)
{
    return typeset_and_write(j, doc, lay, NULL, NULL, output, d);
}

void unit_result_free(unit_result *res)
{
    free(res->unit);
    free(res->parts);
    memset(res, 0, sizeof *res);
}
