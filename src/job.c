/* SPDX-License-Identifier: MIT */
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
#include <sys/stat.h>
#include <unistd.h>

#include "compose.h"
#include "fileio.h"
#include "input.h"
#include "intl.h"
#include "notice.h"
#include "parse.h"
#include "pdfwrite.h"
#include "scored.h"
#include "searchpath.h"
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
    if (*lay) /* how the form numbers its items, and so every reader of scores keys them */
        (*doc)->numbering = layout_item_numbering(&(*lay)->table);
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

/* Typesets doc whole (its notice copied from notice when given) into pages;
 * every character without a font is an error at its line. */
static int typeset(job *j, const document *doc, const layout *lay, const page_list *notice, page_list *pages,
                   diag_list *d)
{
    size_t errors = diag_count(d, DIAG_ERROR);
    j->sh.nmisses = 0;
    compose_document(doc, lay, &j->sh, notice, pages, d);
    int rc = shaper_report(&j->sh, d);
    return rc == 0 && diag_count(d, DIAG_ERROR) == errors ? 0 : -1;
}

/* The bare name a file is embedded under. */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Writes pages as a PDF, or, with a set, adds it to the set's files; a
 * fillable form (form_id not NULL) has form fields. */
static int write_pages(const job *j, const page_list *pages, const document *doc, const grades *g,
                       const scoresheet *sheet, bool shared_fonts, const char *form_id, const char *output,
                       file_set *set, diag_list *d)
{
    const char *title = field_value(&doc->meta, META_TITLE);
    if (!title && doc->len > 0)
        title = doc->atts[0].title;
    /* A scored PDF is an archive record: it carries its own sources. */
    const char *data_name = !sheet ? NULL : sheet->source_name ? sheet->source_name
                                                               : input_stored_name(sheet->path, "stdin.yaml");
    pdf_attachment sources[] = {
        {.name = input_stored_name(doc->path, "stdin.md"), .data = doc->source, .len = doc->source_len,
         .mime = "text/markdown", .relationship = "Source"},
        {.name = data_name, .data = sheet ? sheet->source : NULL, .len = sheet ? sheet->source_len : 0,
         .mime = "application/yaml", .relationship = "Data"},
    };
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
        .fillable = form_id != NULL,
        .form_id = form_id,
    };
    const font_program *const *shared = shared_fonts ? (const font_program *const *)j->form_fonts : NULL;
    int rc = set ? pdf_stage(pages, j->fs, shared, &info, output, set, d)
                 : pdf_write(pages, j->fs, shared, &info, output, d);
    free(keywords);
    return rc;
}

/* Adds to each face's code points those of text its role would draw. */
static void add_role_text(const fontset *fs, font_role role, const char *text, uint32_t **cps, size_t *ncps)
{
    size_t n;
    uint32_t *add = utf8_to_cps(text, &n);
    for (size_t i = 0; i < n; i++) {
        int f = fontset_face_for(fs, role, add[i]);
        if (f < 0)
            continue;
        cps[f] = xrealloc(cps[f], (ncps[f] + 1) * sizeof *cps[f]);
        cps[f][ncps[f]++] = add[i];
    }
    free(add);
}

/* The blank form's characters, per face, made into font programs once, with
 * the characters every scored copy adds (digits, the sums' words): every
 * unit's scored PDF draws from them, and adds only its own name and
 * remarks, which pdf_write subsets per document.  So a batch subsets and
 * compresses each face once, not once per unit.  Made on the first scored
 * copy: the form itself embeds exactly what it draws. */
