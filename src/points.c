/* SPDX-License-Identifier: MIT */
/* points: reading points written by people: "3分", "2.5", "（5分）". */
#include <stdlib.h>
#include <string.h>

#include "points.h"
#include "intl.h"
#include "text.h"

#define POINTS_MAX ((points)1000000 * POINTS_ONE) /* no rubric gives a million points */
#define FEN "\xE5\x88\x86"                         /* 分 */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Reads digits[.d[d]] at s into hundredths; returns bytes read, 0 if none. */
static size_t read_number(const char *s, points *out, const char **why)
{
    size_t i = 0;
    points v = 0;
    while (is_digit(s[i])) {
        if (v > POINTS_MAX) {
            *why = _("too large for points");
            return 0;
        }
        v = v * 10 + (s[i++] - '0');
    }
    if (i == 0)
        return 0;
    v *= POINTS_ONE;
    if (s[i] == '.' && is_digit(s[i + 1])) {
        size_t start = ++i;
        points scale = POINTS_ONE / 10;
        while (is_digit(s[i])) {
            if (i - start >= 2) {
                *why = _("more than two decimal places");
                return 0;
            }
            v += (s[i++] - '0') * scale;
            scale /= 10;
        }
    }
    if (v > POINTS_MAX) {
        *why = _("too large for points");
        return 0;
    }
    *out = v;
    return i;
}

static int has_fullwidth_digit(const char *s)
{
    for (; *s; s++) /* U+FF10..U+FF19 are EF BC 90..99 */
        if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
            (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)
            return 1;
    return 0;
}

int points_parse(const char *text, points *out, const char **why)
{
    char *s = trim(xstrdup(text));
    size_t n = strlen(s);
    if (n >= 3 && strcmp(s + n - 3, FEN) == 0)
        s[n -= 3] = '\0';
    trim(s);
    *why = NULL;
    int rc = -1;
    size_t used;
    if (has_fullwidth_digit(s))
        *why = _("full-width digits; write points with 0-9");
    else if (s[0] == '-' || starts_with(s, "\xEF\xBC\x8D") || starts_with(s, "\xE2\x88\x92"))
        *why = _("points cannot be negative");
    else if (s[0] == '\0')
        *why = _("no number");
    else if ((used = read_number(s, out, why)) > 0 && s[used] == '\0')
        rc = 0;
    else if (!*why)
        *why = _("not a number");
    free(s);
    return rc;
}

/* Length of an opening bracket at s: "(" or "（", else 0. */
static size_t open_paren(const char *s)
{
    if (*s == '(')
        return 1;
    return starts_with(s, "\xEF\xBC\x88") ? 3 : 0;
}

static size_t close_paren(const char *s)
{
    if (*s == ')')
        return 1;
    return starts_with(s, "\xEF\xBC\x89") ? 3 : 0;
}

static size_t skip_spaces(const char *s)
{
    size_t i = 0;
    while (s[i] == ' ')
        i++;
    return i;
}

void points_scan_inline(const char *text, subpoint_list *sub)
{
    for (const char *s = text; *s; s++) {
        size_t k = open_paren(s);
        if (!k)
            continue;
        const char *p = s + k;
        p += skip_spaces(p);
        points v;
        const char *why = NULL;
        size_t used = read_number(p, &v, &why);
        if (!used)
            continue;
        p += used;
        p += skip_spaces(p);
        if (!starts_with(p, FEN))
            continue;
        p += 3;
        p += skip_spaces(p);
        if (!close_paren(p))
            continue;
        GROW(sub->items, sub->len, sub->cap);
        sub->items[sub->len++] = v;
        s = p;
    }
}
