/* linebreak: greedy Chinese line breaking on a grid.  Contract in linebreak.h.
 *
 * The paragraph is first cut into units: runs of glyphs with no allowed break
 * inside.  A closing mark glues to what precedes it, an opening mark to what
 * follows, and Latin words and numbers stay whole, so 禁则 lives entirely in
 * the units.  Lines are then filled greedily, unit by unit.  Moving a unit
 * that does not fit to the next line is the classic push-down (the glyph
 * before the closing mark goes down with it); before pushing down a unit that
 * is held together by a closing mark, we try to squeeze the line's
 * punctuation instead, because a full line looks better than a stretched one.
 *
 * Compression is decided per line, since a run of punctuation split by a
 * break is no longer adjacent.  The blank removed between two adjacent marks
 * is the one that actually lies between them: the first mark's right blank if
 * it is a closing mark, else the second's left blank if that is an opening
 * mark.  For a run of closing marks that is "every mark but the last"; for
 * "（《" it tucks 《 against （ instead of pulling （ into the preceding
 * ideograph; the run's width is the same either way.
 */
#include "linebreak.h"

#include "text.h"

#include <stdlib.h>

/* Advances are sums of a few dozen doubles; this absorbs their rounding. */
#define EPS 1e-6

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
/* Stick to the number that follows: ¥100, #3. */
static const uint32_t word_prefix[] = { '$', '#', 0x00A5, 0xFFE5, 0x00A3, 0x20AC };

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

static bool is_word_char(uint32_t cp)
{
    if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    if (cp >= 0xC0 && cp <= 0x24F) /* Latin-1 and Extended-A/B letters */
        return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x370 && cp <= 0x4FF) /* Greek, Cyrillic */
        return true;
    return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
           (cp >= 0xFF41 && cp <= 0xFF5A);
}

typedef struct ctx {
    const uint32_t *cps;
    const double *adv;
    size_t n;
    const lb_options *opt;
    bool *brk;    /* brk[i]: a line may start at glyph i */
    size_t *uend; /* uend[i]: the end of the unit that starts at glyph i */
    double *lcut; /* blank removed left of glyph i on the line last measured */
    double *rcut; /* likewise, right of it */
} ctx;

static bool in_word(const ctx *c, size_t i)
{
    uint32_t cp = c->cps[i];
    if (is_word_char(cp))
        return true;
    bool word_after = i + 1 < c->n && is_word_char(c->cps[i + 1]);
    if (IN_SET(cp, word_prefix))
        return word_after;
    return word_after && i > 0 && is_word_char(c->cps[i - 1]) && IN_SET(cp, word_glue);
}

/* True if the spaces ending just before i follow an opening mark, which must
 * not be left at the end of a line. */
static bool spaces_follow_opening(const ctx *c, size_t i)
{
    while (i > 0 && c->cps[i - 1] == ' ')
        i--;
    return i > 0 && lb_is_opening(c->cps[i - 1]);
}

/* May a line start at glyph i (0 < i < n)? */
static bool break_allowed(const ctx *c, size_t i)
{
    uint32_t a = c->cps[i - 1], b = c->cps[i];
    if (a == '\n' || b == '\n')
        return true;
    if (b == ' ' || lb_is_closing(b) || a == 0xA0 || b == 0xA0)
        return false;
    if (a == ' ') /* Latin text breaks after its spaces */
        return !spaces_follow_opening(c, i);
    if (lb_is_opening(a))
        return false;
    if (in_word(c, i - 1) && in_word(c, i))
        return false;
    /* —— is one mark drawn as two glyphs (…… is already closing). */
    return !(a == b && (a == 0x2014 || a == 0x2015));
}

/* From a table made once: scanning a unit of a million letters again on
 * each of its lines would make a paragraph's cost quadratic. */
static size_t unit_end(const ctx *c, size_t i)
{
    return c->uend[i];
}

static size_t trim_spaces(const ctx *c, size_t s, size_t e)
{
    while (e > s && c->cps[e - 1] == ' ')
        e--;
    return e;
}

static size_t skip_spaces(const ctx *c, size_t i)
{
    while (i < c->n && c->cps[i] == ' ')
        i++;
    return i;
}

