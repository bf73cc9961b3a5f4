/* SPDX-License-Identifier: MIT */
/* breaks: the places a line may break, and their costs.  Contract in breaks.h.
 *
 * Two passes over a text: the rules that hold in every style (禁则, words and
 * numbers of Latin script, numbers with their units, labels, line feeds),
 * then, for display text, the costs of the places those rules leave open,
 * from word boundaries and names.  Only display text pays for ICU: body text
 * on the grid breaks anywhere the rules allow.
 */
#include "breaks.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#include "text.h"

/* ---- character classes ------------------------------------------------------ */

/* Full-width marks drawn in a 1-em box with the ink on one side. */
static const uint32_t fw_closing[] = {
    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF09, 0x300B, 0x300D, 0x300F,
    0x201D, 0x2019, 0x3015, 0x3011, 0x3009, 0x3017, 0xFF3D, 0xFF5D, 0xFF0E,
};
static const uint32_t fw_opening[] = {
    0xFF08, 0x300A, 0x300C, 0x300E, 0x201C, 0x2018, 0x3014, 0x3010, 0x3008,
    0x3016, 0xFF3B, 0xFF5B,
};
/* Marks that may not start a line but are not squeezed: ？！ are centred in
 * mainland fonts, the rest are proportional or have no blank side. */
static const uint32_t other_closing[] = {
    0xFF1F, 0xFF01, 0x2026, 0x2025, 0xFF05, 0x2030, 0x00B0, 0x2103, 0x00B7,
    0x30FB, ',', '.', ';', ':', '?', '!', ')', ']', '}', '%',
};
static const uint32_t other_opening[] = { '(', '[', '{' };
/* Join letters or digits on both sides into one word: 2.5, 1,000, e-mail. */
static const uint32_t word_glue[] = {
    '.', ',', ':', '-', '/', '_', '\'', '&', 0x2019, 0x2010, 0x2011,
};
/* Stick to the number that follows: ¥100, #3, ≥95%, ±2, 第3. */
static const uint32_t number_prefix[] = {
    '$', '#', 0x00A5, 0xFFE5, 0x00A3, 0x20AC, '+', '-', '<', '>', '=', '~', 0x2265, 0x2264, 0x00B1,
    0xFF0B, 0xFF0D, 0xFF1C, 0xFF1E, 0x2212, 0xFF5E, 0x7B2C, /* 第 */ 0x7EA6, /* 约 */
};
/* Units and measure words a number keeps on its line: 2分, 2016年, 3次 … */
static const char unit_chars[] =
    "分年月日时号元角万亿千百倍篇人名个次项届期天周岁件份场条家所户台套本册部支位批轮"
    "米吨亩斤元首类种例起封期版页张节课章段点％%‰℃";

/* Punctuation that ends an item of a list of organs. */
static const uint32_t list_separators[] = { 0x3001, 0xFF0C, 0xFF1B, ',', ';' };

static bool in_set(uint32_t cp, const uint32_t *set, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (set[i] == cp)
            return true;
    return false;
}
#define IN_SET(cp, set) in_set((cp), (set), sizeof(set) / sizeof *(set))

bool lb_is_closing(uint32_t cp) { return IN_SET(cp, fw_closing) || IN_SET(cp, other_closing); }
bool lb_is_opening(uint32_t cp) { return IN_SET(cp, fw_opening) || IN_SET(cp, other_opening); }
bool lb_is_squeezable_closing(uint32_t cp) { return IN_SET(cp, fw_closing); }
bool lb_is_squeezable_opening(uint32_t cp) { return IN_SET(cp, fw_opening); }

