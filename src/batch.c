/* SPDX-License-Identifier: MIT */
/* batch: one run over many units' scores (see batch.h).
 *
 * The run reads every input first, so that the units can be held against
 * the 单位名单 before any is scored, then scores each into its PDF.
 *
 * What the output folder holds afterwards is true of this run: the summary's
 * CSV and PDF are written as one (fileio.h file_set), and with them the PDF
 * a failed unit left from an earlier run is removed, so no PDF lies beside a
 * summary that leaves it out.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "batchjobs.h"
#include "fileio.h"
#include "input.h"
#include "intl.h"
#include "roster.h"
#include "spreadsheet.h"
#include "summary.h"
#include "text.h"

#define SUMMARY_CSV SUMMARY_STEM ".csv"
#define SUMMARY_PDF SUMMARY_STEM ".pdf"

/* Why a unit of the 单位名单 is not scored when nothing of it came. */
#define SUMMARY_MISSING "未报"

/* ---- the summary ------------------------------------------------------- */

typedef struct scored {
    unit_result res;
    const char *file;
    char *not_scored;
} scored;

/* Best first; the units not scored last, in file order. */
static int by_total(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (!x->not_scored != !y->not_scored)
        return x->not_scored ? 1 : -1;
    if (!x->not_scored && x->res.total != y->res.total)
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
    bool *vetoed = xcalloc(ncols + 1, sizeof *vetoed);
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
        if (c < ncols) {
            aligned[c] = res->parts[k];
            vetoed[c] = res->part_vetoed[k];
        } else
            diag_warning(d, file, 0, "单位 '%s': the 汇总表 has no column for its part '%s'; its points count in "
                         "the total only", res->unit, unit_part_name(res->table, k));
        free(key);
    }
    for (size_t c = 0; c < ncols; c++)
        free(keys[c]);
    free(keys);
    free(res->parts);
    free(res->part_vetoed);
    res->parts = aligned;
    res->part_vetoed = vetoed;
    res->nparts = ncols;
}

/* Ranks the first nsorted units in place (best first); equal totals share
 * a rank; a unit not scored has none (0) and says why.  The units after
 * them, to n, keep their order: those of the 单位名单 that sent nothing. */
static ranked_unit *rank(scored *units, size_t nsorted, size_t n)
{
    qsort(units, nsorted, sizeof *units, by_total);
    ranked_unit *r = xcalloc(n + 1, sizeof *r);
    for (size_t i = 0; i < n; i++) {
        r[i].res = &units[i].res;
        r[i].not_scored = units[i].not_scored;
        if (!units[i].not_scored)
            r[i].rank = i > 0 && units[i].res.total == units[i - 1].res.total ? r[i - 1].rank : i + 1;
    }
    return r;
}

static int summary_pdf(job *j, const ranked_unit *ranked, size_t n, const char *path, file_set *set,
                       diag_list *d)
{
    const unit *shape = shape_of(j);
    document *doc = summary_document(j->doc, shape, ranked, n);
    layout *lay = summary_layout(j->lay, shape, ranked, n);
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
    csv_put(&sb, "评分文件", false);
    csv_put(&sb, "备注", true);
    char buf[32];
    for (size_t i = 0; i < n; i++) {
        const unit_result *res = ranked[i].res;
        if (ranked[i].rank)
            sb_printf(&sb, "%zu,", ranked[i].rank);
        else
            sb_puts(&sb, ",");
        csv_put(&sb, res->unit, false);
        for (size_t k = 0; k < nparts; k++)
            csv_put(&sb, summary_part_text(shape, res, k, buf), false);
        csv_put(&sb, ranked[i].not_scored ? SUMMARY_NOT_SCORED : points_format(res->total, buf), false);
        csv_put(&sb, ranked[i].not_scored ? "" : res->vetoed ? "是" : "否", false);
        csv_put(&sb, units[i].file, false);
        csv_put(&sb, ranked[i].not_scored ? ranked[i].not_scored : "", true);
    }
    return sb_take(&sb);
}

/* The 汇总表's CSV and PDF, written as one; with them go the PDFs that
 * failed units left from an earlier run (failed: NULL-terminated).  done of
 * the ninputs units given were scored; after them come the units of the
 * 单位名单 that sent nothing, to n. */
