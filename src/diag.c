#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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
    g->message = xvasprintf(fmt, ap);
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

/* An earlier warning word for word the same as items[i]. */
static bool repeats_earlier(const diag_list *d, size_t i)
{
    const diag *g = &d->items[i];
    for (size_t k = 0; k < i && g->level == DIAG_WARNING; k++) {
        const diag *e = &d->items[k];
        if (e->level == DIAG_WARNING && e->line == g->line && e->column == g->column && same_text(e->file, g->file) &&
            same_text(e->message, g->message))
            return true;
    }
    return false;
}

void diag_print(const diag_list *d, FILE *out)
{
    for (size_t i = 0; i < d->len; i++) {
        const diag *g = &d->items[i];
        /* A batch typesets the same notice for every unit: say it once. */
        if (repeats_earlier(d, i))
            continue;
        const char *level = g->level == DIAG_ERROR ? "error" : "warning";
        char cell[16];
        if (g->file && g->line > 0 && g->column > 0)
            fprintf(out, "%s:%s: %s: %s\n", g->file, cell_name(g->line, g->column, cell), level, g->message);
        else if (g->file && g->line > 0)
            fprintf(out, "%s:%d: %s: %s\n", g->file, g->line, level, g->message);
        else if (g->file)
            fprintf(out, "%s: %s: %s\n", g->file, level, g->message);
        else
            fprintf(out, "gongwen: %s: %s\n", level, g->message);
    }
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
