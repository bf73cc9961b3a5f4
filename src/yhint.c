/* SPDX-License-Identifier: MIT */
#include "yhint.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "text.h"

#define FULLWIDTH_COLON "\xEF\xBC\x9A" /* ： */

/* ---- the text as lines ------------------------------------------------------ */

typedef struct lines {
    const char *text;
    size_t len;
    size_t *start; /* the offset of each line */
    size_t count;
} lines;

static void lines_index(lines *t, const char *text, size_t len)
{
    t->text = text;
    t->len = len;
    t->count = 1;
    for (size_t i = 0; i < len; i++)
        t->count += text[i] == '\n';
    t->start = xmalloc(t->count * sizeof *t->start);
    t->start[0] = 0;
    for (size_t i = 0, k = 1; i < len; i++)
        if (text[i] == '\n')
            t->start[k++] = i + 1;
}

/* Line i (0-based) and its length, without the line end; NULL past the end. */
static const char *line_get(const lines *t, size_t i, size_t *n)
{
    if (i >= t->count)
        return NULL;
    size_t end = i + 1 < t->count ? t->start[i + 1] - 1 : t->len;
    *n = end - t->start[i];
    return t->text + t->start[i];
}

/* ---- one line, as the clerk meant it ------------------------------------------- */

typedef enum {
    LINE_BLANK,      /* nothing, or a comment */
    LINE_TEXT,       /* anything that is not KEY: VALUE */
    LINE_KEY,        /* KEY: VALUE, or KEY: alone */
    LINE_NO_SPACE,   /* KEY:VALUE */
    LINE_FULLWIDTH,  /* KEY：VALUE */
} line_kind;

typedef struct keyed {
    line_kind kind;
    size_t indent;        /* the white space before the text, tabs counted as one */
    bool tab;             /* a tab in it */
    bool entry;           /* the text begins with '- ' */
    const char *key;      /* as typed, quotes and all */
    size_t key_len;
    const char *name;     /* the key without its quotes */
    size_t name_len;
    const char *value;    /* after the colon and its spaces, to the line's end */
    size_t value_len;
} keyed;

static bool at_fullwidth_colon(const char *p, const char *end)
{
    return end - p >= 3 && memcmp(p, FULLWIDTH_COLON, 3) == 0;
}

/* The key of a line: quoted, or plain words up to a colon of either width. */
static const char *read_key(keyed *k, const char *p, const char *end)
{
    const char *q = p + 1;
    if (*p == '"' || *p == '\'') {
        while (q < end && *q != *p)
            q += *p == '"' && *q == '\\' && q + 1 < end ? 2 : 1;
        if (q >= end)
            return NULL;
        k->name = p + 1;
        k->name_len = (size_t)(q - p - 1);
        q++;
    } else {
        if (strchr("[]{},&*!|>%@`#-", *p))
            return NULL;
        for (q = p; q < end && *q != ':' && *q != ' ' && !at_fullwidth_colon(q, end); q++)
            ;
        k->name = p;
        k->name_len = (size_t)(q - p);
    }
    k->key = p;
    k->key_len = (size_t)(q - p);
    return q;
}

static keyed read_line(const char *s, size_t n)
{
    keyed k = {.kind = LINE_BLANK};
    const char *p = s, *end = s + n;
    for (; p < end && (*p == ' ' || *p == '\t'); p++)
        k.tab |= *p == '\t';
    k.indent = (size_t)(p - s);
    if (end - p >= 2 && p[0] == '-' && p[1] == ' ') {
        k.entry = true;
        for (p += 2; p < end && *p == ' '; p++)
            ;
    }
    if (p == end || *p == '#')
        return k;
    k.kind = LINE_TEXT;
    const char *q = read_key(&k, p, end);
    if (!q || k.name_len == 0)
        return k;
    if (q < end && *q == ':') {
        q++;
        if (q < end && (*q == '/' || *q == '\\'))
            return k; /* a URL or a Windows path, not a key */
        k.kind = q == end || *q == ' ' ? LINE_KEY : LINE_NO_SPACE;
    } else if (at_fullwidth_colon(q, end)) {
        q += 3;
        k.kind = LINE_FULLWIDTH;
    } else {
        return k;
    }
    while (q < end && *q == ' ')
        q++;
    k.value = q;
    k.value_len = (size_t)(end - q);
    return k;
}

