/* SPDX-License-Identifier: MIT */
/* text: the few string tools everything else is built on.
 *
 *  - x*alloc: allocation that cannot return NULL.  gongwen is a batch tool; a
 *    failed allocation has no sensible recovery, so it says "out of memory"
 *    as a finding and exits with status 1 (no output is half written: files
 *    are written only from data already in memory, see fileio.h).
 *  - strbuf: a growable NUL-terminated byte string.
 *    Invariant: data is NULL (empty, nothing allocated) or data[len] == '\0'
 *    and len < cap.
 *  - utf8: decoding that reports, never guesses.
 *  - GROW: amortised growth for the (items, len, cap) arrays used throughout.
 */
#ifndef GONGWEN_TEXT_H
#define GONGWEN_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *xvasprintf(const char *fmt, va_list ap);

/* Makes room for one more element in an (items, len, cap) triple. */
#define GROW(items, len, cap)                                                  \
    do {                                                                       \
        if ((len) == (cap)) {                                                  \
            (cap) = (cap) ? (cap) * 2 : 8;                                     \
            (items) = xrealloc((items), (cap) * sizeof *(items));              \
        }                                                                      \
    } while (0)

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

void sb_put(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the string to the caller ("" if nothing was written) and empties b. */
char *sb_take(strbuf *b);
void sb_free(strbuf *b);

/* Decodes one UTF-8 sequence at s (at most n bytes).  Returns its length and
 * stores the code point, or returns 0 for an invalid, overlong, surrogate or
 * truncated sequence. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Appends the UTF-8 form of cp. */
void utf8_encode(strbuf *b, uint32_t cp);
/* Byte offset of the first invalid sequence, or (size_t)-1 if s is valid. */
size_t utf8_invalid_at(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_length(const char *s);
/* Decodes a valid UTF-8 string into a new array; *n gets its length. */
uint32_t *utf8_to_cps(const char *s, size_t *n);
/* The UTF-16 code units of cp: 1, or 2 (a surrogate pair) beyond the BMP. */
size_t utf16_units(uint32_t cp, uint16_t units[2]);
/* Sorts cps ascending and drops repeats, in place; the new length. */
size_t cps_sort_unique(uint32_t *cps, size_t n);

/* FNV-1a, 64 bits, of n bytes: tells one text from another (not a secret). */
uint64_t hash_fnv1a64(const void *data, size_t n);

/* A control character: C0 but tab and line feed, DEL, C1.  Nothing can
 * print one, and a PDF/A document info or XMP packet cannot carry it. */
bool cp_is_control(uint32_t cp);
/* Offset of the first control character (cp_is_control) in valid UTF-8
 * text of n bytes, or (size_t)-1; its code point in *cp. */
size_t control_at(const char *s, size_t n, uint32_t *cp);
/* Appends s with what a terminal would act on instead of printing made
 * visible: control characters (line feed and tab too), bidirectional
 * overrides and invalid UTF-8 become \xNN or \uNNNN.  Text a file supplies
 * (a unit's name, an item id, a file name) then cannot clear the screen or
 * forge a line of output. */
void sb_put_printable(strbuf *b, const char *s);
/* Rewrites CR LF and lone CR line ends as LF, in place; the new length.
 * Every parser then counts lines alike (cmark counts CR, libyaml CR and LF,
 * the UTF-8 check LF). */
size_t newlines_normalize(char *s, size_t n);

/* Bytes of the run of Chinese numerals 一…十 at the start of s. */
size_t cjk_numerals_length(const char *s);

/* Trims ASCII white space and U+3000 at both ends, in place; returns s. */
char *trim(char *s);
bool starts_with(const char *s, const char *prefix);
/* The fewest changes of one character (inserted, deleted, replaced, or two
 * neighbours swapped) that make a into b; both valid UTF-8. */
size_t edit_distance(const char *a, const char *b);
/* Of the NULL-terminated names, the nearest to name if it is near enough to
 * be a misspelling of it (a third of its characters changed, or one), else
 * NULL. */
const char *nearest_name(const char *name, const char *const *names);
/* Whether a line of the n bytes at s (ended by LF, CR or both) begins with
 * prefix. */
bool some_line_starts_with(const char *s, size_t n, const char *prefix);

#endif