static int make_form_fonts(job *j, diag_list *d)
{
    if (j->form_fonts)
        return 0;
    size_t nfaces = fontset_face_count(j->fs);
    j->form_fonts = xcalloc(nfaces + 1, sizeof *j->form_fonts);
    uint32_t **cps = xcalloc(nfaces + 1, sizeof *cps);
    size_t *ncps = xcalloc(nfaces + 1, sizeof *ncps);
    int rc = page_list_face_cps(&j->form, nfaces, cps, ncps);
    add_role_text(j->fs, j->lay->table.cell.role, SCORED_COMMON_TEXT, cps, ncps);
    add_role_text(j->fs, j->lay->table.unit_line.role, SCORED_COMMON_TEXT, cps, ncps);
    for (size_t f = 0; f < nfaces && rc == 0; f++) {
        ncps[f] = cps_sort_unique(cps[f], ncps[f]);
        if (ncps[f] > 0)
            rc = font_program_make(fontset_face_path(j->fs, (int)f), fontset_face_index(j->fs, (int)f),
                                   cps[f], ncps[f], &j->form_fonts[f], d);
    }
    for (size_t f = 0; f < nfaces; f++)
        free(cps[f]);
    free(cps);
    free(ncps);
    return rc;
}

/* The notice once, and the form around it. */
static int typeset_form(job *j, diag_list *d)
{
    if (document_has_notice(j->doc)) {
        size_t errors = diag_count(d, DIAG_ERROR);
        j->sh.nmisses = 0;
        compose_learn_names(&j->sh, j->doc);
        notice_typeset(j->doc, j->lay, &j->sh, &j->notice, d);
        if (shaper_report(&j->sh, d) < 0 || diag_count(d, DIAG_ERROR) > errors)
            return -1;
    }
    return typeset(j, j->doc, j->lay, document_has_notice(j->doc) ? &j->notice : NULL, &j->form, d);
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
    if (rc == 0 && file_read(opt->env->srgb_profile, 1 << 20, &j->icc, &j->icc_len, d) != 0)
        rc = diag_error(d, opt->env->srgb_profile, 0, "the sRGB colour profile PDF/A needs is missing "
                                            "(Debian package icc-profiles-free)");
    if (rc == 0) {
        shaper_init(&j->sh, j->fs);
        j->shaping = true;
        rc = typeset_form(j, d);
    }
    j->fontmap = fontmap;
    return rc;
}

void job_close(job *j)
{
    if (j->shaping)
        shaper_free(&j->sh);
    page_list_free(&j->notice);
    page_list_free(&j->form);
    free(j->fontmap);
    for (size_t f = 0; j->form_fonts && f < fontset_face_count(j->fs); f++)
        font_program_free(j->form_fonts[f]);
    free(j->form_fonts);
    free(j->icc);
    fontset_free(j->fs);
    layout_free(j->lay);
    document_free(j->doc);
    memset(j, 0, sizeof *j);
}

