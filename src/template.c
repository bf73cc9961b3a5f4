/* SPDX-License-Identifier: MIT */
/* template: the plan of a template (its columns and rows), its CSV and its
 * folder of scores-file skeletons; the XLSX is templatexlsx.c's (see
 * template.h). */
#include "template.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fileio.h"
#include "intl.h"
#include "job.h"
#include "layout.h"
#include "roster.h"
#include "scoretable.h"
#include "scores.h"
#include "spreadsheet.h"
#include "text.h"

#define SHORT_TITLE 18 /* characters of a long item text that head its column */

/* The tables units fill in: every named table, or the rubric's first. */
static void plan_tables(const document *doc, const unit ***tables, const attachment ***atts, size_t *n)
{
    size_t cap = 0;
    *tables = NULL;
    *atts = NULL;
    *n = 0;
    for (size_t a = 0; a < doc->len; a++)
        for (size_t u = 0; u < doc->atts[a].len; u++) {
            const unit *un = &doc->atts[a].units[u];
            if (!un->name && *n > 0)
                continue;
            if (*n == cap) {
                cap = cap ? cap * 2 : 8;
                *tables = xrealloc(*tables, cap * sizeof **tables);
                *atts = xrealloc(*atts, cap * sizeof **atts);
            }
            (*tables)[*n] = un;
            (*atts)[(*n)++] = &doc->atts[a];
            if (!un->name)
                return; /* a rubric of one table */
        }
}

static void plan_columns(template_plan *p, const unit *const *tables, size_t ntables)
{
    size_t cap = 0;
    char buf[ITEM_NUMBER_SIZE];
    for (size_t t = 0; t < ntables; t++)
        for (size_t c = 0; c < tables[t]->len; c++)
            for (size_t i = 0; i < tables[t]->cats[c].len; i++) {
                const item *it = &tables[t]->cats[c].items[i];
                const char *key = item_number(it, p->doc->numbering, buf);
                size_t k = 0;
                while (k < p->ncols && strcmp(p->cols[k].key, key) != 0)
                    k++;
                if (k < p->ncols) {
                    p->cols[k].same_points &= p->cols[k].first->pts == it->pts && p->cols[k].first->kind == it->kind;
                    continue;
                }
                GROW(p->cols, p->ncols, cap);
                p->cols[p->ncols++] = (template_column){.key = xstrdup(key), .first = it, .same_points = true};
            }
}

/* Rows: the expected units, each with its table; with none, no row. */
static void plan_rows(template_plan *p, const unit *const *tables, const attachment *const *atts, size_t ntables)
{
    roster r;
    roster_expected(p->doc, &r);
    p->rows = xcalloc(r.len + 1, sizeof *p->rows);
    for (size_t i = 0; i < r.len; i++) {
        size_t t = 0;
        while (t + 1 < ntables && !(tables[t]->name && strcmp(tables[t]->name, r.items[i].name) == 0))
            t++;
        /* r is the rubric's roster, or its tables' names: the names outlive r there. */
        const char *name = tables[t]->name ? tables[t]->name : p->doc->roster.items[i].name;
        p->rows[p->nrows++] = (template_row){.unit_name = name, .table = tables[t], .att = atts[t]};
    }
    roster_free(&r);
}

static int plan_make(template_plan *p, const document *doc, long long epoch, diag_list *d)
{
    memset(p, 0, sizeof *p);
    p->doc = doc;
    p->epoch = epoch;
    const unit **tables;
    const attachment **atts;
    size_t n;
    plan_tables(doc, &tables, &atts, &n);
    if (n == 0)
        return diag_error(d, doc->path, 0, "no table to score: the rubric is a notice without a '# 附件' rubric");
    plan_columns(p, tables, n);
    plan_rows(p, tables, atts, n);
    if (n == 1 && !tables[0]->name) {
        p->table = tables[0];
        p->att = atts[0];
    }
    free(tables);
    free(atts);
    return 0;
}

static void plan_free(template_plan *p)
{
    for (size_t k = 0; k < p->ncols; k++)
        free(p->cols[k].key);
    free(p->cols);
    free(p->rows);
}

const item *template_item(const template_plan *p, const template_row *r, const template_column *c)
{
    size_t index;
    return unit_item_by_number(r->table, p->doc->numbering, c->key, &index);
}

/* An item's name, or the start of its text less its own leading number
 * ("1．"), cut at the first pause or SHORT_TITLE characters. */
