/* SPDX-License-Identifier: MIT */
/* linebreak: lines chosen by cost.  Contract in linebreak.h.
 *
 * A paragraph is first cut at its line feeds into segments, each broken on
 * its own.  A segment's choice is a sequence of breaks; every position
 * between two glyphs is a candidate, priced by breaks.h, and a position
 * breaks.h forbids is kept as a last resort at a hard cost, so that a word
 * longer than the line still breaks, as seldom as possible and never
 * against 禁则 while anything else will do.  Costs are pairs (hard, soft)
 * compared hard first.
 *
 * Widths come from prefix sums: W of the advances, P of the blank removed
 * between adjacent full-width marks (compression, decided per line because
 * a pair split by a break is no longer adjacent), Q of the blank halves of
 * closing marks that squeezing a too-long line may take.  A line [x, y) is
 * W[y] - W[x] - (P[y-1] - P[x]) wide, and can lose Q[y-1] - Q[x] plus half
 * its last glyph if that is a closing mark.  Adding a glyph to the left of a
 * line never makes it narrower, so the search for a line's start stops at
 * the first start too far away: the work is linear in the paragraph.
 *
 * The blank removed between two adjacent marks is the one that actually lies
 * between them: the first mark's right blank if it is a closing mark, else
 * the second's left blank if that is an opening mark.  Squeezing takes
 * first the line-end closing mark's right half (the customary half-width
 * form at a line end), then the other closing marks' evenly, by just what is
 * missing; only closing marks, so glyph positions keep increasing.
 */
#include "linebreak.h"

#include <math.h>
#include <stdlib.h>

#include "breaks.h"
#include "text.h"

/* Advances are sums of a few dozen doubles; this absorbs their rounding. */
#define EPS 1e-6

#define JUSTIFY_SHORT 100.0  /* per em² a justified line falls short of the width */
#define SQUEEZE_COST 50.0    /* per em a line is squeezed */
#define RAGGED_SHORT 10.0    /* per em² a ragged line falls short */
#define RAGGED_LINE 50.0     /* per ragged line */
#define RAGGED_LONE 400.0    /* a ragged paragraph's last line of one character (孤字) */
#define OVERFULL 1e6         /* a glyph wider than the line, alone on it */
#define BALANCE_OFF 10.0     /* per em² a title line is off the lines' mean */
#define BALANCE_LINE 1000.0  /* per title line: fewer lines first */
#define BALANCE_SHAPE 500.0  /* a title line shorter than both its neighbours */
#define BALANCE_MAX_CANDIDATES 48
#define BALANCE_MAX_LINES 5

typedef struct cost {
    double hard, soft;
} cost;

static const cost NO_WAY = { INFINITY, INFINITY };

static bool cheaper(cost a, cost b) { return a.hard < b.hard || (a.hard == b.hard && a.soft < b.soft); }
static cost plus(cost a, double hard, double soft) { return (cost){ a.hard + hard, a.soft + soft }; }

typedef struct ctx {
    const uint32_t *cps;
    const double *adv;
    size_t n;
    const lb_options *opt;
    double *costs;        /* n + 1, owned when opt->costs is NULL */
    const double *cost_of;
    double em;
    double *W, *P, *Q;    /* prefix sums, n + 1 each */
    double *cut;          /* cut[k]: blank removed between glyphs k and k + 1 */
    double *lcut, *rcut;  /* of the line being placed */
} ctx;

static bool squeezable_closing(const ctx *c, size_t i)
{
    return c->opt->compress_punct && lb_is_squeezable_closing(c->cps[i]);
}

static bool squeezable_opening(const ctx *c, size_t i)
{
    return c->opt->compress_punct && lb_is_squeezable_opening(c->cps[i]);
}

/* ---- widths ---------------------------------------------------------------- */

