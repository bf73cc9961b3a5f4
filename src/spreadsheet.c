/* SPDX-License-Identifier: MIT */
/* spreadsheet: rows of cells, whichever file they came from (see
 * spreadsheet.h); the CSV and XLSX readers fill them through
 * spreadsheet_put. */
#include "spreadsheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

static bool has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), k = strlen(ext);
    return n > k && strcasecmp(path + n - k, ext) == 0;
}

bool spreadsheet_is_table(const char *path)
{
    return has_extension(path, ".csv") || has_extension(path, ".xlsx");
}

/* No control character reaches a value, as none does from a YAML file
 * (ytree.h): a cell holding one is an error at it. */
static int check_cells(const spreadsheet *s, diag_list *d)
{
    int rc = 0;
    for (size_t i = 0; i < s->len; i++)
        for (size_t k = 0; k < s->rows[i].len; k++) {
            const char *t = s->rows[i].cells[k].text;
            uint32_t cp;
            if (t && control_at(t, strlen(t), &cp) != (size_t)-1)
                rc = diag_error_at(d, s->path, s->rows[i].row, (int)k + 1,
                                   "the cell holds a control character (U+%04X); retype it", (unsigned)cp);
        }
    return rc;
}

int spreadsheet_read(const char *path, spreadsheet **out, diag_list *d)
{
    *out = NULL;
    if (!spreadsheet_is_table(path))
        return diag_error(d, path, 0, "not a spreadsheet gongwen reads: name a .csv or .xlsx file");
    spreadsheet *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    int rc = has_extension(path, ".csv") ? csv_read(path, s, d) : xlsx_read(path, s, d);
    if (rc == 0)
        rc = check_cells(s, d);
    if (rc < 0) {
        spreadsheet_free(s);
        return -1;
    }
    *out = s;
    return 0;
}

void spreadsheet_free(spreadsheet *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->len; i++) {
        for (size_t k = 0; k < s->rows[i].len; k++)
            free(s->rows[i].cells[k].text);
        free(s->rows[i].cells);
    }
    free(s->rows);
    free(s->path);
    free(s);
}

const char *sheet_text(const sheet_row *r, int column)
{
    return column >= 1 && (size_t)column <= r->len ? r->cells[column - 1].text : NULL;
}

void spreadsheet_put(spreadsheet *s, int row, int column, const char *text, size_t len, bool number)
{
    char *t = xstrndup(text, len);
    /* A line break within a cell, however it was saved (CRLF, CR), is LF. */
    size_t k = 0;
    for (size_t i = 0; t[i]; i++)
        if (t[i] != '\r' || t[i + 1] != '\n')
            t[k++] = t[i] == '\r' ? '\n' : t[i];
    t[k] = '\0';
    if (!*trim(t)) {
        free(t);
        return;
    }
    if (s->len == 0 || s->rows[s->len - 1].row != row) {
        GROW(s->rows, s->len, s->cap);
        s->rows[s->len++] = (sheet_row){.row = row};
    }
    sheet_row *r = &s->rows[s->len - 1];
    if ((size_t)column > r->len) {
        r->cells = xrealloc(r->cells, (size_t)column * sizeof *r->cells);
        memset(r->cells + r->len, 0, ((size_t)column - r->len) * sizeof *r->cells);
        r->len = (size_t)column;
    }
    sheet_cell *c = &r->cells[column - 1];
    free(c->text); /* a cell written twice: the last one is what a spreadsheet program shows */
    *c = (sheet_cell){.text = t, .number = number};
}

/* The proleptic Gregorian date of a day count since 1970-01-01
 * (H. Hinnant's civil_from_days). */
static void civil_from_days(long long z, int *y, int *m, int *dd)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

const char *sheet_date(const spreadsheet *s, const sheet_cell *c, char *buf)
{
    if (!c->number)
        return NULL;
    char *end;
    double serial = strtod(c->text, &end);
    /* 1900 system: day 1 is 1900-01-01 and day 60 the 29 February 1900 Lotus
     * invented, so from day 61 on, day 0 is 1899-12-30.  1904 system: day 0
     * is 1904-01-01. */
    double first = s->date1904 ? 0 : 61;
    if (*end || serial < first || serial >= 2958466) /* 2958466: 10000-01-01 */
        return NULL;
    long long days = (long long)serial + (s->date1904 ? -24107 : -25569);
    int y, m, dd;
    civil_from_days(days, &y, &m, &dd);
    snprintf(buf, 16, "%04d-%02d-%02d", y, m, dd);
    return buf;
}
