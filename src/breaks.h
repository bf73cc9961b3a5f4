/* SPDX-License-Identifier: MIT */
/* breaks: where a line of text may break, and what each break costs.
 *
 * The line breaker (linebreak.h) chooses among the breaks this module
 * offers; here is only what Chinese typesetting and the document itself say
 * about each place between two glyphs:
 *
 *  - never (BREAK_NEVER), whatever the style: 禁则 (no line starts with a
 *    closing mark ，。、；：？！）》」… and none ends with an opening mark
 *    （《「“…), inside a Latin word or a number (2.5, 1,000, e-mail), between
 *    a number and its unit or sign (（2分）, 0.5分, 80%, 2016年, 3次, ≥95%,
 *    第3), inside a date (2012年7月12日), inside —— and ……;
 *  - forced (BREAK_FORCED) after a line feed;
 *  - after a leading label (一、 （一） 1.) as dearly as inside a word: a
 *    label stays with what it labels unless the two cannot share a line;
 *  - otherwise a cost that depends on the style of the text:
 *      BREAK_ANYWHERE  body text on the character grid: between any two
 *                      hanzi, at no cost, as Chinese typesetting does;
 *      BREAK_WORDS     display text (titles, headings, category labels,
 *                      narrow cells, 汇总表 headers): cheap after
 *                      punctuation and at word boundaries, dear inside a
 *                      word, dearer inside one of the document's own names;
 *      BREAK_LIST      a list of organs (主送机关, 抄送): after 、，； only,
 *                      unless an item is longer than the line.
 * Word boundaries come from ICU's dictionary word break iterator; a run of
 * single-character words (ICU's way of saying it does not know a word, as in
 * 帮|扶) counts as one word.  A document's own names (发文机关, 单位,
 * categories) count as one word each wherever they occur, and so does a
 * name's core after its place (乐山市教科文卫体工会 → 教科文卫体工会).
 *
 * Costs are demerits on the scale of linebreak.h: a line one em short of a
 * justified width costs 100.  Knows nothing of fonts, PDF or Markdown.
 */
#ifndef GONGWEN_BREAKS_H
#define GONGWEN_BREAKS_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BREAK_NEVER INFINITY
#define BREAK_FORCED (-INFINITY)

/* Demerits of the breaks BREAK_WORDS and BREAK_LIST offer. */
#define BREAK_AFTER_PUNCT 0.0    /* after ，、；：。 or before an opening mark */
#define BREAK_WORD_EDGE 20.0     /* between two words */
#define BREAK_IN_ITEM 400.0      /* BREAK_LIST: between two words of one item */
#define BREAK_IN_WORD 5000.0     /* inside a word */
#define BREAK_IN_NAME 20000.0    /* inside one of the document's names */

typedef enum { BREAK_ANYWHERE, BREAK_WORDS, BREAK_LIST } break_style;

/* The word segmenter and the document's names.  One per typesetting; it
 * keeps an ICU iterator open across texts. */
typedef struct breaker breaker;

/* NULL when ICU cannot give a word iterator; break_costs then falls back to
 * breaking display text between any two words it can tell without one
 * (punctuation, scripts, names). */
breaker *breaker_new(void);
/* A name the document uses: never broken where it occurs (empty: ignored). */
void breaker_add_name(breaker *b, const char *utf8);
void breaker_free(breaker *b);

/* costs[0..n]: costs[i] is the cost of a line starting at glyph i, for
 * 0 < i < n; costs[0] and costs[n] are 0.  b may be NULL (no dictionary, no
 * names). */
void break_costs(breaker *b, const uint32_t *cps, size_t n, break_style style, double *costs);

/* Character classes, for the line breaker's punctuation squeezing and for
 * tests. */
bool lb_is_closing(uint32_t cp);
bool lb_is_opening(uint32_t cp);
/* Full-width marks with a blank half that may be squeezed: ，。、 》 … */
bool lb_is_squeezable_closing(uint32_t cp);
bool lb_is_squeezable_opening(uint32_t cp);

#endif
