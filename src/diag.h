/* SPDX-License-Identifier: MIT */
/* diag: findings about the input, carried as values up to main.
 *
 * Nothing below main prints.  A function that can fail appends one or more
 * diagnostics to a diag_list and returns -1; warnings are appended and the
 * function goes on.  main prints them as `file:line: level: message`, like a
 * compiler, and picks the exit status.  A finding about a spreadsheet cell
 * names it as the spreadsheet shows it: `分数.xlsx:C7: level: message`.  A
 * format is English and is looked up in the message catalogue when the
 * finding is made (intl.h), so the message is in the reader's language:
 * `细则.md:12: 错误：…` under zh_CN.
 *
 * Invariant: every diag owns its strings; diag_list_free releases them all.
 */
#ifndef GONGWEN_DIAG_H
#define GONGWEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } diag_level;

typedef struct diag {
    diag_level level;
    char *file;     /* may be NULL: a finding about no file (e.g. out of memory) */
    int line;       /* 1-based; 0 when the finding is about the whole file; a spreadsheet's row */
    int column;     /* a spreadsheet's column, 1-based (A is 1); 0 for a line of text */
    char *message;
} diag;

typedef struct diag_list {
    diag *items;
    size_t len, cap;
} diag_list;

#if defined(__GNUC__)
#define GW_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define GW_PRINTF(a, b)
#endif

/* Appends a finding.  Never fails visibly: on allocation failure the list
 * keeps a static "out of memory" marker so the run still ends in an error. */
void diag_add(diag_list *d, diag_level level, const char *file, int line,
              const char *fmt, ...) GW_PRINTF(5, 6);

/* Shorthands that return -1, so a failing function can `return diag_error(...)`. */
int diag_error(diag_list *d, const char *file, int line, const char *fmt, ...) GW_PRINTF(4, 5);
void diag_warning(diag_list *d, const char *file, int line, const char *fmt, ...) GW_PRINTF(4, 5);

/* The same about the cell at row, column of a spreadsheet (column 0: the
 * row, or with row 0 too the whole file). */
int diag_error_at(diag_list *d, const char *file, int row, int column, const char *fmt, ...) GW_PRINTF(5, 6);
void diag_warning_at(diag_list *d, const char *file, int row, int column, const char *fmt, ...) GW_PRINTF(5, 6);

/* "C7": the name a spreadsheet shows for the cell at row, column (both
 * 1-based), into buf (>= 16 bytes). */
const char *cell_name(int row, int column, char *buf);

size_t diag_count(const diag_list *d, diag_level level);
/* Writes each finding as `file:line: warning: message` (line omitted when 0,
 * a cell as C7; the level in the reader's language, as gcc writes it),
 * each as often as it was found: nothing is made twice (a batch typesets its
 * notice once), so nothing needs hiding.  What is not printable
 * in a file name or a message (text.h sb_put_printable) is escaped; past 100
 * findings in a row about one file, one line says how many more there are. */
void diag_print(const diag_list *d, FILE *out);
/* Removes every finding of one level (--quiet: the warnings). */
void diag_drop(diag_list *d, diag_level level);
/* Moves every finding of from to the end of d, in order; from is left empty. */
void diag_take(diag_list *d, diag_list *from);
void diag_list_free(diag_list *d);

#endif