static bool squeezable_closing(const ctx *c, size_t i)
{
    return c->opt->compress_punct && IN_SET(c->cps[i], fw_closing);
}

static bool squeezable_opening(const ctx *c, size_t i)
{
    return c->opt->compress_punct && IN_SET(c->cps[i], fw_opening);
}

/* Sets the run compression of [s, e) laid out as one line; returns its width. */
static double pair_cuts(ctx *c, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        c->lcut[i] = c->rcut[i] = 0;
    double w = 0;
    for (size_t i = s; i < e; i++) {
        if (i + 1 < e && squeezable_closing(c, i) &&
            (squeezable_closing(c, i + 1) || squeezable_opening(c, i + 1)))
            c->rcut[i] = c->adv[i] / 2;
        else if (i + 1 < e && squeezable_opening(c, i + 1) && squeezable_opening(c, i))
            c->lcut[i + 1] = c->adv[i + 1] / 2;
        w += c->adv[i] - c->lcut[i] - c->rcut[i];
    }
    return w;
}

/* Squeezes [s, e) (width w) toward avail: first the line-end closing mark by
 * half an em (the customary half-width form at a line end), then the other
 * closing marks, evenly, by just what is still missing.  Only closing marks
 * are squeezed so that glyph positions keep strictly increasing.  Returns the
 * new width, still above avail if squeezing cannot make the line fit. */
static double squeeze(ctx *c, size_t s, size_t e, double w, double avail)
{
    size_t last = e - 1;
    if (squeezable_closing(c, last)) {
        c->rcut[last] = c->adv[last] / 2;
        w -= c->rcut[last];
    }
    if (w <= avail + EPS)
        return w;
    double room = 0;
    for (size_t i = s; i < last; i++)
        if (squeezable_closing(c, i) && c->rcut[i] == 0)
            room += c->adv[i] / 2;
    double need = w - avail;
    if (room <= 0 || need > room + EPS)
        return w;
    double share = need < room ? need / room : 1;
    for (size_t i = s; i < last; i++)
        if (squeezable_closing(c, i) && c->rcut[i] == 0)
            c->rcut[i] = c->adv[i] / 2 * share;
    return w - room * share;
}

/* Lays out [s, e) (no trailing spaces) as one line, leaving the cuts in c.
 * Re-measuring from the line start keeps compression exact; lines hold a few
 * dozen glyphs, so this costs nothing worth optimising. */
static double measure(ctx *c, size_t s, size_t e, double avail, bool squeeze_ok)
{
    double w = pair_cuts(c, s, e);
    if (squeeze_ok && e > s && w > avail + EPS)
        w = squeeze(c, s, e, w, avail);
    return w;
}

/* Was the break before the end of unit [s, u) refused because of a closing
 * mark?  Then pushing it down would strand a glyph, so squeezing is worth it. */
static bool held_by_closing(const ctx *c, size_t s, size_t u)
{
    for (size_t i = s + 1; i < u; i++)
        if (lb_is_closing(c->cps[i]))
            return true;
    return false;
}

/* Whether [s, t) cannot fit in avail however it is squeezed: no glyph loses
 * more than half its advance.  Stops as soon as that is clear, so that a unit
 * of a million letters costs what a line does (1 pt absorbs rounding). */
static bool too_wide(const ctx *c, size_t s, size_t t, double avail)
{
    double least = 0;
    for (size_t i = s; i < t; i++)
        if ((least += c->adv[i] / 2) > avail + 1)
            return true;
    return false;
}

/* Unit [s, u) is wider than the whole line: it goes where it fills the line,
 * backed off while that would break 禁则 and more than one glyph remains. */
static size_t split_point(ctx *c, size_t s, size_t u, double avail)
{
    /* Compression only of the glyphs that can reach the line (see too_wide). */
    size_t m = s;
    for (double least = 0; m < u && least <= avail + 1; m++)
        least += c->adv[m] / 2;
    pair_cuts(c, s, m < u ? m + 1 : u);
    double w = 0;
    size_t k = s;
    for (; k < u; k++) {
        if (k > s && w + c->adv[k] - c->lcut[k] > avail + EPS)
            break;
        w += c->adv[k] - c->lcut[k] - c->rcut[k];
    }
    while (k < u && k > s + 1 && (lb_is_closing(c->cps[k]) || lb_is_opening(c->cps[k - 1])))
        k--;
    return k;
}

