/* SPDX-License-Identifier: MIT */
/* batchinput: what a batch scores (see batch.h): the scores files of a
 * folder, or the rows of a spreadsheet; and the names of their PDFs.
 *
 * A folder's unit gets its PDF named after its scores file, a name read from
 * the folder; a spreadsheet row's after its unit (fileio.h file_name_of), so
 * no name can lead a file out of the output folder either way.
 *  - scores files are *.yaml and *.yml in any letter case; a *.yaml.txt (as
 *    Notepad saves) and a spreadsheet in the folder are named in a warning,
 *    never skipped silently;
 *  - two inputs that would give one PDF name, also where only letter case
 *    differs (one file on a Windows disk or USB stick), or one named like the
 *    summary, stop the run before anything is written.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "batch.h"
#include "fileio.h"
#include "intl.h"
#include "scoretable.h"
#include "spreadsheet.h"
#include "text.h"

void batch_add(batch_list *l, const char *name, const char *path, const char *stem, const char *outdir,
               scoresheet *sheet)
{
    GROW(l->items, l->len, l->cap);
    batch_input *in = &l->items[l->len++];
    in->name = xstrdup(name);
    in->path = xstrdup(path);
    in->stem = xstrdup(stem);
    in->pdf = xasprintf("%s/%s.pdf", outdir, stem);
    in->sheet = sheet;
    in->refused = false;
    in->line = 0;
}

void batch_list_free(batch_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].name);
        free(l->items[i].path);
        free(l->items[i].pdf);
        free(l->items[i].stem);
        scoresheet_free(l->items[i].sheet);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

char *batch_outdir(const app_options *opt, const char *rubric, diag_list *d)
{
    if (opt->output)
        return xstrdup(opt->output);
    /* "...md" would give out/.. */
    char *stem = path_stem(rubric), *dir = NULL;
    if (!*stem || strcmp(stem, ".") == 0 || strcmp(stem, "..") == 0)
        diag_error(d, rubric, 0, "no output folder can be named after this file; name one with -o");
    else
        dir = xasprintf("out/%s", stem);
    free(stem);
    return dir;
}

/* ---- a folder of scores files ------------------------------------------ */

/* Whether name ends in suffix, ASCII letters compared in either case. */
static bool ends_with_nocase(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n > k && strncasecmp(name + n - k, suffix, k) == 0;
}

static bool is_scores_name(const char *name)
{
    return ends_with_nocase(name, ".yaml") || ends_with_nocase(name, ".yml");
}

static int not_hidden(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

/* A *.yaml.txt is a scores file Notepad saved with .txt added, and a
 * spreadsheet is read on its own: the clerk meant them, so they are named,
 * with what to do. */
static void warn_if_meant(const char *dir, const char *name, diag_list *d)
{
    char *path = xasprintf("%s/%s", dir, name);
    char *inner = ends_with_nocase(name, ".txt") ? xstrndup(name, strlen(name) - 4) : NULL;
    if (inner && is_scores_name(inner))
        diag_warning(d, path, 0, "not read: a scores file ends in .yaml or .yml, not .txt; rename it %s", inner);
    else if (spreadsheet_is_table(name))
        diag_warning(d, path, 0, "not read: a spreadsheet of scores is scored on its own: "
                     "gongwen batch RUBRIC.md %s", path);
    free(inner);
    free(path);
}

/* The scores files of dir, in name order. */
static int list_folder(const char *dir, const char *outdir, batch_list *l, diag_list *d)
{
    struct dirent **entries = NULL;
    int n = scandir(dir, &entries, not_hidden, alphasort);
    if (n < 0)
        return diag_error(d, dir, 0, "cannot read the folder: %s", strerror(errno));
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        warn_if_meant(dir, name, d);
        if (is_scores_name(name)) {
            char *path = xasprintf("%s/%s", dir, name), *stem = path_stem(name);
            batch_add(l, name, path, stem, outdir, NULL);
            free(path);
            free(stem);
        }
        free(entries[i]);
    }
    free(entries);
    if (l->len == 0)
        return diag_error(d, dir, 0, "no scores files (*.yaml or *.yml) here");
    return 0;
}

/* ---- a spreadsheet ------------------------------------------------------ */

/* Each row of the spreadsheet at path that names a unit; a refused row
 * (already reported) stands as a failed input, so that the PDF an earlier
 * run made of its unit goes.  -1 when the sheet as a whole, or a row, was
 * refused. */
