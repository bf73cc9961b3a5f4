/* SPDX-License-Identifier: MIT */
/* spreadsheet: the first sheet of a CSV or XLSX file as rows of cell texts
 * (spreadsheet.c, csv.c, xlsx.c).
 *
 * What is read is what the clerk sees: a row and a column are numbered as
 * the spreadsheet program shows them (row 7, column C), a number is its
 * shortest form at Excel's 15 significant digits ("2.5", not
 * "2.4999999999999996"), and each cell's text is trimmed of white space.
 * Nothing is guessed:
 *
 *  - CSV (csv.c) is comma-separated, RFC 4180 quoting, in UTF-8 with or
 *    without a byte-order mark, or in GB18030 (what Chinese Excel and WPS
 *    write as "CSV"): valid UTF-8 is UTF-8, else valid GB18030 is GB18030,
 *    else the file is refused, saying so.  A record is a row, even when a
 *    quoted cell holds line breaks.
 *  - XLSX (xlsx.c, libzip and libxml2) as Excel, WPS and LibreOffice save it:
 *    the workbook's first sheet; shared strings, inline strings, numbers,
 *    booleans, the cached values of formulas.  Styles, other sheets, merged
 *    cells and the rest are not read: a score needs none of them.
 *
 * Invariant: rows are in ascending order, each holds at least one cell that
 * is not empty, and an empty cell's text is NULL.  The spreadsheet owns every
 * string.
 */
#ifndef GONGWEN_SPREADSHEET_H
#define GONGWEN_SPREADSHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "text.h"

/* A spreadsheet is a few hundred KB (1,000 units of 60 columns); 16 MB is
 * not one of ours, and bounds what a zip bomb can make us hold. */
#define SPREADSHEET_MAX_BYTES (16u << 20)

typedef struct sheet_cell {
    char *text;          /* NULL: empty */
    bool number;         /* stored as a number (XLSX): a date cell holds its serial */
} sheet_cell;

typedef struct sheet_row {
    int row;             /* 1-based, as shown */
    sheet_cell *cells;   /* cells[k] is column k + 1 */
    size_t len;
} sheet_row;

typedef struct spreadsheet {
    char *path;
    sheet_row *rows;
    size_t len, cap;
    bool date1904;       /* XLSX: date serials count from 1904 (old Mac Excel) */
} spreadsheet;

/* Whether path names a spreadsheet gongwen reads: .csv or .xlsx, in any
 * letter case. */
bool spreadsheet_is_table(const char *path);
/* The first sheet of path, by its extension. */
int spreadsheet_read(const char *path, spreadsheet **out, diag_list *d);
void spreadsheet_free(spreadsheet *s);

/* The text of the cell at column (1-based) of r, or NULL when empty. */
const char *sheet_text(const sheet_row *r, int column);
/* A number cell holding a date serial as "2012-12-20" into buf (>= 16
 * bytes); NULL when it is no date from 1900 to 9999. */
const char *sheet_date(const spreadsheet *s, const sheet_cell *c, char *buf);

/* For the readers: a cell of text (len bytes) at row, column (both 1-based),
 * trimmed; rows come in ascending order. */
void spreadsheet_put(spreadsheet *s, int row, int column, const char *text, size_t len, bool number);

/* The bytes of a text file (len) in UTF-8, with or without a byte-order
 * mark, or GB18030, as UTF-8 with no byte-order mark (caller frees *utf8). */
int text_to_utf8(const char *path, const char *bytes, size_t len, char **utf8, size_t *utf8_len, diag_list *d);
/* A text file read whole, as text_to_utf8 gives it. */
int text_file_read(const char *path, size_t max, char **utf8, size_t *utf8_len, diag_list *d);

int csv_read(const char *path, spreadsheet *s, diag_list *d);
/* Writing CSV: the field s, quoted when it holds a separator, a quote or a
 * line end, and guarded by a leading ' when it would start a formula; then
 * a comma, or CRLF after the last field of a row. */
void csv_put(strbuf *sb, const char *s, bool last);
int xlsx_read(const char *path, spreadsheet *s, diag_list *d);

#endif
