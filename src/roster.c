/* SPDX-License-Identifier: MIT */
/* roster: the 单位名单, read from the front matter or a file beside the
 * rubric, and a batch held against it (see roster.h). */
#include "roster.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "intl.h"
#include "spreadsheet.h"
#include "text.h"

#define ROSTER_MAX_BYTES (1u << 20)

static const char *const name_headers[] = {"单位", "单位名称", NULL};

/* One unit a line; blank lines and lines starting with # are not units. */
static int roster_from_text(roster *r, const char *path, diag_list *d)
{
    char *text;
    size_t len;
    if (text_file_read(path, ROSTER_MAX_BYTES, &text, &len, d) < 0)
        return -1;
    int line = 1;
    for (char *s = text; s && *s; line++) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        trim(s);
        if (*s && *s != '#')
            roster_add(r, s, line, 0);
        s = nl ? nl + 1 : NULL;
    }
    free(text);
    return 0;
}

static bool is_name_header(const char *s)
{
    for (size_t k = 0; s && name_headers[k]; k++)
        if (strcmp(s, name_headers[k]) == 0)
            return true;
    return false;
}

/* The column headed 单位 or 单位名称, below its header; or the first column. */
static int roster_from_table(roster *r, const char *path, diag_list *d)
{
    spreadsheet *s;
    if (spreadsheet_read(path, &s, d) < 0)
        return -1;
    size_t first = 0;
    int column = 1;
    for (size_t i = 0; i < s->len && first == 0; i++)
        for (size_t k = 0; k < s->rows[i].len; k++)
            if (is_name_header(s->rows[i].cells[k].text)) {
                first = i + 1;
                column = (int)k + 1;
                break;
            }
    for (size_t i = first; i < s->len; i++) {
        const char *name = sheet_text(&s->rows[i], column);
        if (name)
            roster_add(r, name, s->rows[i].row, column);
    }
    spreadsheet_free(s);
    return 0;
}

/* The file a front-matter value names, beside the rubric. */
static int roster_from_file(document *doc, const char *name, int key_line, diag_list *d)
{
    size_t n = strlen(name);
    bool txt = n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
    if (!txt && !spreadsheet_is_table(name))
        return diag_error(d, doc->path, key_line, "'%s' is a list of units ('- NAME' lines under it) or a file "
                          "beside the rubric ending in .txt, .csv or .xlsx, not '%s'", META_ROSTER, name);
    char *copy = xstrdup(doc->path);
    char *path = name[0] == '/' ? xstrdup(name) : xasprintf("%s/%s", dirname(copy), name);
    free(copy);
    roster *r = &doc->roster;
    r->path = path;
    int rc = txt ? roster_from_text(r, path, d) : roster_from_table(r, path, d);
    if (rc == 0 && r->len == 0)
        rc = diag_error(d, path, 0, "the %s names no unit", META_ROSTER);
    return rc;
}

int roster_from_front_matter(document *doc, const ynode *value, int key_line, diag_list *d)
{
    if (value->kind == Y_SCALAR)
        return value->text[0] ? roster_from_file(doc, value->text, key_line, d) : 0;
    if (value->kind != Y_LIST)
        return diag_error(d, doc->path, key_line, "'%s' is a list of units ('- NAME' lines under it) or the "
                          "name of a file beside the rubric", META_ROSTER);
    doc->roster.path = xstrdup(doc->path);
    int rc = 0;
    for (size_t i = 0; i < value->len; i++) {
        const ynode *v = value->kids[i];
        char *name = v->kind == Y_SCALAR ? trim(xstrdup(v->text)) : NULL;
        if (name && *name)
            roster_add(&doc->roster, name, v->line, 0);
        else
            rc = diag_error(d, doc->path, v->line, "a %s entry is the name of one unit", META_ROSTER);
        free(name);
    }
    return rc;
}