static void prefix_sums(ctx *c)
{
    size_t n = c->n;
    c->W[0] = c->P[0] = c->Q[0] = 0;
    for (size_t k = 0; k < n; k++) {
        bool next = k + 1 < n;
        double cut = 0, room = 0;
        if (next && squeezable_closing(c, k) && (squeezable_closing(c, k + 1) || squeezable_opening(c, k + 1)))
            cut = c->adv[k] / 2;
        else if (next && squeezable_opening(c, k + 1) && squeezable_opening(c, k))
            cut = c->adv[k + 1] / 2;
        else if (squeezable_closing(c, k))
            room = c->adv[k] / 2;
        c->cut[k] = cut;
        c->W[k + 1] = c->W[k] + c->adv[k];
        c->P[k + 1] = c->P[k] + cut;
        c->Q[k + 1] = c->Q[k] + room;
    }
}

/* Width of glyphs [x, y) as one line, compressed. */
static double natural(const ctx *c, size_t x, size_t y)
{
    return y > x ? c->W[y] - c->W[x] - (c->P[y - 1] - c->P[x]) : 0;
}

/* The blank halves at a line's edges: an opening mark's left half at its
 * start, a closing mark's right half at its end.  Taking them never makes
 * two glyph boxes overlap, so a line may always lose them to fit. */
static double edge_room(const ctx *c, size_t x, size_t y)
{
    if (y <= x)
        return 0;
    double start = lb_is_squeezable_opening(c->cps[x]) ? c->adv[x] / 2 : 0;
    double end = lb_is_squeezable_closing(c->cps[y - 1]) && y - 1 > x ? c->adv[y - 1] / 2 : 0;
    return start + end;
}

/* What squeezing can take from [x, y): the edges, and with compression the
 * other closing marks' blank halves. */
static double room(const ctx *c, size_t x, size_t y)
{
    if (y <= x)
        return 0;
    return edge_room(c, x, y) + (c->opt->compress_punct ? c->Q[y - 1] - c->Q[x] : 0);
}

static size_t skip_spaces(const ctx *c, size_t i, size_t end)
{
    while (i < end && c->cps[i] == ' ')
        i++;
    return i;
}

static size_t trim_spaces(const ctx *c, size_t s, size_t e)
{
    while (e > s && c->cps[e - 1] == ' ')
        e--;
    return e;
}

/* The glyphs a line from break s to break p holds: spaces after a break are
 * dropped, and so are spaces before one. */
static void line_span(const ctx *c, size_t s, size_t p, size_t *x, size_t *y)
{
    *x = s > 0 ? skip_spaces(c, s, p) : s;
    *y = trim_spaces(c, *x, p);
}

static double avail(const ctx *c, bool first)
{
    return c->opt->width - (first ? c->opt->first_indent : c->opt->rest_indent);
}

/* The cost of a break at p inside a segment: (hard, soft). */
static cost break_cost(const ctx *c, size_t p)
{
    double v = c->cost_of[p];
    if (v != BREAK_NEVER)
        return (cost){ 0, v };
    bool kinsoku = lb_is_closing(c->cps[p]) || lb_is_opening(c->cps[p - 1]);
    return (cost){ kinsoku ? 2 : 1, 0 };
}

/* ---- justified and ragged segments ----------------------------------------- */

/* Whether glyphs [x, y) hold at most one character besides punctuation. */
static bool lone_character(const ctx *c, size_t x, size_t y)
{
    size_t n = 0;
    for (size_t i = x; i < y && n < 2; i++)
        n += !lb_is_closing(c->cps[i]) && !lb_is_opening(c->cps[i]);
    return n < 2;
}

/* The cost of glyphs [x, y) as one line of room a; *squeezed says whether
 * it needs squeezing.  NO_WAY when it does not fit.  Without compression a
 * line is squeezed (at its edges) only where nothing else fits, at half the
 * hard cost of a forbidden break. */
