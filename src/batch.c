/* SPDX-License-Identifier: MIT */
/* batch: every scores file of a folder against one rubric.
 *
 * One job (rubric, layout, fonts) serves all units.  Each unit's PDF is named
 * after its scores file, a name read from the folder, so no unit name can
 * lead a file out of the output folder.  A bad scores file is reported and
 * the others are still produced; the run then fails.  The summary (汇总表)
 * ranks the units as CSV, UTF-8 with a byte-order mark so that spreadsheet
 * programs read the Chinese correctly, and as PDF.
 *
 * What the output folder holds afterwards is true of this run:
 *  - scores files are *.yaml and *.yml in any letter case; a *.yaml.txt (as
 *    Notepad saves) is named in a warning, never skipped silently;
 *  - two scores files that would give one PDF name, also where only letter
 *    case differs (one file on a Windows disk or USB stick), or one named
 *    like the summary, stop the run before anything is written;
 *  - the summary's CSV and PDF are written as one (fileio.h file_set), and
 *    with them the PDF a failed unit left from an earlier run is removed, so
 *    no PDF lies beside a summary that leaves it out.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "batch.h"
#include "fileio.h"
#include "job.h"
#include "spreadsheet.h"
#include "summary.h"
#include "text.h"

#define SUMMARY_STEM "汇总表"
#define SUMMARY_CSV SUMMARY_STEM ".csv"
#define SUMMARY_PDF SUMMARY_STEM ".pdf"

/* ---- the scores files of the folder ------------------------------------ */

/* One scores file of the folder, and where its PDF goes. */
typedef struct input {
    char *name;   /* as read from the folder */
    char *path;   /* folder/name */
    char *pdf;    /* outdir/stem.pdf */
    char *stem;
} input;

typedef struct input_list {
    input *items;
    size_t len, cap;
} input_list;

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

/* A *.yaml.txt is a scores file Notepad saved with .txt added; the clerk
 * meant it, so it is named, with what to do. */
static void warn_if_txt(const char *dir, const char *name, diag_list *d)
{
    if (!ends_with_nocase(name, ".txt"))
        return;
    char *inner = xstrndup(name, strlen(name) - 4);
    if (is_scores_name(inner)) {
        char *path = xasprintf("%s/%s", dir, name);
        diag_warning(d, path, 0, "not read: a scores file ends in .yaml or .yml, not .txt; rename it %s", inner);
        free(path);
    }
    free(inner);
}

static void inputs_free(input_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].name);
        free(l->items[i].path);
        free(l->items[i].pdf);
        free(l->items[i].stem);
    }
    free(l->items);
}

/* The scores files of dir, in name order. */
static int list_inputs(const char *dir, const char *outdir, input_list *l, diag_list *d)
{
    struct dirent **entries = NULL;
    int n = scandir(dir, &entries, not_hidden, alphasort);
    if (n < 0)
        return diag_error(d, dir, 0, "cannot read the folder: %s", strerror(errno));
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        warn_if_txt(dir, name, d);
        if (is_scores_name(name)) {
            GROW(l->items, l->len, l->cap);
            input *in = &l->items[l->len++];
            in->name = xstrdup(name);
            in->path = xasprintf("%s/%s", dir, name);
            in->stem = path_stem(name);
            in->pdf = xasprintf("%s/%s.pdf", outdir, in->stem);
        }
        free(entries[i]);
    }
    free(entries);
    if (l->len == 0)
        return diag_error(d, dir, 0, "no scores files (*.yaml or *.yml) here");
    return 0;
}

/* Stems in either letter case, then folder order: inputs whose PDFs would
 * be one file come together, the first in the folder first. */
static int by_stem(const void *a, const void *b)
{
    const input *x = *(const input *const *)a, *y = *(const input *const *)b;
    int c = strcasecmp(x->stem, y->stem);
    return c ? c : (x > y) - (x < y);
}

/* Two inputs whose PDFs would be one file, or one whose PDF would be the
 * summary's: reported, naming both, before anything is written. */