static bool is_digit(uint32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

static bool is_word_char(uint32_t cp)
{
    if (is_digit(cp) || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    if (cp >= 0xC0 && cp <= 0x24F) /* Latin-1 and Extended-A/B letters */
        return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x370 && cp <= 0x4FF) /* Greek, Cyrillic */
        return true;
    return (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

static bool is_hanzi(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool is_unit(uint32_t cp)
{
    size_t len = sizeof unit_chars - 1;
    for (size_t i = 0; i < len;) {
        uint32_t u;
        size_t k = utf8_decode(unit_chars + i, len - i, &u);
        if (k == 0)
            break;
        if (u == cp)
            return true;
        i += k;
    }
    return false;
}

/* ---- the rules of every style ------------------------------------------------------ */

typedef struct text {
    const uint32_t *cps;
    size_t n;
} text;

static bool in_word(const text *t, size_t i)
{
    uint32_t cp = t->cps[i];
    if (is_word_char(cp))
        return true;
    bool word_after = i + 1 < t->n && is_word_char(t->cps[i + 1]);
    return word_after && i > 0 && is_word_char(t->cps[i - 1]) && IN_SET(cp, word_glue);
}

/* True if the spaces ending just before i follow an opening mark, which must
 * not be left at the end of a line. */
static bool spaces_follow_opening(const text *t, size_t i)
{
    while (i > 0 && t->cps[i - 1] == ' ')
        i--;
    return i > 0 && lb_is_opening(t->cps[i - 1]);
}

/* Chinese numerals of a label: 一 … 十, 百, 零. */
static const uint32_t numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
                                     0x5341, 0x767E, 0x96F6 };

/* Glyphs of the label a text starts with (一、 （一） (一) 1. 1、 （1）), or 0:
 * a label is never left alone at a line end. */
static size_t label_length(const text *t)
{
    const uint32_t *c = t->cps;
    bool paren = t->n > 0 && (c[0] == 0xFF08 || c[0] == '(');
    size_t i = paren ? 1 : 0, first = i;
    while (i < t->n && (is_digit(c[i]) || IN_SET(c[i], numerals)))
        i++;
    if (i == first || i >= t->n)
        return 0;
    if (paren)
        return c[i] == 0xFF09 || c[i] == ')' ? i + 1 : 0;
    return c[i] == 0x3001 || c[i] == '.' || c[i] == 0xFF0E ? i + 1 : 0;
}

/* May a line start at glyph i (0 < i < n)?  The rules of every style. */
static bool break_allowed(const text *t, size_t i)
{
    uint32_t a = t->cps[i - 1], b = t->cps[i];
    if (a == '\n' || b == '\n')
        return true;
    if (b == ' ' || lb_is_closing(b) || a == 0xA0 || b == 0xA0)
        return false;
    if (a == ' ') /* Latin text breaks after its spaces */
        return !spaces_follow_opening(t, i);
    if (lb_is_opening(a))
        return false;
    if (in_word(t, i - 1) && in_word(t, i))
        return false;
    if (IN_SET(a, number_prefix) && is_digit(b))
        return false;
    if (is_digit(a) && is_unit(b))
        return false;
    /* A date stays whole: 2012年7月12日. */
    if ((a == 0x5E74 || a == 0x6708) && is_digit(b) && i >= 2 && is_digit(t->cps[i - 2]))
        return false;
    /* —— is one mark drawn as two glyphs (…… is already closing). */
    return !(a == b && (a == 0x2014 || a == 0x2015));
}

/* ---- words ----------------------------------------------------------------------- */

struct breaker {
    UBreakIterator *words;
    uint32_t **names;
    size_t *name_len;
    size_t nnames, cap;
};

breaker *breaker_new(void)
{
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *words = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err))
        return NULL;
    breaker *b = xcalloc(1, sizeof *b);
    b->words = words;
    return b;
}

static void add_name_cps(breaker *b, const uint32_t *cps, size_t n)
{
    if (n < 2)
        return;
    for (size_t i = 0; i < b->nnames; i++)
        if (b->name_len[i] == n && memcmp(b->names[i], cps, n * sizeof *cps) == 0)
            return;
    if (b->nnames == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 16;
        b->names = xrealloc(b->names, b->cap * sizeof *b->names);
        b->name_len = xrealloc(b->name_len, b->cap * sizeof *b->name_len);
    }
    b->names[b->nnames] = xmalloc(n * sizeof *cps);
    memcpy(b->names[b->nnames], cps, n * sizeof *cps);
    b->name_len[b->nnames++] = n;
}

/* Administrative divisions that end a place name: 乐山市, 四川省, 某县 … */
static bool ends_place(uint32_t cp)
{
    return cp == 0x5E02 || cp == 0x7701 || cp == 0x53BF || cp == 0x533A || cp == 0x5DDE || cp == 0x76DF ||
           cp == 0x65D7;
}

void breaker_add_name(breaker *b, const char *utf8)
{
    if (!b || !utf8)
        return;
    size_t n;
    uint32_t *cps = utf8_to_cps(utf8, &n);
    add_name_cps(b, cps, n);
    /* The core after a place of two or more characters: 乐山市|教科文卫体工会. */
    for (size_t i = 2; i + 2 < n; i++) {
        if (ends_place(cps[i])) {
            add_name_cps(b, cps + i + 1, n - i - 1);
            break;
        }
    }
    free(cps);
}

void breaker_free(breaker *b)
{
    if (!b)
        return;
    ubrk_close(b->words);
    for (size_t i = 0; i < b->nnames; i++)
        free(b->names[i]);
    free(b->names);
    free(b->name_len);
    free(b);
}

/* word_start[i]: a word begins at glyph i (0 < i < n), by ICU's dictionary,
 * runs of single hanzi taken as one word.  Without ICU, every hanzi is a
 * word of its own. */
static void word_starts(breaker *b, const text *t, bool *start)
{
    size_t n = t->n;
    if (!b) {
        for (size_t i = 1; i < n; i++)
            start[i] = is_hanzi(t->cps[i]) || is_hanzi(t->cps[i - 1]);
        return;
    }
    /* UTF-16 for ICU, and the glyph each code unit belongs to. */
    UChar *u16 = xmalloc((2 * n + 1) * sizeof *u16);
    size_t *glyph = xmalloc((2 * n + 1) * sizeof *glyph);
    int32_t len = 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t units[2];
        size_t k = utf16_units(t->cps[i], units);
        for (size_t j = 0; j < k; j++) {
            glyph[len] = i;
            u16[len++] = units[j];
        }
    }
    glyph[len] = n;
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(b->words, u16, len, &err);
    size_t *edges = xmalloc(((size_t)len + 2) * sizeof *edges), nedges = 0;
    if (U_SUCCESS(err))
        for (int32_t p = ubrk_first(b->words); p != UBRK_DONE; p = ubrk_next(b->words))
            edges[nedges++] = glyph[p];
    else
        for (size_t i = 0; i <= n; i++)
            edges[nedges++] = i;
    ubrk_setText(b->words, NULL, 0, &err);
    /* Segments [edges[k], edges[k+1]); a single hanzi next to another single
     * hanzi does not start a word. */
    for (size_t k = 0; k + 1 < nedges; k++) {
        size_t s = edges[k];
        if (s == 0 || s >= n)
            continue;
        bool single = edges[k + 1] - s == 1 && is_hanzi(t->cps[s]);
        bool prev_single = k > 0 && s - edges[k - 1] == 1 && is_hanzi(t->cps[s - 1]);
        start[s] = !(single && prev_single);
    }
    free(edges);
    free(glyph);
    free(u16);
}

