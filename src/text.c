/* SPDX-License-Identifier: MIT */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intl.h"

static void *checked(void *p)
{
    if (!p) {
        /* No temporary file exists while memory is allocated (fileio.h), so
         * exiting leaves nothing behind. */
        fprintf(stderr, "gongwen: %s%s\n", _("error: "), _("out of memory"));
        exit(1);
    }
    return p;
}

void *xmalloc(size_t n) { return checked(malloc(n ? n : 1)); }
void *xcalloc(size_t n, size_t size) { return checked(calloc(n ? n : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return checked(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return xstrdup(fmt);
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

static void sb_reserve(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void sb_put(strbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sb_puts(strbuf *b, const char *s) { sb_put(b, s, strlen(s)); }
void sb_putc(strbuf *b, char c) { sb_put(b, &c, 1); }

void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    sb_puts(b, s);
    free(s);
}

char *sb_take(strbuf *b)
{
    char *s = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void sb_free(strbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2, c = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3, c = s[0] & 0x0F, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

void utf8_encode(strbuf *b, uint32_t cp)
{
    char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    sb_put(b, out, n);
}

size_t utf8_invalid_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            return i;
        i += k;
    }
    return (size_t)-1;
}

size_t utf8_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

uint32_t *utf8_to_cps(const char *s, size_t *n)
{
    size_t len = strlen(s), count = 0;
    uint32_t *cps = xmalloc((utf8_length(s) + 1) * sizeof *cps);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) { /* callers validate first; skip a stray byte rather than loop */
            i++;
            continue;
        }
        cps[count++] = cp;
        i += k;
    }
    *n = count;
    return cps;
}

static bool is_space_at(const char *s, size_t *len)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        *len = 1;
        return true;
    }
    if (starts_with(s, "\xE3\x80\x80")) { /* U+3000 ideographic space */
        *len = 3;
        return true;
    }
    return false;
}

char *trim(char *s)
{
    size_t k, start = 0;
    while (s[start] && is_space_at(s + start, &k))
        start += k;
    memmove(s, s + start, strlen(s + start) + 1);
    size_t end = strlen(s);
    for (;;) {
        if (end >= 1 && strchr(" \t\n\r", s[end - 1])) {
            end--;
        } else if (end >= 3 && memcmp(s + end - 3, "\xE3\x80\x80", 3) == 0) {
            end -= 3;
        } else {
            break;
        }
    }
    s[end] = '\0';
    return s;
}

size_t cjk_numerals_length(const char *s)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    size_t n = 0;
    for (;;) {
        size_t k = 0;
        while (k < 10 && !starts_with(s + n, numerals[k]))
            k++;
        if (k == 10)
            return n;
        n += strlen(numerals[k]);
    }
}

bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

size_t edit_distance(const char *a, const char *b)
{
    size_t na, nb;
    uint32_t *x = utf8_to_cps(a, &na), *y = utf8_to_cps(b, &nb);
    /* Rows i-2, i-1 and i of the table, each nb + 1 long. */
    size_t *row = xcalloc(3 * (nb + 1), sizeof *row), *r2 = row, *r1 = row + nb + 1, *r0 = row + 2 * (nb + 1);
    for (size_t j = 0; j <= nb; j++)
        r1[j] = j;
    for (size_t i = 1; i <= na; i++) {
        r0[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t best = r1[j - 1] + (x[i - 1] != y[j - 1]);
            if (r1[j] + 1 < best)
                best = r1[j] + 1;
            if (r0[j - 1] + 1 < best)
                best = r0[j - 1] + 1;
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && r2[j - 2] + 1 < best)
                best = r2[j - 2] + 1;
            r0[j] = best;
        }
        size_t *t = r2;
        r2 = r1;
        r1 = r0;
        r0 = t;
    }
    size_t d = r1[nb];
    free(row);
    free(x);
    free(y);
    return d;
}

const char *nearest_name(const char *name, const char *const *names)
{
    size_t len = utf8_length(name), most = len / 3 > 1 ? len / 3 : 1, best = most + 1;
    const char *nearest = NULL;
    for (size_t i = 0; names[i]; i++) {
        size_t d = edit_distance(name, names[i]);
        if (d < best) {
            best = d;
            nearest = names[i];
        }
    }
    return nearest;
}

bool some_line_starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || s[i - 1] == '\n' || s[i - 1] == '\r') && n - i >= k && memcmp(s + i, prefix, k) == 0)
            return true;
    return false;
}

/* An LSD radix sort, a byte a pass: the pages' code points are sorted
 * some hundred times a run, thousands at a time, and qsort's call of a
 * comparison for every step cost ten times as much.  A pass in which every
 * key has the same byte (the high ones, for code points) is skipped. */
static void sort_code_points(uint32_t *cps, size_t n)
{
    uint32_t *tmp = xmalloc(n * sizeof *tmp), *from = cps, *to = tmp;
    for (unsigned shift = 0; shift < 32; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(from[i] >> shift) & 0xFF]++;
        if (count[(from[0] >> shift) & 0xFF] == n)
            continue;
        for (size_t b = 0, sum = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        uint32_t *t = from;
        from = to;
        to = t;
    }
    if (from != cps)
        memcpy(cps, from, n * sizeof *cps);
    free(tmp);
}

size_t cps_sort_unique(uint32_t *cps, size_t n)
{
    if (n == 0)
        return 0;
    sort_code_points(cps, n);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (cps[i] != cps[k - 1])
            cps[k++] = cps[i];
    return k;
}

size_t utf16_units(uint32_t cp, uint16_t units[2])
{
    if (cp <= 0xFFFF) {
        units[0] = (uint16_t)cp;
        return 1;
    }
    units[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
    units[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    return 2;
}

bool cp_is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

size_t control_at(const char *s, size_t n, uint32_t *cp)
{
    for (size_t i = 0; i < n;) {
        size_t k = utf8_decode(s + i, n - i, cp);
        if (k == 0) {
            i++;
            continue;
        }
        if (cp_is_control(*cp))
            return i;
        i += k;
    }
    return (size_t)-1;
}

/* Marks that reorder what a terminal shows (U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069): a name could print backwards over its own message. */
static bool is_bidi_control(uint32_t cp)
{
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void sb_put_printable(strbuf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            sb_printf(b, "\\x%02X", (unsigned char)s[i]);
            i++;
            continue;
        }
        if (cp < 0x80 && (cp < 0x20 || cp == 0x7F))
            sb_printf(b, "\\x%02X", (unsigned)cp);
        else if (cp_is_control(cp) || is_bidi_control(cp))
            sb_printf(b, "\\u%04X", (unsigned)cp);
        else
            sb_put(b, s + i, k);
        i += k;
    }
}

size_t newlines_normalize(char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            s[k++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            s[k++] = s[i];
        }
    }
    if (k < n)
        s[k] = '\0';
    return k;
}

uint64_t hash_fnv1a64(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}