static int check_pdf_names(const input_list *l, diag_list *d)
{
    int rc = 0;
    const input **sorted = xcalloc(l->len + 1, sizeof *sorted);
    for (size_t i = 0; i < l->len; i++)
        sorted[i] = &l->items[i];
    qsort(sorted, l->len, sizeof *sorted, by_stem);
    const input *first = NULL; /* of the run of inputs with one PDF name */
    for (size_t i = 0; i < l->len; i++) {
        const input *in = sorted[i];
        if (!first || strcasecmp(first->stem, in->stem) != 0)
            first = in;
        if (strcmp(in->stem, SUMMARY_STEM) == 0)
            rc = diag_error(d, in->path, 0, "its PDF would be %s, the summary's name; rename the file", SUMMARY_PDF);
        else if (in != first && strcmp(in->stem, first->stem) == 0)
            rc = diag_error(d, in->path, 0, "it and %s would both be written as %s.pdf; rename one of them",
                            first->path, in->stem);
        else if (in != first)
            rc = diag_error(d, in->path, 0, "it and %s would be written as %s.pdf and %s.pdf, one file on "
                            "disks that ignore letter case (Windows, USB sticks); rename one of them",
                            first->path, in->stem, first->stem);
    }
    free(sorted);
    return rc;
}

/* A scores file is a regular file: a pipe named *.yaml would hold the run
 * until something writes to it, a device would never end. */
static int check_regular(const input *in, diag_list *d)
{
    struct stat st;
    if (stat(in->path, &st) != 0)
        return diag_error(d, in->path, 0, "cannot open: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return diag_error(d, in->path, 0, "not read: a scores file is a regular file, and this is %s",
                          S_ISDIR(st.st_mode) ? "a folder" : S_ISFIFO(st.st_mode) ? "a pipe" : "a device or socket");
    return 0;
}

/* ---- the summary ------------------------------------------------------- */

typedef struct scored {
    unit_result res;
    const char *file;
} scored;

static int by_total(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->res.total != y->res.total)
        return x->res.total > y->res.total ? -1 : 1;
    return strcmp(x->file, y->file);
}

/* The table whose parts (unit_part_name) head the summary's columns. */
static const unit *shape_of(const job *j)
{
    return j->doc->len > 0 && j->doc->atts[0].len > 0 ? &j->doc->atts[0].units[0] : NULL;
}

