/* batch: every scores file of a folder against one rubric.
 *
 * One job (rubric, layout, fonts) serves all units.  Each unit's PDF is named
 * after its scores file, a name read from the folder, so no unit name can
 * lead a file out of the output folder.  A bad scores file is reported and
 * the others are still produced; the run then fails.  The summary (汇总表)
 * ranks the units as CSV, UTF-8 with a byte-order mark so that spreadsheet
 * programs read the Chinese correctly.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "batch.h"
#include "fileio.h"
#include "job.h"
#include "summary.h"
#include "text.h"

#define SUMMARY_CSV "汇总表.csv"
#define SUMMARY_PDF "汇总表.pdf"

static int is_scores_file(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && ((n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0) ||
                                   (n > 4 && strcmp(e->d_name + n - 4, ".yml") == 0));
}

static char *pdf_name(const char *dir, const char *scores_name)
{
    char *stem = path_stem(scores_name), *pdf = xasprintf("%s/%s.pdf", dir, stem);
    free(stem);
    return pdf;
}

/* A CSV field, quoted when it holds a separator, a quote or a line end. */
static void csv_field(strbuf *sb, const char *s, bool last)
{
    if (strpbrk(s, ",\"\r\n")) {
        sb_putc(sb, '"');
        for (; *s; s++) {
            if (*s == '"')
                sb_putc(sb, '"');
            sb_putc(sb, *s);
        }
        sb_putc(sb, '"');
    } else {
        sb_puts(sb, s);
    }
    sb_puts(sb, last ? "\r\n" : ",");
}

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

static int summary_pdf(const job *j, const ranked_unit *ranked, size_t n, const char *path, diag_list *d)
{
    const unit *shape = shape_of(j);
    document *doc = summary_document(j->doc, shape, ranked, n);
    layout *lay = summary_layout(j->lay, shape);
    int rc = job_write_document(j, doc, lay, path, d);
    layout_free(lay);
    document_free(doc);
    return rc;
}

static char *summary_csv(const job *j, const scored *units, const ranked_unit *ranked, size_t n)
{
    strbuf sb = {0};
    sb_puts(&sb, "\xEF\xBB\xBF");
    const unit *shape = shape_of(j);
    csv_field(&sb, "排名", false);
    csv_field(&sb, "单位", false);
    size_t nparts = shape ? unit_part_count(shape) : 0;
    for (size_t k = 0; k < nparts; k++)
        csv_field(&sb, unit_part_name(shape, k), false);
    csv_field(&sb, "总分", false);
    csv_field(&sb, "一票否决", false);
    csv_field(&sb, "评分文件", true);
    char buf[32];
    for (size_t i = 0; i < n; i++) {
        sb_printf(&sb, "%zu,", ranked[i].rank);
        csv_field(&sb, units[i].res.unit, false);
        for (size_t k = 0; k < nparts; k++)
            csv_field(&sb, k < units[i].res.nparts ? points_format(units[i].res.parts[k], buf) : "", false);
        csv_field(&sb, points_format(units[i].res.total, buf), false);
        csv_field(&sb, units[i].res.vetoed ? "是" : "否", false);
        csv_field(&sb, units[i].file, true);
    }
    return sb_take(&sb);
}

static char *default_outdir(const char *rubric)
{
    char *stem = path_stem(rubric), *dir = xasprintf("out/%s", stem);
    free(stem);
    return dir;
}

int app_batch(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    const char *rubric = argv[0], *dir = argv[1];
    char *outdir = opt->output ? xstrdup(opt->output) : default_outdir(rubric);
    struct dirent **entries = NULL;
    int n = scandir(dir, &entries, is_scores_file, alphasort);
    job j = {0};
    int rc = n < 0 ? diag_error(d, dir, 0, "cannot read the folder: %s", strerror(errno)) : 0;
    if (rc == 0 && n == 0)
        rc = diag_error(d, dir, 0, "no scores files (*.yaml) here");
    if (rc == 0)
        rc = job_open(opt, rubric, &j, d);
    /* A failed run leaves no trace: the folder is made only for a rubric that
     * opened, and removed again if no unit could be written into it. */
    bool made = false;
    if (rc == 0 && !(made = mkdir(outdir, 0777) == 0) && errno != EEXIST)
        rc = diag_error(d, outdir, 0, "cannot make the output folder: %s", strerror(errno));
    scored *units = xcalloc((size_t)(n > 0 ? n : 1), sizeof *units);
    size_t done = 0;
    bool tty = opt->env->progress && !opt->quiet;
    for (int i = 0; rc == 0 && i < n; i++) {
        char *path = xasprintf("%s/%s", dir, entries[i]->d_name), *pdf = pdf_name(outdir, entries[i]->d_name);
        if (tty)
            fprintf(out, "\r[%d/%d] %s\033[K", i + 1, n, entries[i]->d_name);
        if (job_write_scored(&j, path, pdf, &units[done].res, d) == 0)
            units[done++].file = entries[i]->d_name;
        free(path);
        free(pdf);
    }
    if (tty && rc == 0)
        fputc('\n', out);
    if (rc == 0 && done > 0) {
        ranked_unit *ranked = rank(units, done);
        char *csv = summary_csv(&j, units, ranked, done), *csv_path = xasprintf("%s/%s", outdir, SUMMARY_CSV);
        char *pdf_path = xasprintf("%s/%s", outdir, SUMMARY_PDF);
        if (file_replace(csv_path, csv, strlen(csv), "summary", d) == 0 && summary_pdf(&j, ranked, done, pdf_path, d) == 0)
            fprintf(out, "%s: %zu of %d units scored; summary %s, %s\n", outdir, done, n, pdf_path, csv_path);
        free(ranked);
        free(csv);
        free(csv_path);
        free(pdf_path);
    }
    if (rc == 0 && done < (size_t)n)
        rc = -1; /* each failure is already reported at its file and line */
    if (made && done == 0)
        rmdir(outdir);
    for (size_t i = 0; i < done; i++)
        unit_result_free(&units[i].res);
    free(units);
    for (int i = 0; i < n; i++)
        free(entries[i]);
    free(entries);
    job_close(&j);
    free(outdir);
    return rc;
}