/* The start of what is shown of a value in a message: its first 20
 * characters, and … when it goes on. */
static char *shown(const char *s, size_t n)
{
    strbuf sb = {0};
    size_t i = 0;
    for (int chars = 0; i < n && chars < 20; chars++) {
        uint32_t cp;
        size_t w = utf8_decode(s + i, n - i, &cp);
        i += w ? w : 1;
    }
    sb_put(&sb, s, i < n ? i : n);
    if (i < n)
        sb_puts(&sb, "…");
    return sb_take(&sb);
}

/* A key with a wrong colon, and the line to write instead. */
static int say_colon(const keyed *k, const char *file, int line, diag_list *d)
{
    char *name = shown(k->name, k->name_len), *value = shown(k->value, k->value_len);
    strbuf right = {0};
    sb_put(&right, k->key, k->key_len);
    sb_putc(&right, ':');
    if (k->value_len)
        sb_printf(&right, " %s", value);
    if (k->kind == LINE_FULLWIDTH)
        diag_error(d, file, line, "the colon after '%s' is the full-width ：; write the colon as : (ASCII), "
                   "followed by a space: %s", name, right.data);
    else
        diag_error(d, file, line, "no space after the colon of '%s': write %s", name, right.data);
    free(name);
    free(value);
    sb_free(&right);
    return -1;
}

/* ---- where the parser stopped ------------------------------------------------ */

typedef struct stop {
    const yaml_parser_t *parser;
    lines t;
    size_t at;   /* the line (0-based) the parser stopped at */
    size_t from; /* the line its context began, at most at */
    const char *file;
    int first_line;
    diag_list *d;
} stop;

static keyed line_read(const stop *s, size_t i)
{
    size_t n = 0;
    const char *l = line_get(&s->t, i, &n);
    return l ? read_line(l, n) : (keyed){.kind = LINE_BLANK};
}

static bool problem_is(const stop *s, const char *problem)
{
    return s->parser->problem && strcmp(s->parser->problem, problem) == 0;
}

static bool context_is(const stop *s, const char *context)
{
    return s->parser->context && strcmp(s->parser->context, context) == 0;
}

static int file_line(const stop *s, size_t i)
{
    return s->first_line + (int)i;
}

/* The nearest line above line i that holds something, or -1. */
static long line_above(const stop *s, size_t i, keyed *k)
{
    for (long j = (long)i - 1; j >= 0; j--) {
        *k = line_read(s, (size_t)j);
        if (k->kind != LINE_BLANK)
            return j;
    }
    return -1;
}

static int say_unclosed(const stop *s, size_t i, char bracket)
{
    return bracket == '['
               ? diag_error(s->d, s->file, file_line(s, i), "the list opened with '[' on this line is never closed "
                            "with ']'")
               : diag_error(s->d, s->file, file_line(s, i), "the map opened with '{' on this line is never closed "
                            "with '}'");
}

/* The nearest line at or above line i that opens more brackets than it
 * closes, and which ('[' or '{'); -1 when none does. */
static long bracket_left_open(const stop *s, size_t i, char *bracket)
{
    for (size_t j = i + 1; j-- > 0;) {
        size_t n;
        const char *l = line_get(&s->t, j, &n);
        int lists = 0, maps = 0;
        for (size_t k = 0; l && k < n && l[k] != '#'; k++) {
            lists += (l[k] == '[') - (l[k] == ']');
            maps += (l[k] == '{') - (l[k] == '}');
        }
        if (lists > 0 || maps > 0) {
            *bracket = lists > 0 ? '[' : '{';
            return (long)j;
        }
    }
    return -1;
}

static int say_unclosed_quote(const stop *s, size_t i)
{
    return diag_error(s->d, s->file, file_line(s, i), "the quotation mark opened on this line is not closed on it");
}

/* The first line at or above where the parser stopped with an odd number of
 * double quotation marks, or -1: a value's closing mark left out makes YAML
 * read on to the next mark, lines below. */