/* Whether a and b name one existing file. */
static bool same_file(const char *a, const char *b)
{
    struct stat x, y;
    return a && b && stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int job_check_output(const job *j, const char *output, const char *scores_path, const char *what, diag_list *d)
{
    struct { const char *path, *role; } inputs[] = {
        {j->doc->path, N_("the rubric")}, {scores_path, N_("the scores file")}, {j->lay->path, N_("its layout")},
        {j->fontmap, N_("the font map")}, {j->env->srgb_profile, N_("the colour profile")},
    };
    const char *role = NULL;
    for (size_t i = 0; !role && i < sizeof inputs / sizeof *inputs; i++)
        if (same_file(output, inputs[i].path))
            role = inputs[i].role;
    for (size_t f = 0; !role && f < fontset_face_count(j->fs); f++)
        if (same_file(output, fontset_face_path(j->fs, (int)f)))
            role = N_("a font");
    /* Writing it would replace a file the clerk or the installation needs. */
    return role ? diag_error(d, output, 0, "cannot write %s: it is the input (%s); name another file with -o",
                             _(what), _(role)) : 0;
}

int job_write_form(const job *j, const char *output, bool fillable, diag_list *d)
{
    if (job_check_output(j, output, NULL, N_("PDF"), d) != 0)
        return -1;
    char *form_id = fillable ? document_form_id(j->doc, input_stored_name(j->doc->path, "stdin.md")) : NULL;
    int rc = write_pages(j, &j->form, j->doc, NULL, NULL, false, form_id, output, NULL, d);
    free(form_id);
    return rc;
}

static void result_fill(unit_result *res, const scoresheet *sheet, const grades *g)
{
    res->unit = xstrdup(sheet->unit);
    res->table = g->unit;
    res->nparts = unit_part_count(g->unit);
    res->parts = xcalloc(res->nparts + 1, sizeof *res->parts);
    res->part_vetoed = xcalloc(res->nparts + 1, sizeof *res->part_vetoed);
    bool items = unit_parts_are_items(g->unit);
    for (size_t k = 0, first = 0; k < res->nparts; k++) {
        points scored = g->items[k].score == POINTS_NONE ? 0 : g->items[k].score;
        res->parts[k] = items ? scored : g->category[k];
        size_t n = items ? 1 : g->unit->cats[k].len;
        for (size_t i = items ? k : first; i < (items ? k : first) + n; i++)
            res->part_vetoed[k] |= g->items[i].vetoed;
        first += n;
    }
    res->total = g->total;
    res->bonus = g->bonus;
    res->vetoed = g->vetoed;
}

/* A scores file's name goes into the PDF (the attachment's name) and the
 * 汇总表 as text: a name saved in another encoding (GBK, by an old Chinese
 * Windows) would put invalid UTF-8 there, one with a control character
 * what a PDF/A file cannot carry. */
static int check_file_name(const char *path, diag_list *d)
{
    const char *name = base_name(path);
    size_t n = strlen(name), bad = utf8_invalid_at(name, n);
    uint32_t cp;
    if (bad != (size_t)-1)
        return diag_error(d, path, 0, "the file's name is not UTF-8 (byte 0x%02X); rename the file",
                          (unsigned char)name[bad]);
    if (control_at(name, n, &cp) != (size_t)-1)
        return diag_error(d, path, 0, "the file's name holds a control character (U+%04X); rename the file",
                          (unsigned)cp);
    return 0;
}

int job_write_sheet(job *j, const scoresheet *sheet, const char *output, unit_result *res, diag_list *d)
{
    grades g = {0};
    document *copy = NULL;
    page_list pages = {0};
    int rc = job_check_output(j, output, sheet->path, N_("PDF"), d);
    if (rc == 0)
        rc = check_file_name(sheet->path, d);
    if (rc == 0)
        rc = make_form_fonts(j, d);
    if (rc == 0)
        rc = grades_compute(j->doc, sheet, &g, d);
    if (rc == 0) {
        copy = scored_document(j->doc, &g, sheet, j->lay->table.scored_label);
        rc = typeset(j, copy, j->lay, document_has_notice(j->doc) ? &j->notice : NULL, &pages, d);
    }
    if (rc == 0)
        rc = write_pages(j, &pages, j->doc, &g, sheet, true, NULL, output, NULL, d);
    if (rc == 0 && res)
        result_fill(res, sheet, &g);
    else if (res && sheet && sheet->unit)
        res->unit = xstrdup(sheet->unit); /* who was not scored, for the 汇总表 */
    page_list_free(&pages);
    document_free(copy);
    grades_free(&g);
    return rc;
}

int job_write_scored(job *j, const char *scores_path, const char *output, unit_result *res, diag_list *d)
{
    scoresheet *sheet = NULL;
    /* Refused before it is read: an output that is the scores file itself. */
    int rc = job_check_output(j, output, scores_path, N_("PDF"), d);
    if (rc == 0)
        rc = input_scores(j->env, scores_path, &sheet, d);
    if (rc == 0)
        rc = job_write_sheet(j, sheet, output, res, d);
    scoresheet_free(sheet);
    return rc;
}

int job_stage_document(job *j, const document *doc, const layout *lay, const char *output, file_set *set,
                       diag_list *d)
{
    page_list pages = {0};
    int rc = job_check_output(j, output, NULL, N_("PDF"), d);
    if (rc == 0)
        rc = typeset(j, doc, lay, NULL, &pages, d);
    if (rc == 0)
        rc = write_pages(j, &pages, doc, NULL, NULL, false, NULL, output, set, d);
    page_list_free(&pages);
    return rc;
}

void unit_result_free(unit_result *res)
{
    free(res->unit);
    free(res->parts);
    free(res->part_vetoed);
    memset(res, 0, sizeof *res);
}
