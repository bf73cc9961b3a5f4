/* SPDX-License-Identifier: MIT */
/* csv: a CSV file as Excel, WPS and LibreOffice write it (spreadsheet.h).
 *
 * The encoding is found, never assumed: a file that is valid UTF-8 (a
 * byte-order mark dropped) is UTF-8; otherwise one that converts whole from
 * GB18030 is GB18030, the encoding Chinese Windows writes as "CSV"; otherwise
 * it is refused with the line of the first byte that is neither.  Chinese
 * text in GB18030 is almost never also valid UTF-8, and ASCII reads the same
 * in both, so the order decides nothing wrongly.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "spreadsheet.h"
#include "text.h"

static int line_of(const char *text, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++)
        line += text[i] == '\n';
    return line;
}

/* GB18030 to UTF-8, whole; (size_t)-1 on success, else the offset of the
 * first byte that is not GB18030. */
static size_t from_gb18030(const char *bytes, size_t len, strbuf *out)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return 0; /* no converter: nothing reads as GB18030 */
    char *in = (char *)bytes;
    size_t left = len, bad = (size_t)-1;
    char chunk[4096];
    while (left > 0) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &in, &left, &o, &room);
        sb_put(out, chunk, (size_t)(o - chunk));
        if (r == (size_t)-1 && errno != E2BIG) { /* EILSEQ, or EINVAL: cut short at the end */
            bad = (size_t)(in - bytes);
            break;
        }
    }
    iconv_close(cd);
    return bad;
}

int text_to_utf8(const char *path, const char *bytes, size_t len, char **utf8, size_t *utf8_len, diag_list *d)
{
    *utf8 = NULL;
    if (len >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        return diag_error(d, path, 1, "this file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8 or CSV");
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    size_t at = utf8_invalid_at(bytes, len);
    strbuf sb = {0};
    if (at == (size_t)-1) {
        sb_put(&sb, bytes, len);
    } else {
        size_t bad = from_gb18030(bytes, len, &sb);
        if (bad != (size_t)-1) {
            sb_free(&sb);
            return diag_error(d, path, line_of(bytes, bad),
                              "neither UTF-8 nor GB18030: byte 0x%02X here is not GB18030, and line %d is not "
                              "UTF-8; save it as CSV UTF-8", (unsigned char)bytes[bad], line_of(bytes, at));
        }
    }
    const char *nul = memchr(sb.data ? sb.data : "", '\0', sb.len);
    if (nul) {
        int line = line_of(sb.data, (size_t)(nul - sb.data));
        sb_free(&sb);
        return diag_error(d, path, line, "NUL byte: this is not a text file");
    }
    *utf8_len = sb.len;
    *utf8 = sb_take(&sb);
    return 0;
}

int text_file_read(const char *path, size_t max, char **utf8, size_t *utf8_len, diag_list *d)
{
    char *bytes;
    size_t len;
    *utf8 = NULL;
    if (file_read(path, max, &bytes, &len, d) < 0)
        return -1;
    int rc = text_to_utf8(path, bytes, len, utf8, utf8_len, d);
    free(bytes);
    return rc;
}

/* Reads one field at *p (RFC 4180): quoted, with "" for a quote, or plain up
 * to the next comma or line end.  Leaves *p on the separator. */
static int read_field(const char **p, const char *end, strbuf *field, const char *path, const char *text,
                      diag_list *d)
{
    const char *s = *p;
    field->len = 0;
    if (field->data)
        field->data[0] = '\0';
    if (s < end && *s == '"') {
        const char *open = s++;
        for (;;) {
            if (s >= end)
                return diag_error(d, path, line_of(text, (size_t)(open - text)),
                                  "the quote that opens this cell is never closed");
            if (*s == '"' && s + 1 < end && s[1] == '"') {
                sb_putc(field, '"');
                s += 2;
            } else if (*s == '"') {
                s++;
                break;
            } else {
                sb_putc(field, *s++);
            }
        }
        if (s < end && *s != ',' && *s != '\n' && *s != '\r')
            return diag_error(d, path, line_of(text, (size_t)(s - text)),
                              "text after the closing quote of a cell; write a quote inside a cell as \"\"");
    } else {
        const char *start = s;
        while (s < end && *s != ',' && *s != '\n' && *s != '\r')
            s++;
        sb_put(field, start, (size_t)(s - start));
    }
    *p = s;
    return 0;
}

int csv_read(const char *path, spreadsheet *s, diag_list *d)
{
    char *text;
    size_t len;
    if (text_file_read(path, SPREADSHEET_MAX_BYTES, &text, &len, d) < 0)
        return -1;
    const char *p = text, *end = text + len;
    strbuf field = {0};
    int rc = 0, row = 1, column = 1;
    while (p < end && rc == 0) {
        rc = read_field(&p, end, &field, path, text, d);
        if (rc == 0 && field.len > 0)
            spreadsheet_put(s, row, column, field.data, field.len, false);
        if (p < end && *p == ',') {
            p++;
            column++;
            continue;
        }
        /* a line end: \r\n, \n or a lone \r */
        if (p < end && *p == '\r')
            p++;
        if (p < end && *p == '\n')
            p++;
        row++;
        column = 1;
    }
    sb_free(&field);
    free(text);
    return rc;
}

void csv_put(strbuf *sb, const char *s, bool last)
{
    /* A field that starts like a formula (= + - @, a tab or CR, or their
     * full-width forms) would run as one in a spreadsheet program; names and
     * remarks come from member units' files, so it gets a leading ' and
     * quotes, as those programs take it (OWASP's CSV injection advice). */
    static const char *const formula_starts[] = {"=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"};
    bool formula = false;
    for (size_t i = 0; i < sizeof formula_starts / sizeof *formula_starts; i++)
        formula |= starts_with(s, formula_starts[i]);
    if (formula || strpbrk(s, ",\"\r\n")) {
        sb_puts(sb, formula ? "\"'" : "\"");
        for (; *s; s++) {
            if (*s == '"')
                sb_putc(sb, '"');
            sb_putc(sb, *s);
        }
        sb_putc(sb, '"');
    } else {
        sb_puts(sb, s);
    }
    sb_puts(sb, last ? "\r\n" : ",");
}