/* Raises costs strictly inside every occurrence of a name. */
static void protect_names(const breaker *b, const text *t, double *costs)
{
    for (size_t k = 0; b && k < b->nnames; k++) {
        size_t m = b->name_len[k];
        for (size_t i = 0; i + m <= t->n; i++) {
            if (t->cps[i] != b->names[k][0] || memcmp(t->cps + i, b->names[k], m * sizeof *t->cps) != 0)
                continue;
            /* Dearer than anything outside a name, and inside one still
             * cheaper at its own word boundaries (服务|科学|发展). */
            for (size_t j = i + 1; j < i + m; j++)
                if (costs[j] < BREAK_IN_NAME && costs[j] != BREAK_NEVER)
                    costs[j] += BREAK_IN_NAME;
        }
    }
}

/* BREAK_LIST: the glyphs inside brackets, where a 、 does not end an item. */
static void bracket_depths(const text *t, int *depth)
{
    int d = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (lb_is_closing(t->cps[i]) && d > 0 && !IN_SET(t->cps[i], list_separators) && t->cps[i] != 0x3002)
            d--;
        depth[i] = d;
        if (lb_is_opening(t->cps[i]))
            d++;
    }
}

static void display_costs(breaker *b, const text *t, break_style style, double *costs)
{
    size_t n = t->n;
    bool *start = xcalloc(n + 1, sizeof *start);
    int *depth = xcalloc(n + 1, sizeof *depth);
    word_starts(b, t, start);
    bracket_depths(t, depth);
    for (size_t i = 1; i < n; i++) {
        if (costs[i] == BREAK_NEVER || costs[i] == BREAK_FORCED)
            continue;
        uint32_t a = t->cps[i - 1];
        bool after_punct = lb_is_closing(a) || lb_is_opening(t->cps[i]) || a == ' ';
        if (style == BREAK_LIST)
            costs[i] = IN_SET(a, list_separators) && depth[i - 1] == 0 ? BREAK_AFTER_PUNCT
                       : start[i] || after_punct                    ? BREAK_IN_ITEM
                                                                    : BREAK_IN_WORD;
        else
            costs[i] = after_punct ? BREAK_AFTER_PUNCT : start[i] ? BREAK_WORD_EDGE : BREAK_IN_WORD;
    }
    protect_names(b, t, costs);
    free(start);
    free(depth);
}

void break_costs(breaker *b, const uint32_t *cps, size_t n, break_style style, double *costs)
{
    text t = { cps, n };
    costs[0] = 0;
    if (n == 0)
        return;
    costs[n] = 0;
    for (size_t i = 1; i < n; i++)
        costs[i] = cps[i - 1] == '\n' ? BREAK_FORCED : !break_allowed(&t, i) ? BREAK_NEVER : 0;
    if (style != BREAK_ANYWHERE)
        display_costs(b, &t, style, costs);
    /* A label stays with what it labels, unless that cannot share its line. */
    size_t label = label_length(&t);
    if (label > 0 && label < n && costs[label] < BREAK_IN_WORD)
        costs[label] = BREAK_IN_WORD;
}