static cost line_cost(const ctx *c, size_t x, size_t y, double a, bool last, bool only, bool *squeezed)
{
    double w = natural(c, x, y);
    cost k = { 0, 0 };
    *squeezed = false;
    if (w > a + EPS) {
        if (y - x <= 1)
            return (cost){ 0, OVERFULL };
        if (w - room(c, x, y) > a + EPS)
            return NO_WAY;
        *squeezed = true;
        k.hard = c->opt->compress_punct ? 0 : 0.5;
        k.soft = SQUEEZE_COST * (w - a) / c->em;
        w = a;
    }
    double s = (a - w) / c->em;
    if (c->opt->mode == LB_JUSTIFY)
        k.soft += last ? 0 : JUSTIFY_SHORT * s * s;
    else
        k.soft += RAGGED_LINE + (last ? (only || !lone_character(c, x, y) ? 0 : RAGGED_LONE)
                                      : RAGGED_SHORT * s * s);
    return k;
}

typedef struct node {
    cost total;
    size_t prev;
    bool squeezed;
} node;

/* Breaks [a, b) (no line feed inside); the chosen breaks' ends go to ends
 * (b last) with their squeeze flags.  first: the segment's first line is
 * the paragraph's.  Returns the number of lines. */
static size_t break_segment(ctx *c, size_t a, size_t b, bool first, size_t *ends, bool *squeezed)
{
    node *nd = xmalloc((b - a + 1) * sizeof *nd);
    nd[0] = (node){ { 0, 0 }, a, false };
    for (size_t p = a + 1; p <= b; p++) {
        node best = { NO_WAY, a, false };
        cost bc = p < b ? break_cost(c, p) : (cost){ 0, 0 };
        for (size_t s = p; s-- > a;) {
            size_t x, y;
            line_span(c, s, p, &x, &y);
            double room_a = avail(c, first && s == a);
            if (natural(c, x, y) - room(c, x, y) > room_a + EPS && y - x > 1) {
                /* Starting further left only widens the line; only the
                 * paragraph's first line may have more room. */
                if (first && s > a + 1 && avail(c, true) > room_a + EPS) {
                    s = a + 1;
                    continue;
                }
                break;
            }
            const node *from = &nd[s - a];
            if (from->total.hard == INFINITY)
                continue;
            bool sq;
            cost lc = line_cost(c, x, y, room_a, p == b, s == a, &sq);
            if (lc.hard == INFINITY)
                continue;
            cost t = plus(from->total, bc.hard + lc.hard, bc.soft + lc.soft);
            if (cheaper(t, best.total))
                best = (node){ t, s, sq };
        }
        nd[p - a] = best;
    }
    size_t m = 0;
    for (size_t p = b; p > a; p = nd[p - a].prev)
        m++;
    size_t k = m;
    for (size_t p = b; p > a; p = nd[p - a].prev) {
        ends[--k] = p;
        squeezed[k] = nd[p - a].squeezed;
    }
    free(nd);
    return m;
}

/* ---- balanced segments (titles) -------------------------------------------- */

typedef struct balance {
    ctx *c;
    size_t a, b;
    const size_t *cand;   /* candidate breaks, ascending */
    size_t ncand;
    size_t m;             /* lines wanted */
    size_t pick[BALANCE_MAX_LINES];
    size_t best_pick[BALANCE_MAX_LINES];
    double best;
    bool first;
} balance;

static double line_width(const balance *bl, size_t s, size_t p)
{
    size_t x, y;
    line_span(bl->c, s, p, &x, &y);
    return natural(bl->c, x, y);
}

/* The price of the complete choice in bl->pick (m - 1 breaks). */
static double balance_price(const balance *bl)
{
    const ctx *c = bl->c;
    double w[BALANCE_MAX_LINES], mean = 0, price = BALANCE_LINE * (double)bl->m;
    size_t s = bl->a;
    for (size_t k = 0; k < bl->m; k++) {
        size_t p = k + 1 < bl->m ? bl->pick[k] : bl->b;
        w[k] = line_width(bl, s, p);
        mean += w[k] / (double)bl->m;
        if (p < bl->b)
            price += c->cost_of[p];
        s = p;
    }
    for (size_t k = 0; k < bl->m; k++) {
        double off = (w[k] - mean) / c->em;
        price += BALANCE_OFF * off * off;
        if (k > 0 && k + 1 < bl->m && w[k] + EPS < w[k - 1] && w[k] + EPS < w[k + 1])
            price += BALANCE_SHAPE;
    }
    return price;
}