static char *short_title(const item *it)
{
    if (it->name)
        return xstrdup(it->name);
    const char *s = item_text_after_ordinal(it->text);
    strbuf sb = {0};
    size_t chars = 0;
    static const char *const pauses[] = {"，", "。", "；", "：", "\n", NULL};
    while (*s) {
        size_t k = 0;
        while (pauses[k] && !starts_with(s, pauses[k]))
            k++;
        if (pauses[k] || chars == SHORT_TITLE) {
            sb_puts(&sb, "…");
            break;
        }
        uint32_t cp;
        size_t len = utf8_decode(s, strlen(s), &cp);
        sb_put(&sb, s, len ? len : 1);
        s += len ? len : 1;
        chars++;
    }
    return sb_take(&sb);
}

/* 满分3分, 加分，至多5分, or 一票否决：是/否 */
static char *points_text(const template_column *c)
{
    char buf[32];
    const item *it = c->first;
    if (it->kind == KIND_VETO)
        return xstrdup("一票否决：是/否");
    if (!c->same_points)
        return xstrdup("满分见各单位细则");
    return xasprintf(it->kind == KIND_BONUS ? "加分，至多%s分" : "满分%s分", points_format(it->pts, buf));
}

char *template_header(const template_column *c, const char *sep)
{
    char *title = short_title(c->first), *pts = points_text(c);
    char *h = xasprintf("%s%s%s%s%s", c->key, sep, title, sep, pts);
    free(title);
    free(pts);
    return h;
}

char *template_remark_header(const template_column *c)
{
    return xasprintf("%s %s", c->key, TABLE_REMARK);
}

/* ---- CSV ------------------------------------------------------------------ */

static void put_csv(const template_plan *p, const char *path, file_set *set)
{
    strbuf sb = {0};
    sb_puts(&sb, "\xEF\xBB\xBF");
    csv_put(&sb, TABLE_UNIT, false);
    csv_put(&sb, TABLE_SCORER, false);
    csv_put(&sb, TABLE_DATE, p->ncols == 0);
    for (size_t k = 0; k < p->ncols; k++) {
        char *h = template_header(&p->cols[k], " "), *r = template_remark_header(&p->cols[k]);
        csv_put(&sb, h, false);
        csv_put(&sb, r, k + 1 == p->ncols);
        free(h);
        free(r);
    }
    for (size_t i = 0; i < p->nrows; i++) {
        csv_put(&sb, p->rows[i].unit_name, false);
        for (size_t k = 0; k < 1 + 2 * p->ncols; k++) /* after 评分人: 评分日期, each score and remark */
            sb_putc(&sb, ',');
        sb_puts(&sb, "\r\n");
    }
    file_set_put(set, path, sb.data, sb.len, N_("template"));
}

/* ---- a folder of scores files --------------------------------------------- */

static void yaml_quoted(strbuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_putc(sb, '\\');
        sb_putc(sb, *s);
    }
    sb_putc(sb, '"');
}

/* The skeleton of one unit's scores file: every item present, empty, with
 * its name, points and levels as remarks. */
static char *skeleton(const template_plan *p, const template_row *r)
{
    strbuf sb = {0};
    const char *title = r->att->title;
    /* In the words of the form, as the workbook's prompts are: the file is
     * for the unit's clerk, whatever language the one who made it reads. */
    sb_printf(&sb, "# %s自评分：%s\n", r->unit_name ? r->unit_name : "", title);
    sb_puts(&sb, "# 在每个项目的冒号后面空一格，填写得分：分数（半角数字，不超过该项的满分），\n"
                 "# 或该项评分档次中的一档，几档写成 [基本完成, 资料不全]，一票否决项写 是 或 否；\n"
                 "# 写成 {分: 3, 说明: …} 可附说明。空着的项目算未评分。\n");
    const char *shared = field_value(&r->table->fields, FIELD_LEVELS);
    if (!shared)
        shared = field_value(&r->att->fields, FIELD_LEVELS);
    if (shared)
        sb_printf(&sb, "# %s: %s\n", FIELD_LEVELS, shared);
    sb_puts(&sb, "单位:");
    if (r->unit_name) {
        sb_putc(&sb, ' ');
        yaml_quoted(&sb, r->unit_name);
    } else {
        sb_puts(&sb, "                  # 单位名称");
    }
    sb_puts(&sb, "\n评分人:\n评分日期:              # 如 2012年12月20日 或 2012-12-20\n得分:\n");
    char buf[ITEM_NUMBER_SIZE];
    for (size_t c = 0; c < r->table->len; c++) {
        const category *cat = &r->table->cats[c];
        char pts[32];
        sb_printf(&sb, "  # %s%s%s%s\n", cat->heading, cat->pts != POINTS_NONE ? " " : "",
                  cat->pts != POINTS_NONE ? points_format(cat->pts, pts) : "", cat->pts != POINTS_NONE ? "分" : "");
        for (size_t i = 0; i < cat->len; i++) {
            const item *it = &cat->items[i];
            template_column col = {.key = (char *)item_number(it, p->doc->numbering, buf), .first = it,
                                   .same_points = true};
            char *t = short_title(it), *ptext = points_text(&col);
            const char *own = field_value(&it->fields, FIELD_LEVELS);
            size_t len = strlen(col.key);
            sb_puts(&sb, "  ");
            yaml_quoted(&sb, col.key);
            sb_printf(&sb, ":%*s# %s  %s%s%s\n", len < 8 ? (int)(8 - len) : 1, "", t, ptext, own ? "；" : "",
                      own ? own : "");
            free(t);
            free(ptext);
        }
    }
    return sb_take(&sb);
}

