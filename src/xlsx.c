/* SPDX-License-Identifier: MIT */
/* xlsx: the first sheet of an XLSX workbook (spreadsheet.h), read with
 * libzip and libxml2.
 *
 * An XLSX file is a ZIP of XML parts.  What a score needs is four of them:
 * xl/workbook.xml (the sheets in order, and the date system),
 * xl/_rels/workbook.xml.rels (which part each sheet is), the first sheet's
 * part, and the shared strings that its cells point into.  Excel, WPS and
 * LibreOffice all write these names; elements are matched by local name, so
 * the Strict variant's other namespace reads the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "spreadsheet.h"
#include "text.h"

#define WORKBOOK  "xl/workbook.xml"
#define RELS      "xl/_rels/workbook.xml.rels"
#define MAX_ROW    1048576
#define MAX_COLUMN 16384

typedef struct xlsx {
    const char *path;
    zip_t *zip;
    char **strings;      /* the shared strings */
    size_t nstrings, cap;
    diag_list *d;
} xlsx;

static bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
    for (xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (named(k, name))
            return k;
    return NULL;
}

/* An attribute's value (any namespace), or NULL; caller frees with xmlFree. */
static char *attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* The part called name, parsed; NULL with a diagnostic when it is missing
 * (and required) or is not XML. */
static xmlDoc *read_part(xlsx *x, const char *name, bool required)
{
    zip_stat_t st;
    zip_file_t *f = NULL;
    if (zip_stat(x->zip, name, 0, &st) != 0 || !(f = zip_fopen(x->zip, name, 0))) {
        if (required)
            diag_error(x->d, x->path, 0, "not an XLSX workbook as Excel saves it: it has no %s", name);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > SPREADSHEET_MAX_BYTES) {
        zip_fclose(f);
        diag_error(x->d, x->path, 0, "its part %s is larger than %u MB: too large to be a gongwen input", name,
                   SPREADSHEET_MAX_BYTES >> 20);
        return NULL;
    }
    strbuf sb = {0};
    char chunk[16384];
    zip_int64_t n;
    while ((n = zip_fread(f, chunk, sizeof chunk)) > 0 && sb.len <= SPREADSHEET_MAX_BYTES)
        sb_put(&sb, chunk, (size_t)n);
    zip_fclose(f);
    xmlDoc *doc = NULL;
    if (n < 0)
        diag_error(x->d, x->path, 0, "cannot read its part %s: the file is damaged", name);
    else if (sb.len > SPREADSHEET_MAX_BYTES)
        diag_error(x->d, x->path, 0, "its part %s is larger than %u MB: too large to be a gongwen input", name,
                   SPREADSHEET_MAX_BYTES >> 20);
    else if (!(doc = xmlReadMemory(sb.data ? sb.data : "", (int)sb.len, name, NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)))
        diag_error(x->d, x->path, 0, "its part %s is not well-formed XML: the file is damaged", name);
    sb_free(&sb);
    return doc;
}

/* The text of a string item (<si> or <is>): its <t>, or the <t> of each run
 * <r> of rich text; phonetic guides (<rPh>) are not part of it. */
static void string_item(const xmlNode *si, strbuf *out)
{
    for (const xmlNode *k = si->children; k; k = k->next) {
        const xmlNode *t = named(k, "t") ? k : named(k, "r") ? child(k, "t") : NULL;
        if (t) {
            xmlChar *s = xmlNodeGetContent(t);
            sb_puts(out, s ? (const char *)s : "");
            xmlFree(s);
        }
    }
}

static void read_shared_strings(xlsx *x, xmlDoc *doc)
{
    for (xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
        if (!named(si, "si"))
            continue;
        strbuf sb = {0};
        string_item(si, &sb);
        GROW(x->strings, x->nstrings, x->cap);
        x->strings[x->nstrings++] = sb_take(&sb);
    }
}

/* The first sheet's part name and the shared strings' (NULL if none), from
 * the workbook and its relationships; and the date system. */