/* Tries every choice of the remaining breaks after start s, line k. */
static void balance_search(balance *bl, size_t k, size_t s, size_t from)
{
    bool first = bl->first && k == 0;
    if (k + 1 == bl->m) {
        if (line_width(bl, s, bl->b) <= avail(bl->c, first) + EPS) {
            double price = balance_price(bl);
            if (price < bl->best) {
                bl->best = price;
                for (size_t i = 0; i + 1 < bl->m; i++)
                    bl->best_pick[i] = bl->pick[i];
            }
        }
        return;
    }
    for (size_t i = from; i < bl->ncand; i++) {
        size_t p = bl->cand[i];
        if (line_width(bl, s, p) > avail(bl->c, first) + EPS)
            break;
        bl->pick[k] = p;
        balance_search(bl, k + 1, p, i + 1);
    }
}

/* Balanced lines of [a, b), or 0 when the search is too large or finds
 * nothing (the caller then breaks it as ragged text). */
static size_t balance_segment(ctx *c, size_t a, size_t b, bool first, size_t *ends)
{
    size_t *cand = xmalloc((b - a + 1) * sizeof *cand), ncand = 0;
    for (size_t p = a + 1; p < b; p++)
        if (c->cost_of[p] < BREAK_IN_NAME + BREAK_IN_WORD)
            cand[ncand++] = p;
    balance bl = { .c = c, .a = a, .b = b, .cand = cand, .ncand = ncand, .best = INFINITY, .first = first };
    size_t m = 0;
    if (ncand <= BALANCE_MAX_CANDIDATES) {
        for (bl.m = 1; bl.m <= BALANCE_MAX_LINES && (m == 0 || bl.m <= m + 1); bl.m++) {
            double before = bl.best;
            balance_search(&bl, 0, a, 0);
            if (bl.best < before) {
                m = bl.m;
                for (size_t i = 0; i + 1 < m; i++)
                    ends[i] = bl.best_pick[i];
                ends[m - 1] = b;
            }
        }
    }
    free(cand);
    return m;
}

/* ---- placing lines --------------------------------------------------------------- */

/* Sets the cuts of [s, e) laid out as one line: pair compression, then, if
 * squeeze, what the line still lacks to fit avail: its edges first (the
 * line-end closing mark's right half, the customary half-width form at a
 * line end, and the line-start opening mark's left half), then, with
 * compression, the other closing marks' blank halves evenly.  Returns its
 * width. */
static double measure(ctx *c, size_t s, size_t e, double a, bool squeeze)
{
    double w = 0;
    for (size_t i = s; i < e; i++)
        c->lcut[i] = c->rcut[i] = 0;
    for (size_t i = s; i + 1 < e; i++) {
        if (squeezable_closing(c, i) && (squeezable_closing(c, i + 1) || squeezable_opening(c, i + 1)))
            c->rcut[i] = c->cut[i];
        else
            c->lcut[i + 1] = c->cut[i];
    }
    for (size_t i = s; i < e; i++)
        w += c->adv[i] - c->lcut[i] - c->rcut[i];
    if (!squeeze || e == s || w <= a + EPS)
        return w;
    size_t last = e - 1;
    if (last > s && lb_is_squeezable_closing(c->cps[last])) {
        c->rcut[last] = c->adv[last] / 2;
        w -= c->rcut[last];
    }
    if (w > a + EPS && lb_is_squeezable_opening(c->cps[s]) && c->lcut[s] == 0) {
        c->lcut[s] = c->adv[s] / 2;
        w -= c->lcut[s];
    }
    if (w <= a + EPS || !c->opt->compress_punct)
        return w;
    double r = c->Q[last] - c->Q[s];
    double share = r > 0 ? fmin(1, (w - a) / r) : 0;
    for (size_t i = s; i < last; i++)
        if (squeezable_closing(c, i) && c->rcut[i] == 0 && c->cut[i] == 0)
            c->rcut[i] = c->adv[i] / 2 * share;
    return w - r * share;
}