static long quote_left_open(const stop *s)
{
    for (size_t i = 0; i <= s->at; i++) {
        size_t n;
        const char *l = line_get(&s->t, i, &n);
        keyed k = l ? read_line(l, n) : (keyed){.kind = LINE_BLANK};
        if (k.kind == LINE_BLANK)
            continue;
        size_t marks = 0;
        for (size_t j = 0; j < n; j++)
            marks += l[j] == '"' && (j == 0 || l[j - 1] != '\\');
        if (marks % 2)
            return (long)i;
    }
    return -1;
}

/* An opening quotation mark or bracket with no closing one: said where it
 * was opened. */
static int unclosed(const stop *s)
{
    size_t from = s->parser->context ? s->parser->context_mark.line : s->at;
    if (problem_is(s, "found unexpected end of stream") && context_is(s, "while scanning a quoted scalar"))
        return say_unclosed_quote(s, from);
    long quote = quote_left_open(s);
    if (quote >= 0)
        return say_unclosed_quote(s, (size_t)quote);
    if (problem_is(s, "did not find expected ',' or ']'"))
        return say_unclosed(s, from, '[');
    if (problem_is(s, "did not find expected ',' or '}'"))
        return say_unclosed(s, from, '{');
    /* A file that ends inside brackets. */
    char bracket;
    long open = problem_is(s, "did not find expected node content") && context_is(s, "while parsing a flow node")
                    ? bracket_left_open(s, s->at, &bracket)
                    : -1;
    return open >= 0 ? say_unclosed(s, (size_t)open, bracket) : 0;
}

/* What libyaml stops at for a reason plain from its words alone. */
static int plain_problem(const stop *s)
{
    int line = file_line(s, s->at);
    if (problem_is(s, "found unknown escape character"))
        return diag_error(s->d, s->file, line, "in double quotes a backslash starts an escape such as \\n: "
                          "write \\\\ for a backslash, or put the text in single quotes");
    if (problem_is(s, "control characters are not allowed"))
        return diag_error(s->d, s->file, line, "a control character: this is not a text file");
    if (problem_is(s, "block sequence entries are not allowed in this context"))
        return diag_error(s->d, s->file, line, "a list entry ('- ') goes on a line of its own, indented under "
                          "its key");
    return 0;
}

static int tab_in_indent(const stop *s)
{
    for (size_t i = s->at + 1; i-- > s->from;)
        if (line_read(s, i).tab)
            return diag_error(s->d, s->file, file_line(s, i), "this line is indented with a tab: indent with "
                              "spaces, not tabs");
    return 0;
}

/* A key with a wrong colon is read as text running on into the lines below
 * it, until a line YAML cannot take: the mistake is at or above where the
 * parser stopped, after the last well-written key above it. */
static int wrong_colon(const stop *s)
{
    for (size_t i = s->at + 1; i-- > 0;) {
        keyed k = line_read(s, i);
        if (k.kind == LINE_NO_SPACE || k.kind == LINE_FULLWIDTH)
            return say_colon(&k, s->file, file_line(s, i), s->d);
        if (k.kind == LINE_KEY && i != s->at)
            return 0;
    }
    return 0;
}

static bool holds_colon(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == ':' && s[i + 1] == ' ')
            return true;
    return false;
}

/* KEY: VALUE where the value holds ": " itself. */
static int colon_in_value(const stop *s)
{
    keyed k = line_read(s, s->at);
    if (!problem_is(s, "mapping values are not allowed in this context") || k.kind != LINE_KEY ||
        k.value_len == 0 || strchr("\"'[{|>", k.value[0]) || !holds_colon(k.value, k.value_len))
        return 0;
    char *name = shown(k.name, k.name_len);
    diag_error(s->d, s->file, file_line(s, s->at), "the value of '%s' holds ': ', which YAML reads as another "
               "key: put the value in quotes, %s: \"…\"", name, name);
    free(name);
    return -1;
}

/* A line indented unlike the lines of its list, or under a key that has its
 * value on its own line already. */