static int locate_parts(xlsx *x, spreadsheet *s, char **sheet_part, char **strings_part)
{
    *sheet_part = *strings_part = NULL;
    xmlDoc *wb = read_part(x, WORKBOOK, true);
    if (!wb)
        return -1;
    xmlNode *root = xmlDocGetRootElement(wb);
    char *date1904 = attr(child(root, "workbookPr") ? child(root, "workbookPr") : root, "date1904");
    s->date1904 = date1904 && (strcmp(date1904, "1") == 0 || strcmp(date1904, "true") == 0);
    xmlFree(date1904);
    xmlNode *first = child(child(root, "sheets"), "sheet");
    char *rid = first ? attr(first, "id") : NULL;
    xmlFreeDoc(wb);
    if (!rid)
        return diag_error(x->d, x->path, 0, "the workbook has no sheet");
    xmlDoc *rels = read_part(x, RELS, true);
    bool rels_read = rels != NULL;
    for (xmlNode *r = rels ? xmlDocGetRootElement(rels)->children : NULL; r; r = r->next) {
        if (!named(r, "Relationship"))
            continue;
        char *id = attr(r, "Id"), *type = attr(r, "Type"), *target = attr(r, "Target");
        size_t tn = type ? strlen(type) : 0;
        char **slot = id && strcmp(id, rid) == 0 ? sheet_part
                      : tn > 14 && strcmp(type + tn - 14, "/sharedStrings") == 0 ? strings_part : NULL;
        /* A target is relative to xl/, or absolute from the package root. */
        if (slot && target && !*slot)
            *slot = target[0] == '/' ? xstrdup(target + 1) : xasprintf("xl/%s", target);
        xmlFree(id);
        xmlFree(type);
        xmlFree(target);
    }
    xmlFreeDoc(rels);
    xmlFree(rid);
    if (!*sheet_part && rels_read)
        diag_error(x->d, x->path, 0, "the workbook does not say where its first sheet is");
    return *sheet_part ? 0 : -1;
}

/* "C7" → row 7, column 3; false if it is no cell reference. */
static bool parse_ref(const char *ref, int *row, int *column)
{
    int c = 0, r = 0;
    const char *s = ref;
    for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++)
        if ((c = c * 26 + ((*s | 0x20) - 'a' + 1)) > MAX_COLUMN)
            return false;
    for (; *s >= '0' && *s <= '9'; s++)
        if ((r = r * 10 + (*s - '0')) > MAX_ROW)
            return false;
    if (*s || c == 0 || r == 0)
        return false;
    *row = r;
    *column = c;
    return true;
}

/* A number as Excel shows it at 15 significant digits. */
static void number_text(const char *v, strbuf *out)
{
    char *end, buf[40];
    double x = strtod(v, &end);
    if (end != v && !*end && x == x && x - x == 0) { /* finite */
        snprintf(buf, sizeof buf, "%.15g", x);
        sb_puts(out, buf);
    } else {
        sb_puts(out, v);
    }
}

/* The text of cell c, at row and column, into out; *number when it is a number. */
static int cell_text(xlsx *x, const xmlNode *c, int row, int column, strbuf *out, bool *number)
{
    char *type = attr(c, "t");
    xmlNode *vnode = child(c, "v");
    xmlChar *v = vnode ? xmlNodeGetContent(vnode) : NULL;
    const char *vs = v ? (const char *)v : NULL;
    int rc = 0;
    *number = false;
    if (type && strcmp(type, "inlineStr") == 0) {
        if (child(c, "is"))
            string_item(child(c, "is"), out);
    } else if (!vs) {
        if (child(c, "f"))
            rc = diag_error_at(x->d, x->path, row, column, "a formula with no saved value; open the file in a "
                               "spreadsheet program and save it again");
    } else if (type && strcmp(type, "s") == 0) {
        char *end;
        unsigned long k = strtoul(vs, &end, 10);
        if (end == vs || *end || k >= x->nstrings)
            rc = diag_error_at(x->d, x->path, row, column, "points to shared string %s, which the workbook "
                               "does not have: the file is damaged", vs);
        else
            sb_puts(out, x->strings[k]);
    } else if (type && strcmp(type, "b") == 0) {
        sb_puts(out, strcmp(vs, "1") == 0 ? "TRUE" : "FALSE");
    } else if (type && strcmp(type, "d") == 0) {
        sb_put(out, vs, strcspn(vs, "T")); /* an ISO 8601 date: the day */
    } else if (!type || strcmp(type, "n") == 0) {
        number_text(vs, out);
        *number = true;
    } else { /* str (a formula's text), e (an error such as #N/A): as shown */
        sb_puts(out, vs);
    }
    xmlFree(v);
    xmlFree(type);
    return rc;
}