static int write_summary(job *j, scored *units, size_t done, size_t ninputs, size_t n, const char *outdir,
                         char **failed, diag_list *d, FILE *out)
{
    ranked_unit *ranked = rank(units, ninputs, n);
    char *csv_path = xasprintf("%s/%s", outdir, SUMMARY_CSV), *pdf_path = xasprintf("%s/%s", outdir, SUMMARY_PDF);
    file_set set = {0};
    int rc = job_check_output(j, csv_path, NULL, N_("summary"), d);
    if (rc == 0) {
        char *csv = summary_csv(j, units, ranked, n);
        file_set_put(&set, csv_path, csv, strlen(csv), N_("summary"));
        rc = summary_pdf(j, ranked, n, pdf_path, &set, d);
    }
    for (size_t i = 0; failed[i]; i++)
        file_set_remove(&set, failed[i]);
    if (rc == 0)
        rc = file_set_commit(&set, d);
    if (rc == 0 && n > ninputs)
        fprintf(out, ngettext("%s: %zu of %zu unit scored, %zu %s; summary %s, %s\n",
                              "%s: %zu of %zu units scored, %zu %s; summary %s, %s\n", ninputs),
                outdir, done, ninputs, n - ninputs, SUMMARY_MISSING, pdf_path, csv_path);
    else if (rc == 0)
        fprintf(out,
                ngettext("%s: %zu of %zu unit scored; summary %s, %s\n", "%s: %zu of %zu units scored; summary %s, %s\n", n),
                outdir, done, n, pdf_path, csv_path);
    file_set_free(&set);
    free(ranked);
    free(csv_path);
    free(pdf_path);
    return rc;
}

/* ---- the run ----------------------------------------------------------- */

/* Why a unit was not scored: the first error found about it from index
 * from on (about file at line, when file is given). */
static char *first_error(const diag_list *d, size_t from, const char *file, int line)
{
    for (size_t i = from; i < d->len; i++) {
        const diag *g = &d->items[i];
        if (g->level != DIAG_ERROR || (file && (!g->file || strcmp(g->file, file) != 0 || g->line != line)))
            continue;
        return g->line ? xasprintf("第%d行：%s", g->line, g->message) : xstrdup(g->message);
    }
    return xstrdup("");
}

/* A scores file is a regular file: a pipe named *.yaml would hold the run
 * until something writes to it, a device would never end. */
static int check_regular(const batch_input *in, diag_list *d)
{
    struct stat st;
    if (stat(in->path, &st) != 0)
        return diag_error(d, in->path, 0, "cannot open: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return diag_error(d, in->path, 0, "not read: a scores file is a regular file, and this is %s",
                          S_ISDIR(st.st_mode)    ? _("a folder")
                          : S_ISFIFO(st.st_mode) ? _("a pipe")
                                                 : _("a device or socket"));
    return 0;
}

/* The progress line on a terminal: the input's name made printable. */
static void show_progress(FILE *out, size_t i, size_t n, const char *name)
{
    strbuf sb = {0};
    sb_put_printable(&sb, name);
    fprintf(out, "\r[%zu/%zu] %s\033[K", i + 1, n, sb.data ? sb.data : "");
    sb_free(&sb);
}

/* The units of the 单位名单 that no input names (NULL-terminated; caller
 * frees); findings about the roster at level. */
static char **check_roster(const job *j, const batch_list *l, diag_level level, size_t *nmissing, diag_list *d)
{
    roster r;
    roster_expected(j->doc, &r);
    const scoresheet **sheets = xcalloc(l->len + 1, sizeof *sheets);
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].sheet)
            sheets[n++] = l->items[i].sheet;
    bool *reported = xcalloc(r.len + 1, sizeof *reported);
    roster_check_sheets(&r, sheets, n, level, reported, d);
    char **missing = xcalloc(r.len + 1, sizeof *missing);
    *nmissing = 0;
    for (size_t k = 0; k < r.len; k++)
        if (!reported[k])
            missing[(*nmissing)++] = xstrdup(r.items[k].name);
    free(reported);
    free(sheets);
    roster_free(&r);
    return missing;
}

/* Every input read that is read in its turn (a folder's scores file): each
 * that cannot be gets why in whys[i].  writable[i]: its PDF may be written. */
static void read_inputs(const app_options *opt, job *j, batch_list *l, bool *writable, char **whys, diag_list *d)
{
    for (size_t i = 0; i < l->len; i++) {
        batch_input *in = &l->items[i];
        size_t before = d->len;
        writable[i] = job_check_output(j, in->pdf, in->path, N_("PDF"), d) == 0;
        if (writable[i] && !in->sheet && !in->refused && check_regular(in, d) == 0)
            input_scores(opt->env, in->path, &in->sheet, d);
        if (!in->sheet)
            whys[i] = in->refused ? first_error(d, 0, in->path, in->line) : first_error(d, before, NULL, 0);
    }
}