static int indent_unlike(const stop *s)
{
    keyed k = line_read(s, s->at), above = {.kind = LINE_BLANK};
    long j = line_above(s, s->at, &above);
    if (j < 0 || k.kind == LINE_BLANK)
        return 0;
    int line = file_line(s, s->at);
    keyed before = {.kind = LINE_BLANK};
    long b = line_above(s, (size_t)j, &before);
    if (problem_is(s, "mapping values are not allowed in this context") && k.indent > above.indent &&
        above.kind == LINE_KEY && above.value_len > 0 && b >= 0 && before.kind == LINE_KEY &&
        before.value_len > 0 && before.indent == k.indent)
        /* The line above is the odd one out, between two lines alike. */
        return diag_error(s->d, s->file, file_line(s, (size_t)j),
                          ngettext("this line is indented by %zu space and the lines around it by %zu: "
                                   "indent the lines of one list alike",
                                   "this line is indented by %zu spaces and the lines around it by %zu: "
                                   "indent the lines of one list alike", above.indent),
                          above.indent, k.indent);
    if (problem_is(s, "mapping values are not allowed in this context") && k.indent > above.indent &&
        above.kind == LINE_KEY && above.value_len > 0) {
        char *name = shown(above.name, above.name_len);
        diag_error(s->d, s->file, line, "this line is indented under '%s', which already has a value on its line: "
                   "indent this line as '%s' is, or remove that value", name, name);
        free(name);
        return -1;
    }
    if (!problem_is(s, "did not find expected key") && !problem_is(s, "did not find expected '-' indicator"))
        return 0;
    if (k.indent != above.indent)
        return diag_error(s->d, s->file, line,
                          ngettext("this line is indented by %zu space and the line above it by %zu: "
                                   "indent the lines of one list alike",
                                   "this line is indented by %zu spaces and the line above it by %zu: "
                                   "indent the lines of one list alike", k.indent),
                          k.indent, above.indent);
    if (above.entry != k.entry)
        return diag_error(s->d, s->file, line, "a list is '- ' entries or NAME: VALUE lines, not both: "
                          "write this line as the one above it");
    return 0;
}

/* A value starting with a character YAML keeps for itself. */
static int reserved_start(const stop *s)
{
    size_t n;
    const char *l = line_get(&s->t, s->at, &n);
    if (!l || !problem_is(s, "found character that cannot start any token"))
        return 0;
    size_t i = 0; /* the column counts characters */
    for (size_t col = 0; col < s->parser->problem_mark.column && i < n; col++) {
        uint32_t cp;
        size_t w = utf8_decode(l + i, n - i, &cp);
        i += w ? w : 1;
    }
    if (i >= n || (l[i] != '@' && l[i] != '`'))
        return 0;
    return diag_error(s->d, s->file, file_line(s, s->at), "a value cannot begin with %c: put it in quotes, "
                      "\"%c…\"", l[i], l[i]);
}

int yhint_syntax(const yaml_parser_t *parser, const char *text, size_t len, const char *file, int first_line,
                 diag_list *d)
{
    stop s = {.parser = parser, .at = parser->problem_mark.line, .file = file, .first_line = first_line, .d = d};
    s.from = parser->context && parser->context_mark.line < s.at ? parser->context_mark.line : s.at;
    lines_index(&s.t, text, len);
    /* The plain problems first: a colon typed wrong anywhere above must not
     * be blamed for a quotation mark never closed. */
    static int (*const hints[])(const stop *) = {unclosed, plain_problem, tab_in_indent, wrong_colon,
                                                 colon_in_value, indent_unlike, reserved_start};
    int said = 0;
    for (size_t i = 0; i < sizeof hints / sizeof hints[0] && !said; i++)
        said = hints[i](&s);
    free(s.t.start);
    if (said)
        return -1;
    return diag_error(d, file, file_line(&s, s.at), "this line does not read as YAML (%s%s%s): look at its "
                      "colons, quotation marks and indent", parser->problem ? parser->problem : "syntax error",
                      parser->context ? " " : "", parser->context ? parser->context : "");
}

int yhint_scalar_for_map(const ynode *n, const char *file, diag_list *d)
{
    if (n->kind != Y_SCALAR)
        return 0;
    const char *nl = strchr(n->text, '\n');
    keyed k = read_line(n->text, nl ? (size_t)(nl - n->text) : strlen(n->text));
    if (k.kind != LINE_NO_SPACE && k.kind != LINE_FULLWIDTH)
        return 0;
    /* A plain text joins its lines with spaces: its first key ends at one. */
    const char *space = memchr(k.value, ' ', k.value_len);
    if (space)
        k.value_len = (size_t)(space - k.value);
    return say_colon(&k, file, n->line, d);
}