/* The file name of a unit's skeleton: its name, with what cannot stand in a
 * file name replaced. */
static char *skeleton_name(const template_row *r)
{
    if (!r->unit_name)
        return xstrdup("自评分.yaml");
    char *stem = file_name_of(r->unit_name), *name = xasprintf("%s.yaml", stem);
    free(stem);
    return name;
}

/* One skeleton per row (or one for any unit) into the folder dir, made if
 * missing; nothing when one of them is there already. */
static int put_folder(const template_plan *p, const char *dir, file_set *set, bool *made, diag_list *d)
{
    template_row blank = {.table = NULL};
    const template_row *rows = p->rows;
    size_t n = p->nrows;
    if (n == 0) { /* no roster: one skeleton for any unit */
        blank.table = p->table;
        blank.att = p->att;
        rows = &blank;
        n = 1;
    }
    char **names = xcalloc(n + 1, sizeof *names);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        names[i] = skeleton_name(&rows[i]);
        char *path = xasprintf("%s/%s", dir, names[i]);
        for (size_t k = 0; k < i && rc == 0; k++)
            if (strcasecmp(names[k], names[i]) == 0)
                rc = diag_error(d, path, 0, "the units '%s' and '%s' would both be written to this file",
                                rows[k].unit_name, rows[i].unit_name);
        if (access(path, F_OK) == 0)
            rc = diag_error(d, path, 0, "exists: a scores file that may be filled in is never overwritten; "
                            "move it away or name another folder with -o");
        char *text = skeleton(p, &rows[i]);
        file_set_put(set, path, text, strlen(text), N_("scores file"));
        free(path);
    }
    if (rc == 0 && !(*made = mkdir(dir, 0777) == 0) && errno != EEXIST)
        rc = diag_error(d, dir, 0, "cannot make the folder: %s", strerror(errno));
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* ---- the command ---------------------------------------------------------- */

static bool ends_with(const char *s, const char *ext)
{
    size_t n = strlen(s), k = strlen(ext);
    return n > k && strcasecmp(s + n - k, ext) == 0;
}

int app_template(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    document *doc = NULL;
    layout *lay = NULL;
    check_summary s;
    int rc = read_rubric(opt, argv[0], &doc, &lay, &s, d);
    char *stem = path_stem(argv[0]);
    char *output = opt->output ? xstrdup(opt->output) : xasprintf("out/%s.xlsx", stem);
    bool made = false;
    if (rc == 0) {
        template_plan p;
        rc = plan_make(&p, doc, opt->env->source_date_epoch, d);
        made = rc == 0 && !opt->output && mkdir("out", 0777) == 0;
        /* Every file written as one: a folder of skeletons all or none. */
        file_set set = {0};
        bool xlsx = ends_with(output, ".xlsx"), csv = ends_with(output, ".csv"), made_folder = false;
        if (rc == 0 && (xlsx || csv))
            file_sweep_leftovers_of(output);
        else if (rc == 0)
            file_sweep_leftovers(output);
        if (rc == 0)
            rc = xlsx ? template_put_xlsx(&p, output, &set, d)
                 : csv ? (put_csv(&p, output, &set), 0)
                       : put_folder(&p, output, &set, &made_folder, d);
        if (rc == 0)
            rc = file_set_commit(&set, d);
        file_set_free(&set);
        if (rc != 0 && made_folder)
            rmdir(output);
        plan_free(&p);
    }
    if (rc != 0 && made)
        rmdir("out");
    if (rc == 0)
        fprintf(out, "%s\n", output);
    free(output);
    free(stem);
    layout_free(lay);
    document_free(doc);
    return rc;
}
