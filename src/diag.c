/* SPDX-License-Identifier: MIT */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "text.h"

static void diag_vadd(diag_list *d, diag_level level, const char *file, int line, int column,
                      const char *fmt, va_list ap)
{
    if (d->len == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        diag *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            abort(); /* a diagnostics list that cannot grow has nothing left to report with */
        d->items = items;
        d->cap = cap;
    }
    diag *g = &d->items[d->len++];
    g->level = level;
    g->file = file ? xstrdup(file) : NULL;
    g->line = line;
    g->column = column;
    /* Looked up here, where every finding is formatted (intl.h); "" is the
     * catalogue's header, never a message. */
    g->message = xvasprintf(*fmt ? gettext(fmt) : fmt, ap);
}

void diag_add(diag_list *d, diag_level level, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, level, file, line, 0, fmt, ap);
    va_end(ap);
}

int diag_error(diag_list *d, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_ERROR, file, line, 0, fmt, ap);
    va_end(ap);
    return -1;
}

void diag_warning(diag_list *d, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_WARNING, file, line, 0, fmt, ap);
    va_end(ap);
}

int diag_error_at(diag_list *d, const char *file, int row, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_ERROR, file, row, column, fmt, ap);
    va_end(ap);
    return -1;
}

void diag_warning_at(diag_list *d, const char *file, int row, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_WARNING, file, row, column, fmt, ap);
    va_end(ap);
}

const char *cell_name(int row, int column, char *buf)
{
    char letters[8];
    int n = 0;
    for (unsigned c = column > 0 ? (unsigned)column : 1; c > 0 && n < 7; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        buf[i] = letters[n - 1 - i];
    snprintf(buf + n, 16 - (size_t)n, "%d", row);
    return buf;
}

size_t diag_count(const diag_list *d, diag_level level)
{
    size_t n = 0;
    for (size_t i = 0; i < d->len; i++)
        n += d->items[i].level == level;
    return n;
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* One finding as a line; what the input supplied in it (a file name, a
 * unit's name, an item id) is made printable (sb_put_printable). */
static void print_finding(FILE *out, const char *file, int line, int column, diag_level level,
                          const char *message)
{
    strbuf sb = {0};
    if (file) {
        char cell[16];
        sb_put_printable(&sb, file);
        if (line > 0 && column > 0)
            sb_printf(&sb, ":%s", cell_name(line, column, cell));
        else if (line > 0)
            sb_printf(&sb, ":%d", line);
    } else {
        sb_puts(&sb, "gongwen");
    }
    /* gcc's words, with the colon each language writes: "error: ", and in
     * Chinese "错误：" (a full-width colon, no space). */
    sb_printf(&sb, ": %s", level == DIAG_ERROR ? _("error: ") : _("warning: "));
    sb_put_printable(&sb, message);
    fprintf(out, "%s\n", sb.data);
    sb_free(&sb);
}

/* Past this many findings in a row about one file, the rest are counted,
 * not printed: a scores file of 70,000 unknown ids is one mistake. */
#define RUN_MAX 100

void diag_print(const diag_list *d, FILE *out)
{
    size_t run = 0, hidden = 0;
    bool hidden_error = false;
    for (size_t i = 0; i < d->len; i++) {
        const diag *g = &d->items[i];
        run = i > 0 && same_text(g->file, d->items[i - 1].file) ? run + 1 : 1;
        if (run > RUN_MAX && g->file) {
            hidden++;
            hidden_error |= g->level == DIAG_ERROR;
        } else {
            print_finding(out, g->file, g->line, g->column, g->level, g->message);
        }
        bool run_ends = i + 1 == d->len || !same_text(g->file, d->items[i + 1].file);
        if (run_ends && hidden > 0) {
            char *more = xasprintf(ngettext("%zu more finding about this file is not shown",
                                            "%zu more findings about this file are not shown", hidden), hidden);
            print_finding(out, g->file, 0, 0, hidden_error ? DIAG_ERROR : DIAG_WARNING, more);
            free(more);
            hidden = 0;
            hidden_error = false;
        }
    }
}

void diag_drop(diag_list *d, diag_level level)
{
    size_t kept = 0;
    for (size_t i = 0; i < d->len; i++) {
        if (d->items[i].level == level) {
            free(d->items[i].file);
            free(d->items[i].message);
        } else {
            d->items[kept++] = d->items[i];
        }
    }
    d->len = kept;
}

void diag_take(diag_list *d, diag_list *from)
{
    for (size_t k = 0; k < from->len; k++) {
        GROW(d->items, d->len, d->cap);
        d->items[d->len++] = from->items[k];
    }
    free(from->items);
    from->items = NULL;
    from->len = from->cap = 0;
}

void diag_list_free(diag_list *d)
{
    for (size_t i = 0; i < d->len; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    d->items = NULL;
    d->len = d->cap = 0;
}