/* What the units' scoring shares: the inputs, and the results so far. */
typedef struct batch_state {
    job *j;
    const batch_list *l;
    const bool *writable;
    char **whys;
    scored *units;
    char **failed;
    size_t done, nfailed, nunscored;
    bool tty;
    FILE *out;
    diag_list *d;
} batch_state;

/* Unit i scored into its PDF, in whichever process scores it. */
static void score_unit(void *ctx, size_t i, unit_outcome *o)
{
    const batch_state *r = ctx;
    const batch_input *in = &r->l->items[i];
    o->rc = r->writable[i] && in->sheet ? job_write_sheet(r->j, in->sheet, in->pdf, &o->res, &o->d) : -1;
}

/* Unit i's outcome taken into the run, in the order of the units. */
static void take_unit(void *ctx, size_t i, unit_outcome *o)
{
    batch_state *r = ctx;
    const batch_input *in = &r->l->items[i];
    size_t n = r->l->len;
    if (r->tty)
        show_progress(r->out, i, n, in->name);
    size_t before = r->d->len;
    diag_take(r->d, &o->d);
    scored *u = &r->units[r->done];
    u->res = o->res;
    if (o->rc == 0) {
        align_parts(&u->res, shape_of(r->j), in->path, r->d);
        r->units[r->done++].file = in->name;
        return;
    }
    if (r->writable[i])
        r->failed[r->nfailed++] = in->pdf;
    /* Not scored: listed all the same, under the unit its scores named. */
    char *name = u->res.unit ? u->res.unit : in->sheet ? xstrdup(in->sheet->unit) : xstrdup(in->name);
    u->res.unit = NULL;
    unit_result_free(&u->res);
    u->res = (unit_result){0};
    scored *un = &r->units[n - 1 - r->nunscored++];
    un->res.unit = name;
    un->file = in->name;
    un->not_scored = r->whys[i] ? r->whys[i] : first_error(r->d, before, NULL, 0);
    r->whys[i] = NULL;
}

int batch_run(const app_options *opt, job *j, batch_list *l, const char *outdir, diag_list *d, FILE *out)
{
    /* A failed run leaves no trace: the folder is removed again if no unit
     * could be written into it. */
    bool made = mkdir(outdir, 0777) == 0;
    if (!made && errno != EEXIST)
        return diag_error(d, outdir, 0, "cannot make the output folder: %s", strerror(errno));
    file_sweep_leftovers(outdir);
    size_t n = l->len, nmissing = 0;
    bool *writable = xcalloc(n + 1, sizeof *writable);
    char **whys = xcalloc(n + 1, sizeof *whys);
    read_inputs(opt, j, l, writable, whys, d);
    char **missing = check_roster(j, l, opt->strict ? DIAG_ERROR : DIAG_WARNING, &nmissing, d);
    scored *units = xcalloc(n + nmissing + 1, sizeof *units);
    char **failed = xcalloc(n + 1, sizeof *failed);
    bool tty = opt->env->progress && !opt->quiet;
    batch_state r = {j, l, writable, whys, units, failed, 0, 0, 0, tty, out, d};
    batch_score_units(n, opt->jobs, score_unit, take_unit, &r);
    size_t done = r.done, nunscored = r.nunscored;
    if (tty)
        fputc('\n', out);
    /* The units not scored, filled in from the end, join the scored ones;
     * the 单位名单's units that sent nothing come last. */
    memmove(units + done, units + n - nunscored, nunscored * sizeof *units);
    for (size_t k = 0; k < nmissing; k++)
        units[n + k] = (scored){.res = {.unit = missing[k]}, .file = "", .not_scored = xstrdup(SUMMARY_MISSING)};
    int rc = done < n ? -1 : 0; /* each failure is already reported at its file and line */
    if (done > 0 && write_summary(j, units, done, n, n + nmissing, outdir, failed, d, out) != 0)
        rc = -1;
    if (made && done == 0)
        rmdir(outdir);
    for (size_t i = 0; i < n + nmissing; i++) {
        unit_result_free(&units[i].res);
        free(units[i].not_scored);
    }
    for (size_t i = 0; i < n; i++)
        free(whys[i]);
    free(whys);
    free(missing);
    free(units);
    free(failed);
    free(writable);
    return rc;
}