/* Length of inline points such as （25分） or (2.5分) at s, or 0. */
static size_t inline_points_length(const char *s)
{
    size_t i = starts_with(s, "（") ? 3 : *s == '(' ? 1 : 0, open = i;
    while (open && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
        i++;
    if (i == open || !starts_with(s + i, "分"))
        return 0;
    i += strlen("分");
    size_t close = starts_with(s + i, "）") ? 3 : s[i] == ')' ? 1 : 0;
    return close ? i + close : 0;
}

/* A part's name as the summary matches it: a category's without its label
 * ((一), 一、), which counts places, not meaning; white space and inline
 * points left out, so that "组织建设（25分）" heads the column of "组织建设". */
static char *part_key(const unit *u, size_t k)
{
    const char *name = unit_parts_are_items(u) ? unit_part_name(u, k) : u->cats[k].name;
    strbuf sb = {0};
    for (const char *s = name; *s;) {
        size_t skip = inline_points_length(s);
        if (!skip)
            skip = *s == ' ' || *s == '\t' ? 1 : starts_with(s, "\xE3\x80\x80") ? 3 : 0; /* U+3000 */
        if (skip)
            s += skip;
        else
            sb_putc(&sb, *s++);
    }
    return sb_take(&sb);
}

/* res's subtotals put under the summary's columns by part name, not by
 * position: a unit whose table has other parts (a rubric of 单位 tables
 * may differ table by table) would otherwise fill the wrong columns.  A
 * part with no column is reported; a column the unit lacks stays empty. */
static void align_parts(unit_result *res, const unit *shape, const char *file, diag_list *d)
{
    size_t ncols = shape ? unit_part_count(shape) : 0;
    points *aligned = xcalloc(ncols + 1, sizeof *aligned);
    char **keys = xcalloc(ncols + 1, sizeof *keys);
    for (size_t c = 0; c < ncols; c++) {
        aligned[c] = POINTS_NONE;
        keys[c] = part_key(shape, c);
    }
    for (size_t k = 0; k < res->nparts; k++) {
        char *key = part_key(res->table, k);
        size_t c = 0;
        while (c < ncols && (aligned[c] != POINTS_NONE || strcmp(keys[c], key) != 0))
            c++;
        if (c < ncols)
            aligned[c] = res->parts[k];
        else
            diag_warning(d, file, 0, "单位 '%s': the 汇总表 has no column for its part '%s'; its points count in "
                         "the total only", res->unit, unit_part_name(res->table, k));
        free(key);
    }
    for (size_t c = 0; c < ncols; c++)
        free(keys[c]);
    free(keys);
    free(res->parts);
    res->parts = aligned;
    res->nparts = ncols;
}

/* Ranks in place (best first); equal totals share a rank. */
static ranked_unit *rank(scored *units, size_t n)
{
    qsort(units, n, sizeof *units, by_total);
    ranked_unit *r = xcalloc(n + 1, sizeof *r);
    for (size_t i = 0; i < n; i++) {
        r[i].res = &units[i].res;
        r[i].rank = i > 0 && units[i].res.total == units[i - 1].res.total ? r[i - 1].rank : i + 1;
    }
    return r;
}

static int summary_pdf(job *j, const ranked_unit *ranked, size_t n, const char *path, file_set *set,
                       diag_list *d)
{
    const unit *shape = shape_of(j);
    document *doc = summary_document(j->doc, shape, ranked, n);
    layout *lay = summary_layout(j->lay, shape);
    int rc = job_stage_document(j, doc, lay, path, set, d);
    layout_free(lay);
    document_free(doc);
    return rc;
}

static char *summary_csv(const job *j, const scored *units, const ranked_unit *ranked, size_t n)
{
    strbuf sb = {0};
    sb_puts(&sb, "\xEF\xBB\xBF");
    const unit *shape = shape_of(j);
    csv_put(&sb, "排名", false);
    csv_put(&sb, "单位", false);
    size_t nparts = shape ? unit_part_count(shape) : 0;
    for (size_t k = 0; k < nparts; k++)
        csv_put(&sb, unit_part_name(shape, k), false);
    csv_put(&sb, "总分", false);
    csv_put(&sb, "一票否决", false);
    csv_put(&sb, "评分文件", true);
    char buf[32];
    for (size_t i = 0; i < n; i++) {
        sb_printf(&sb, "%zu,", ranked[i].rank);
        csv_put(&sb, units[i].res.unit, false);
        for (size_t k = 0; k < nparts; k++)
            csv_put(&sb, units[i].res.parts[k] != POINTS_NONE ? points_format(units[i].res.parts[k], buf) : "",
                      false);
        csv_put(&sb, points_format(units[i].res.total, buf), false);
        csv_put(&sb, units[i].res.vetoed ? "是" : "否", false);
        csv_put(&sb, units[i].file, true);
    }
    return sb_take(&sb);
}

/* The 汇总表's CSV and PDF, written as one; with them go the PDFs that
 * failed units left from an earlier run (failed: NULL-terminated).  done of
 * the n units were scored. */
static int write_summary(job *j, scored *units, size_t done, size_t n, const char *outdir, char **failed,
                         diag_list *d, FILE *out)
{
    ranked_unit *ranked = rank(units, done);
    char *csv_path = xasprintf("%s/%s", outdir, SUMMARY_CSV), *pdf_path = xasprintf("%s/%s", outdir, SUMMARY_PDF);
    file_set set = {0};
    int rc = job_check_output(j, csv_path, NULL, "summary", d);
    if (rc == 0) {
        char *csv = summary_csv(j, units, ranked, done);
        file_set_put(&set, csv_path, csv, strlen(csv), "summary");
        rc = summary_pdf(j, ranked, done, pdf_path, &set, d);
    }
    for (size_t i = 0; failed[i]; i++)
        file_set_remove(&set, failed[i]);
    if (rc == 0)
        rc = file_set_commit(&set, d);
    if (rc == 0)
        fprintf(out, "%s: %zu of %zu units scored; summary %s, %s\n", outdir, done, n, pdf_path, csv_path);
    file_set_free(&set);
    free(ranked);
    free(csv_path);
    free(pdf_path);
    return rc;
}

/* ---- the run ----------------------------------------------------------- */

/* out/NAME for rubric NAME.md, unless the name is no folder's ("...md"
 * would give out/..). */
static char *default_outdir(const char *rubric, diag_list *d)
{
    char *stem = path_stem(rubric), *dir = NULL;
    if (!*stem || strcmp(stem, ".") == 0 || strcmp(stem, "..") == 0)
        diag_error(d, rubric, 0, "no output folder can be named after this file; name one with -o");
    else
        dir = xasprintf("out/%s", stem);
    free(stem);
    return dir;
}

/* The progress line on a terminal: the file's name made printable. */
static void show_progress(FILE *out, size_t i, size_t n, const char *name)
{
    strbuf sb = {0};
    sb_put_printable(&sb, name);
    fprintf(out, "\r[%zu/%zu] %s\033[K", i + 1, n, sb.data ? sb.data : "");
    sb_free(&sb);
}

int app_batch(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    const char *rubric = argv[0], *dir = argv[1];
    char *outdir = opt->output ? xstrdup(opt->output) : default_outdir(rubric, d);
    input_list inputs = {0};
    job j = {0};
    int rc = outdir ? list_inputs(dir, outdir, &inputs, d) : -1;
    if (rc == 0)
        rc = check_pdf_names(&inputs, d);
    if (rc == 0)
        rc = job_open(opt, rubric, &j, d);
    /* A failed run leaves no trace: the folder is made only for a rubric that
     * opened, and removed again if no unit could be written into it. */
    bool made = false;
    if (rc == 0 && !(made = mkdir(outdir, 0777) == 0) && errno != EEXIST)
        rc = diag_error(d, outdir, 0, "cannot make the output folder: %s", strerror(errno));
    if (rc == 0)
        file_sweep_leftovers(outdir);
    size_t n = inputs.len, done = 0, nfailed = 0;
    scored *units = xcalloc(n + 1, sizeof *units);
    char **failed = xcalloc(n + 1, sizeof *failed);
    bool tty = opt->env->progress && !opt->quiet;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const input *in = &inputs.items[i];
        if (tty)
            show_progress(out, i, n, in->name);
        /* A PDF name that is an input's is refused, and that file kept. */
        bool writable = job_check_output(&j, in->pdf, in->path, "PDF", d) == 0;
        if (writable && check_regular(in, d) == 0 &&
            job_write_scored(&j, in->path, in->pdf, &units[done].res, d) == 0) {
            align_parts(&units[done].res, shape_of(&j), in->path, d);
            units[done++].file = in->name;
        } else if (writable) {
            failed[nfailed++] = in->pdf;
        }
    }
    if (tty && rc == 0)
        fputc('\n', out);
    if (rc == 0 && done > 0 && write_summary(&j, units, done, n, outdir, failed, d, out) != 0)
        rc = -1;
    if (rc == 0 && done < n)
        rc = -1; /* each failure is already reported at its file and line */
    if (made && done == 0)
        rmdir(outdir);
    for (size_t i = 0; i < done; i++)
        unit_result_free(&units[i].res);
    free(units);
    free(failed);
    inputs_free(&inputs);
    job_close(&j);
    free(outdir);
    return rc;
}