typedef struct span {
    size_t start, end; /* placed glyphs */
    size_t next;       /* where the following line's glyphs begin */
    bool squeezed, forced;
} span;

static span fill_line(ctx *c, size_t s, double avail)
{
    span ln = { s, s, s, false, false };
    size_t e = s;
    while (e < c->n && c->cps[e] != '\n') {
        size_t u = unit_end(c, e);
        size_t t = trim_spaces(c, s, u);
        bool hopeless = too_wide(c, s, t, avail);
        if (!hopeless && measure(c, s, t, avail, false) <= avail + EPS) {
            e = u;
            continue;
        }
        if (!hopeless && c->opt->compress_punct && held_by_closing(c, e, u) &&
            measure(c, s, t, avail, true) <= avail + EPS) {
            e = u;
            ln.squeezed = true;
        } else if (e == s) {
            e = split_point(c, s, u, avail);
        }
        break;
    }
    ln.end = trim_spaces(c, s, e);
    ln.next = e;
    if (e < c->n && c->cps[e] == '\n') {
        ln.forced = true;
        ln.next = e + 1;
    }
    return ln;
}

static void place_line(ctx *c, const span *ln, double x0, bool stretch, lb_line *out)
{
    double avail = c->opt->width - x0;
    size_t m = ln->end - ln->start;
    out->start = ln->start;
    out->end = ln->end;
    out->x = m ? xmalloc(m * sizeof *out->x) : NULL;
    out->width = measure(c, ln->start, ln->end, avail, ln->squeezed);
    double pen = x0;
    for (size_t k = 0; k < m; k++) {
        size_t i = ln->start + k;
        out->x[k] = pen - c->lcut[i];
        pen = out->x[k] + c->adv[i] - c->rcut[i];
    }
    /* A line already too wide (one huge glyph) cannot be stretched back. */
    if (!stretch || m < 2 || out->width > avail + EPS)
        return;
    double gap = (avail - out->width) / (double)(m - 1);
    for (size_t k = 1; k < m; k++)
        out->x[k] += gap * (double)k;
}

static size_t choose_lines(ctx *c, span **spans)
{
    size_t len = 0, cap = 0, pos = 0;
    *spans = NULL;
    while (pos < c->n) {
        if (len > 0)
            pos = skip_spaces(c, pos);
        if (pos >= c->n)
            break;
        double avail = c->opt->width - (len == 0 ? c->opt->first_indent : 0);
        GROW(*spans, len, cap);
        (*spans)[len] = fill_line(c, pos, avail);
        pos = (*spans)[len++].next;
    }
    return len;
}

void linebreak(const uint32_t *cps, const double *advances, size_t n,
               const lb_options *opt, lb_result *out)
{
    out->lines = NULL;
    out->len = 0;
    if (n == 0)
        return;
    ctx c = { cps, advances, n, opt, xcalloc(n, sizeof(bool)), xcalloc(n, sizeof(size_t)),
              xcalloc(n, sizeof(double)), xcalloc(n, sizeof(double)) };
    for (size_t i = 1; i < n; i++)
        c.brk[i] = break_allowed(&c, i);
    for (size_t i = n; i-- > 0;) /* a unit ends where a line may start, or at a line feed */
        c.uend[i] = i + 1 == n || cps[i + 1] == '\n' || c.brk[i + 1] ? i + 1 : c.uend[i + 1];

    span *spans;
    size_t len = choose_lines(&c, &spans);
    out->lines = xcalloc(len, sizeof *out->lines);
    out->len = len;
    for (size_t l = 0; l < len; l++) {
        bool stretch = opt->justify && l + 1 < len && !spans[l].forced;
        double x0 = l == 0 ? opt->first_indent : 0;
        place_line(&c, &spans[l], x0, stretch, &out->lines[l]);
    }
    free(spans);
    free(c.brk);
    free(c.uend);
    free(c.lcut);
    free(c.rcut);
}

void lb_result_free(lb_result *r)
{
    for (size_t i = 0; i < r->len; i++)
        free(r->lines[i].x);
    free(r->lines);
    r->lines = NULL;
    r->len = 0;
}
