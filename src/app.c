#include "app.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "coverage.h"
#include "fonts.h"
#include "gb2312.h"
#include "layout.h"
#include "model.h"
#include "notice.h"
#include "parse.h"
#include "pdfwrite.h"
#include "scores.h"
#include "table.h"
#include "text.h"

#ifndef GONGWEN_DATADIR
#define GONGWEN_DATADIR "/usr/local/share/gongwen"
#endif

/* The installed data: PREFIX/share/gongwen beside PREFIX/bin/gongwen, found
 * from the running binary so that an install under any PREFIX or DESTDIR
 * finds its own layouts; the compiled-in folder otherwise. */
static char *data_dir(const char *sub)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *dir = xasprintf("%s/../share/gongwen/%s", dirname(exe), sub);
        if (access(dir, R_OK) == 0)
            return dir;
        free(dir);
    }
    return xasprintf("%s/%s", GONGWEN_DATADIR, sub);
}

/* The layout named in the front matter: --layouts DIR, ./layouts, the
 * rubric's ../layouts, then the installed ones. */
static layout *load_layout(const app_options *opt, const document *doc, diag_list *d)
{
    const field *f = field_find(&doc->meta, META_LAYOUT);
    if (!f)
        return NULL; /* check reports the missing key */
    char *copy = xstrdup(doc->path);
    char *beside = xasprintf("%s/../layouts", dirname(copy));
    char *installed = data_dir("layouts");
    const char *dirs[] = {opt->layouts_dir ? opt->layouts_dir : "layouts", "layouts", beside, installed, NULL};
    char *path = layout_find(f->value, dirs);
    layout *lay = NULL;
    if (!path)
        diag_error(d, doc->path, f->line, "unknown layout '%s': no layouts/%s.yaml", f->value, f->value);
    else
        layout_load(path, &lay, d);
    free(path);
    free(installed);
    free(beside);
    free(copy);
    return lay;
}

/* Parse, load the layout, check: the steps every command that reads a rubric
 * begins with.  *doc is NULL when the file could not be parsed at all. */
static int read_rubric(const app_options *opt, const char *path, document **doc, layout **lay,
                       check_summary *s, diag_list *d)
{
    *lay = NULL;
    if (rubric_parse_file(path, doc, d) < 0)
        return -1;
    *lay = load_layout(opt, *doc, d);
    int rc = check_document(*doc, *lay, s, d);
    return *lay ? rc : -1;
}

static int check_one(const app_options *opt, const char *path, diag_list *d, FILE *out)
{
    document *doc = NULL;
    layout *lay;
    check_summary s;
    int rc = read_rubric(opt, path, &doc, &lay, &s, d);
    if (!doc)
        return -1;
    char total[32];
    fprintf(out, "%s: %zu attachment%s, %zu unit%s, %zu categories, %zu items, total %s分\n", path,
            s.attachments, s.attachments == 1 ? "" : "s", s.units, s.units == 1 ? "" : "s",
            s.categories, s.items, points_format(s.declared_total, total));
    layout_free(lay);
    document_free(doc);
    return rc;
}

int app_check(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    int rc = 0;
    for (int i = 0; i < argc; i++)
        if (check_one(opt, argv[i], d, out) < 0)
            rc = -1;
    return rc;
}

/* ---- build --------------------------------------------------------------- */

/* First readable of: --fontmap, ./fonts/fontmap.yaml, the rubric's
 * ../fonts/fontmap.yaml, the installed map; NULL if none exists. */
static char *find_fontmap(const app_options *opt, const char *rubric)
{
    if (opt->fontmap)
        return xstrdup(opt->fontmap);
    char *copy = xstrdup(rubric);
    char *candidates[] = {xstrdup("fonts/fontmap.yaml"), xasprintf("%s/../fonts/fontmap.yaml", dirname(copy)),
                          data_dir("fonts/fontmap.yaml")};
    free(copy);
    char *found = NULL;
    for (size_t i = 0; i < 3; i++) {
        if (!found && access(candidates[i], R_OK) == 0)
            found = candidates[i];
        else
            free(candidates[i]);
    }
    return found; /* NULL: none of them */
}

static char *default_output(const char *rubric)
{
    char *copy = xstrdup(rubric);
    char *base = basename(copy);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    char *out = xasprintf("out/%s.pdf", base);
    free(copy);
    return out;
}

/* SOURCE_DATE_EPOCH, when set and valid, dates the PDF: the same inputs then
 * give the same bytes. */
static long long source_date_epoch(diag_list *d)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return -1;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0) {
        diag_warning(d, NULL, 0, "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored", s);
        return -1;
    }
    return v;
}

/* The scored unit, its scorer and date as one line of keywords. */
static char *scored_keywords(const attachment *a, const scoresheet *sheet)
{
    return xasprintf("%s；自评分；%s%s%s%s", a->title, sheet->unit, sheet->scorer ? "；评分人 " : "",
                     sheet->scorer ? sheet->scorer : "", sheet->date ? sheet->date : "");
}