static int read_sheet(xlsx *x, xmlDoc *doc, spreadsheet *s)
{
    xmlNode *data = child(xmlDocGetRootElement(doc), "sheetData");
    int rc = 0, row = 0;
    for (xmlNode *rn = data ? data->children : NULL; rn && rc == 0; rn = rn->next) {
        if (!named(rn, "row"))
            continue;
        char *r = attr(rn, "r");
        int next = r ? atoi(r) : row + 1;
        xmlFree(r);
        if (next <= row || next > MAX_ROW)
            return diag_error(x->d, x->path, 0, "row %d follows row %d: the file is damaged", next, row);
        row = next;
        int column = 0;
        for (xmlNode *c = rn->children; c && rc == 0; c = c->next) {
            if (!named(c, "c"))
                continue;
            char *ref = attr(c, "r");
            int cr = row, cc = column + 1;
            if (ref && (!parse_ref(ref, &cr, &cc) || cr != row))
                rc = diag_error(x->d, x->path, 0, "cell '%s' in row %d: the file is damaged", ref, row);
            xmlFree(ref);
            column = cc;
            strbuf text = {0};
            bool number;
            if (rc == 0)
                rc = cell_text(x, c, row, column, &text, &number);
            if (rc == 0 && text.len > 0)
                spreadsheet_put(s, row, column, text.data, text.len, number);
            sb_free(&text);
        }
    }
    return rc;
}

/* Why libzip could not open path as a ZIP, in words a clerk can act on. */
static int not_a_workbook(const char *path, int zip_code, diag_list *d)
{
    unsigned char head[8] = {0};
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    if (n == 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return diag_error(d, path, 0, "an Excel 97-2003 workbook (.xls), not .xlsx; save it as .xlsx "
                                      "(Excel 工作簿) or CSV");
    zip_error_t err;
    zip_error_init_with_code(&err, zip_code);
    int rc = zip_code == ZIP_ER_NOENT || zip_code == ZIP_ER_OPEN || zip_code == ZIP_ER_READ
                 ? diag_error(d, path, 0, "cannot open: %s", zip_error_strerror(&err))
                 : diag_error(d, path, 0, "not an XLSX workbook (%s); save it as .xlsx or CSV",
                              zip_error_strerror(&err));
    zip_error_fini(&err);
    return rc;
}

int xlsx_read(const char *path, spreadsheet *s, diag_list *d)
{
    int code = 0;
    xlsx x = {.path = path, .d = d, .zip = zip_open(path, ZIP_RDONLY, &code)};
    if (!x.zip)
        return not_a_workbook(path, code, d);
    char *sheet_part, *strings_part;
    int rc = locate_parts(&x, s, &sheet_part, &strings_part);
    if (rc == 0 && strings_part) {
        xmlDoc *sst = read_part(&x, strings_part, true);
        if (sst)
            read_shared_strings(&x, sst);
        else
            rc = -1;
        xmlFreeDoc(sst);
    }
    xmlDoc *sheet = rc == 0 ? read_part(&x, sheet_part, true) : NULL;
    if (rc == 0)
        rc = sheet ? read_sheet(&x, sheet, s) : -1;
    xmlFreeDoc(sheet);
    free(sheet_part);
    free(strings_part);
    for (size_t i = 0; i < x.nstrings; i++)
        free(x.strings[i]);
    free(x.strings);
    zip_discard(x.zip);
    return rc;
}