static void place_line(ctx *c, size_t s, size_t e, double x0, double a, bool squeeze, bool stretch, lb_line *out)
{
    size_t m = e - s;
    out->start = s;
    out->end = e;
    out->x = m ? xmalloc(m * sizeof *out->x) : NULL;
    out->width = measure(c, s, e, a, squeeze);
    double pen = x0;
    for (size_t k = 0; k < m; k++) {
        size_t i = s + k;
        out->x[k] = pen - c->lcut[i];
        pen = out->x[k] + c->adv[i] - c->rcut[i];
    }
    /* A line already too wide (one huge glyph) cannot be stretched back. */
    if (!stretch || m < 2 || out->width > a + EPS)
        return;
    double gap = (a - out->width) / (double)(m - 1);
    for (size_t k = 1; k < m; k++)
        out->x[k] += gap * (double)k;
}

/* ---- the whole ----------------------------------------------------------------- */

typedef struct lines {
    lb_line *items;
    size_t len, cap;
} lines;

static void add_segment(ctx *c, size_t a, size_t b, lines *out)
{
    bool first = out->len == 0;
    size_t *ends = xmalloc((b - a + 1) * sizeof *ends);
    bool *squeezed = xcalloc(b - a + 1, sizeof *squeezed);
    size_t m = 0;
    if (b == a) {
        ends[m++] = b;
    } else if (c->opt->mode == LB_BALANCE) {
        m = balance_segment(c, a, b, first, ends);
    }
    if (m == 0)
        m = break_segment(c, a, b, first, ends, squeezed);
    size_t s = a;
    for (size_t k = 0; k < m; k++) {
        size_t x, y;
        line_span(c, s, ends[k], &x, &y);
        bool line_first = first && k == 0;
        double x0 = line_first ? c->opt->first_indent : c->opt->rest_indent;
        bool stretch = c->opt->mode == LB_JUSTIFY && k + 1 < m;
        GROW(out->items, out->len, out->cap);
        place_line(c, x, y, x0, avail(c, line_first), squeezed[k], stretch, &out->items[out->len++]);
        s = ends[k];
    }
    free(ends);
    free(squeezed);
}

void linebreak(const uint32_t *cps, const double *advances, size_t n, const lb_options *opt, lb_result *out)
{
    out->lines = NULL;
    out->len = 0;
    if (n == 0)
        return;
    ctx c = { .cps = cps, .adv = advances, .n = n, .opt = opt, .em = opt->em > 0 ? opt->em : 16 };
    if (!opt->costs) {
        c.costs = xmalloc((n + 1) * sizeof *c.costs);
        break_costs(NULL, cps, n, BREAK_ANYWHERE, c.costs);
    }
    c.cost_of = opt->costs ? opt->costs : c.costs;
    c.W = xmalloc((n + 1) * sizeof *c.W);
    c.P = xmalloc((n + 1) * sizeof *c.P);
    c.Q = xmalloc((n + 1) * sizeof *c.Q);
    c.cut = xcalloc(n + 1, sizeof *c.cut);
    c.lcut = xcalloc(n + 1, sizeof *c.lcut);
    c.rcut = xcalloc(n + 1, sizeof *c.rcut);
    prefix_sums(&c);
    lines ls = { 0 };
    size_t a = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && cps[i] != '\n')
            continue;
        if (i < n || i > a || ls.len == 0)
            add_segment(&c, a, i, &ls);
        a = i + 1;
    }
    out->lines = ls.items;
    out->len = ls.len;
    free(c.costs);
    free(c.W);
    free(c.P);
    free(c.Q);
    free(c.cut);
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