static int typeset_and_write(const document *doc, const layout *lay, const fontset *fs, const grades *g,
                             const scoresheet *sheet, const char *output, diag_list *d)
{
    layout_doc pages = {0};
    if (document_has_notice(doc))
        notice_typeset(doc, lay, fs, &pages);
    attachments_typeset(doc, lay, fs, g, &pages);
    page_numbers_add(&pages, &lay->notice, fs);
    const char *title = field_value(&doc->meta, META_TITLE);
    if (!title && doc->len > 0)
        title = doc->atts[0].title;
    /* A scored PDF is an archive record: it carries its own sources. */
    pdf_attachment sources[] = {{.path = doc->path}, {.path = sheet ? sheet->path : NULL}};
    char *keywords = g ? scored_keywords(g->att, sheet) : NULL;
    pdf_info info = {
        .title = title,
        .author = g ? g->unit_name : field_value(&doc->meta, META_ISSUER),
        .subject = g ? "自评分" : field_value(&doc->meta, META_NUMBER),
        .keywords = keywords ? keywords : doc->len > 0 ? doc->atts[0].title : NULL,
        .epoch = source_date_epoch(d),
        .attachments = g ? sources : NULL,
        .nattachments = g ? 2 : 0,
    };
    int rc = pdf_write(&pages, fs, &info, output, d);
    free(keywords);
    layout_doc_free(&pages);
    return rc;
}

/* build and score: rubric (and scores) to PDF.  Nothing is written unless
 * every check passed. */
static int produce(const app_options *opt, const char *path, const char *scores_path, diag_list *d, FILE *out)
{
    document *doc = NULL;
    layout *lay;
    check_summary s;
    scoresheet *sheet = NULL;
    grades g = {0};
    fontset *fs = NULL;
    int rc = read_rubric(opt, path, &doc, &lay, &s, d);
    if (rc == 0 && scores_path && scoresheet_load(scores_path, &sheet, d) < 0)
        rc = -1;
    if (rc == 0 && sheet && grades_compute(doc, sheet, &g, d) < 0)
        rc = -1;
    char *fontmap = find_fontmap(opt, path);
    char *output = opt->output ? xstrdup(opt->output) : default_output(scores_path ? scores_path : path);
    if (rc == 0 && !fontmap)
        rc = diag_error(d, path, 0, "no font map: fonts/fontmap.yaml is neither here, beside the rubric nor "
                                    "installed; name one with --fontmap");
    if (rc == 0)
        rc = fontset_load(fontmap, &fs, d);
    if (rc == 0)
        rc = coverage_check_document(doc, lay, fs, d);
    if (rc == 0 && sheet)
        rc = coverage_check_scores(sheet, lay, fs, d);
    if (rc == 0)
        rc = typeset_and_write(doc, lay, fs, sheet ? &g : NULL, sheet, output, d);
    if (rc == 0)
        fprintf(out, "%s\n", output);
    fontset_free(fs);
    free(output);
    free(fontmap);
    grades_free(&g);
    scoresheet_free(sheet);
    layout_free(lay);
    document_free(doc);
    return rc;
}

int app_build(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    return produce(opt, argv[0], NULL, d, out);
}

int app_score(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    return produce(opt, argv[0], argv[1], d, out);
}

/* ---- fonts ----------------------------------------------------------------- */

int app_fonts(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    (void)argv;
    char *fontmap = find_fontmap(opt, ".");
    if (!fontmap)
        return diag_error(d, NULL, 0, "no font map: fonts/fontmap.yaml is neither here nor installed; name one with --fontmap");
    fontset *fs = NULL;
    if (fontset_load(fontmap, &fs, d) < 0) {
        free(fontmap);
        return -1;
    }
    uint32_t *hanzi;
    size_t nhanzi = gb2312_hanzi(&hanzi);
    fprintf(out, "font map: %s\n", fontmap);
    for (int role = 0; role < ROLE_COUNT; role++) {
        const int *faces;
        size_t n = fontset_role_faces(fs, (font_role)role, &faces), role_covered = 0;
        fprintf(out, "\n%s\n", font_role_name((font_role)role));
        for (size_t i = 0; i < nhanzi; i++)
            role_covered += fontset_face_for(fs, (font_role)role, hanzi[i]) >= 0;
        for (size_t k = 0; k < n; k++) {
            size_t covered = 0;
            for (size_t i = 0; i < nhanzi; i++)
                covered += fontset_face_covers(fs, faces[k], hanzi[i]);
            fprintf(out, "  %zu. %s (%s, face %d): GB2312 %zu/%zu\n", k + 1, fontset_face_family(fs, faces[k]),
                    fontset_face_path(fs, faces[k]), fontset_face_index(fs, faces[k]), covered, nhanzi);
        }
        fprintf(out, "  with fallback: GB2312 %zu/%zu\n", role_covered, nhanzi);
    }
    free(hanzi);
    fontset_free(fs);
    free(fontmap);
    return 0;
}