static int list_rows(const job *j, const char *path, const char *outdir, batch_list *l, diag_list *d)
{
    scoresheet **sheets;
    size_t n, nrefused;
    refused_row *refused;
    int rc = scoresheets_from_table(path, j->doc, &sheets, &n, &refused, &nrefused, d);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    for (size_t i = 0; i < n; i++) {
        char *name = xasprintf("%s 第%d行", base, sheets[i]->line), *stem = file_name_of(sheets[i]->unit);
        batch_add(l, name, path, stem, outdir, sheets[i]);
        free(name);
        free(stem);
    }
    for (size_t i = 0; i < nrefused; i++) {
        /* One PDF per unit: a unit with a good row too keeps that row's. */
        const char *unit_name = refused[i].unit;
        bool known = false;
        for (size_t k = 0; k < l->len && !known; k++)
            known = strcmp(l->items[k].sheet ? l->items[k].sheet->unit : l->items[k].name, unit_name) == 0;
        char *stem = file_name_of(unit_name);
        if (!known) {
            batch_add(l, unit_name, path, stem, outdir, NULL);
            l->items[l->len - 1].refused = true;
            l->items[l->len - 1].line = refused[i].row;
        }
        free(stem);
        free(refused[i].unit);
    }
    free(refused);
    free(sheets); /* the sheets are the inputs' now */
    if (rc == 0 && l->len == 0)
        rc = diag_error(d, path, 0, "no unit's scores in this spreadsheet");
    return rc;
}

/* ---- names ---------------------------------------------------------------- */

/* Stems in either letter case, then list order: inputs whose PDFs would be
 * one file come together, the first given first. */
static int by_stem(const void *a, const void *b)
{
    const batch_input *x = *(const batch_input *const *)a, *y = *(const batch_input *const *)b;
    int c = strcasecmp(x->stem, y->stem);
    return c ? c : (x > y) - (x < y);
}

/* Where an input is: its file, or a row's 单位 cell. */
static char *where(const batch_input *in)
{
    char cell[16];
    return in->sheet && in->sheet->unit_column > 0
               ? xasprintf("%s:%s", in->path, cell_name(in->sheet->unit_line, in->sheet->unit_column, cell))
               : xstrdup(in->path);
}

/* Two inputs that would be one PDF: one unit given twice in a spreadsheet,
 * or two files to rename. */
static int same_pdf(const batch_input *in, const batch_input *first, diag_list *d)
{
    char *here = where(in), *there = where(first);
    const scoresheet *a = in->sheet, *b = first->sheet;
    if (a && b && a->unit_column > 0 && strcmp(a->unit, b->unit) == 0)
        diag_error_at(d, in->path, a->unit_line, a->unit_column, "单位 '%s' is given twice: also at %s", a->unit,
                      there);
    else if (strcmp(in->stem, first->stem) == 0)
        diag_error(d, here, 0, "it and %s would both be written as %s.pdf; rename one of them", there, in->stem);
    else
        diag_error(d, here, 0, "it and %s would be written as %s.pdf and %s.pdf, one file on disks that "
                   "ignore letter case (Windows, USB sticks); rename one of them", there, in->stem, first->stem);
    free(here);
    free(there);
    return -1;
}

int batch_check_names(const batch_list *l, diag_list *d)
{
    int rc = 0;
    const batch_input **sorted = xcalloc(l->len + 1, sizeof *sorted);
    for (size_t i = 0; i < l->len; i++)
        sorted[i] = &l->items[i];
    qsort(sorted, l->len, sizeof *sorted, by_stem);
    const batch_input *first = NULL; /* of the run of inputs with one PDF name */
    for (size_t i = 0; i < l->len; i++) {
        const batch_input *in = sorted[i];
        if (!first || strcasecmp(first->stem, in->stem) != 0)
            first = in;
        if (strcmp(in->stem, SUMMARY_STEM) == 0) {
            char *here = where(in);
            rc = diag_error(d, here, 0, "its PDF would be %s.pdf, the summary's name; %s", SUMMARY_STEM,
                            in->sheet ? _("score it apart") : _("rename the file"));
            free(here);
        } else if (in != first) {
            rc = same_pdf(in, first, d);
        }
    }
    free(sorted);
    return rc;
}

/* ---- the command ---------------------------------------------------------- */

int app_batch(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    const char *rubric = argv[0], *from = argv[1];
    bool table = spreadsheet_is_table(from);
    char *outdir = batch_outdir(opt, rubric, d);
    batch_list l = {0};
    job j = {0};
    /* A folder is listed before the rubric is opened (fonts and all): a
     * wrong folder is said at once.  A spreadsheet's header is read against
     * the rubric's items. */
    int rc = outdir ? 0 : -1;
    if (rc == 0 && !table)
        rc = list_folder(from, outdir, &l, d);
    if (rc == 0 && !table)
        rc = batch_check_names(&l, d);
    if (rc == 0)
        rc = job_open(opt, rubric, &j, d);
    int rows = 0; /* -1: some rows refused; the others are still scored */
    if (rc == 0 && table) {
        rows = list_rows(&j, from, outdir, &l, d);
        rc = l.len > 0 ? batch_check_names(&l, d) : -1;
    }
    if (rc == 0)
        rc = batch_run(opt, &j, &l, outdir, d, out);
    batch_list_free(&l);
    job_close(&j);
    free(outdir);
    return rc < 0 || rows < 0 ? -1 : 0;
}