void roster_expected(const document *doc, roster *out)
{
    memset(out, 0, sizeof *out);
    if (doc->roster.len > 0) {
        out->path = xstrdup(doc->roster.path);
        for (size_t i = 0; i < doc->roster.len; i++)
            roster_add(out, doc->roster.items[i].name, doc->roster.items[i].line, doc->roster.items[i].column);
        return;
    }
    for (size_t a = 0; a < doc->len; a++)
        for (size_t u = 0; u < doc->atts[a].len; u++)
            if (doc->atts[a].units[u].name)
                roster_add(out, doc->atts[a].units[u].name, doc->atts[a].units[u].line, 0);
    if (out->len > 0)
        out->path = xstrdup(doc->path);
}

/* "3", or "A3" for a cell: what follows "file:" in a diagnostic. */
static const char *place(int line, int column, char *buf)
{
    if (column > 0)
        return cell_name(line, column, buf);
    snprintf(buf, 16, "%d", line);
    return buf;
}

int roster_check(const document *doc, diag_list *d)
{
    const roster *r = &doc->roster;
    bool tables = false;
    for (size_t a = 0; a < doc->len; a++)
        tables |= doc->atts[a].len > 0 && doc->atts[a].units[0].name != NULL;
    int rc = 0;
    char where[16];
    for (size_t i = 0; i < r->len; i++) {
        const roster_entry *e = &r->items[i];
        for (size_t k = 0; k < i; k++)
            if (strcmp(r->items[k].name, e->name) == 0) {
                const roster_entry *first = &r->items[k];
                rc = first->column > 0
                         ? diag_error_at(d, r->path, e->line, e->column, "'%s' is on the %s twice (first at %s)",
                                         e->name, META_ROSTER, cell_name(first->line, first->column, where))
                         : diag_error(d, r->path, e->line, "'%s' is on the %s twice (first on line %d)", e->name,
                                      META_ROSTER, first->line);
                break;
            }
        bool has_table = !tables;
        for (size_t a = 0; a < doc->len && !has_table; a++)
            for (size_t u = 0; u < doc->atts[a].len && !has_table; u++)
                has_table = doc->atts[a].units[u].name && strcmp(doc->atts[a].units[u].name, e->name) == 0;
        if (!has_table)
            rc = diag_error_at(d, r->path, e->line, e->column, "'%s' is on the %s, but the rubric has no table "
                               "for it (## 单位：%s)", e->name, META_ROSTER, e->name);
    }
    return rc;
}

static void report(diag_list *d, diag_level level, const char *file, int line, int column, const char *msg)
{
    if (level == DIAG_ERROR)
        diag_error_at(d, file, line, column, "%s", msg);
    else
        diag_warning_at(d, file, line, column, "%s", msg);
}


size_t roster_check_sheets(const roster *r, const scoresheet *const *sheets, size_t n, diag_level level,
                           bool *reported, diag_list *d)
{
    size_t findings = 0;
    char where[16];
    for (size_t i = 0; i < n; i++) {
        const scoresheet *s = sheets[i], *twin = NULL;
        for (size_t k = 0; k < i && !twin; k++)
            twin = strcmp(sheets[k]->unit, s->unit) == 0 ? sheets[k] : NULL;
        bool listed = r->len == 0;
        for (size_t k = 0; k < r->len && !listed; k++)
            listed = strcmp(r->items[k].name, s->unit) == 0;
        char *msg = twin ? xasprintf(_("单位 '%s' is given twice: also at %s:%s"), s->unit, twin->path,
                                     place(twin->unit_line, twin->unit_column, where))
                  : !listed ? xasprintf(_("单位 '%s' is not on the %s (%s)"), s->unit, META_ROSTER, r->path)
                            : NULL;
        if (msg) {
            report(d, level, s->path, s->unit_line, s->unit_column, msg);
            findings++;
        }
        free(msg);
    }
    for (size_t k = 0; k < r->len; k++) {
        bool has = false;
        for (size_t i = 0; i < n && !has; i++)
            has = strcmp(sheets[i]->unit, r->items[k].name) == 0;
        if (reported)
            reported[k] = has;
        if (!has) {
            char *msg = xasprintf(_("单位 '%s' has sent no scores (未报)"), r->items[k].name);
            report(d, level, r->path, r->items[k].line, r->items[k].column, msg);
            findings++;
            free(msg);
        }
    }
    return findings;
}
