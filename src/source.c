/* SPDX-License-Identifier: MIT */
#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "roster.h"
#include "text.h"
#include "ytree.h"

static int line_at(const char *text, size_t offset)
{
    int line = 1;
    for (size_t i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

static int validate(const char *path, const char *text, size_t len, diag_list *d)
{
    const char *nul = memchr(text, '\0', len);
    if (nul)
        return diag_error(d, path, line_at(text, (size_t)(nul - text)),
                          "NUL byte: this is not a text file");
    size_t bad = utf8_invalid_at(text, len);
    if (bad != (size_t)-1)
        return diag_error(d, path, line_at(text, bad),
                          "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                          (unsigned char)text[bad]);
    /* Text pasted from elsewhere can carry control characters, and nothing
     * can print them. */
    uint32_t cp;
    size_t ctl = control_at(text, len, &cp);
    if (ctl != (size_t)-1)
        return diag_error(d, path, line_at(text, ctl), "control character U+%04X: not text; delete it",
                          (unsigned)cp);
    return 0;
}

int source_accept(const char *path, char *text, size_t *len, diag_list *d)
{
    /* Windows Notepad's "Unicode": the byte-order mark says so before any NUL does. */
    if (*len >= 2 && (memcmp(text, "\xFF\xFE", 2) == 0 || memcmp(text, "\xFE\xFF", 2) == 0))
        return diag_error(d, path, 1, "invalid UTF-8: this file is UTF-16; save it as UTF-8");
    /* CR LF (Windows) and CR (old Mac editors) end lines as LF does. */
    *len = newlines_normalize(text, *len);
    if (validate(path, text, *len, d) < 0)
        return -1;
    if (*len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* Windows editors add a BOM */
        memmove(text, text + 3, *len - 3 + 1);
        *len -= 3;
    }
    return 0;
}

/* Length of the line at s without its "\n" (source_accept made every line
 * end one). */
static size_t line_length(const char *s, const char *end)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return (size_t)((nl ? nl : end) - s);
}

static int is_fence(const char *s, const char *end, const char *fence)
{
    size_t n = line_length(s, end);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n == 3 && memcmp(s, fence, 3) == 0;
}

bool source_rubric_recognised(const char *text, size_t len)
{
    const char *end = text + len;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    return end - text >= 3 && memcmp(text, "---", 3) == 0 && (text + 3 == end || strchr("\r\n \t", text[3])) &&
           (some_line_starts_with(text, (size_t)(end - text), META_LAYOUT) ||
            some_line_starts_with(text, (size_t)(end - text), "# 附件"));
}

/* A list (附件说明 of several attachments) is one field per entry, in order,
 * each at its own line. */
static int meta_list(const char *key, const ynode *list, document *doc, diag_list *d)
{
    for (size_t k = 0; k < list->len; k++) {
        const ynode *e = list->kids[k];
        if (e->kind != Y_SCALAR || e->text[0] == '\0')
            return diag_error(d, doc->path, e->line, "'%s': each entry of the list must be a value on its line",
                              key);
    }
    for (size_t k = 0; k < list->len; k++)
        field_add(&doc->meta, key, list->kids[k]->text, list->kids[k]->line);
    return 0;
}

static int meta_from_tree(const ynode *root, document *doc, diag_list *d)
{
    if (root->kind != Y_MAP)
        return diag_error(d, doc->path, root->line,
                          "front matter must be lines of the form 名称: 值");
    int rc = 0;
    for (size_t i = 0; i < root->len; i++) {
        const ynode *v = root->kids[i];
        if (strcmp(root->keys[i], META_ROSTER) == 0 && roster_from_front_matter(doc, v, root->key_lines[i], d) < 0)
            rc = -1;
        if (strcmp(root->keys[i], META_ROSTER) == 0 && v->kind != Y_SCALAR)
            continue; /* a list of units: doc->roster holds it */
        if (v->kind == Y_LIST && meta_key_takes_list(root->keys[i])) {
            if (meta_list(root->keys[i], v, doc, d) < 0)
                rc = -1;
            continue;
        }
        if (v->kind != Y_SCALAR) {
            rc = diag_error(d, doc->path, root->key_lines[i],
                            "'%s' must be a single value on its line", root->keys[i]);
            continue;
        }
        if (utf8_length(v->text) > SHORT_TEXT_MAX)
            rc = diag_error(d, doc->path, root->key_lines[i], "'%s' is %zu characters long; a front-matter value "
                            "has at most %d", root->keys[i], utf8_length(v->text), SHORT_TEXT_MAX);
        else if (v->text[0] != '\0') /* an empty value is as good as absent */
            field_add(&doc->meta, root->keys[i], v->text, root->key_lines[i]);
    }
    return rc;
}

int source_front_matter(char *text, size_t len, document *doc, diag_list *d)
{
    char *end = text + len;
    if (len < 3 || !is_fence(text, end, "---"))
        return 0;
    char *body = memchr(text, '\n', len);
    if (!body)
        return diag_error(d, doc->path, 1, "front matter opened here is never closed with '---'");
    body++;
    int line = 2;
    for (char *s = body; s < end; line++) {
        if (is_fence(s, end, "---") || is_fence(s, end, "...")) {
            ynode *root = NULL;
            if (ytree_parse(body, (size_t)(s - body), doc->path, 2, &root, d) < 0)
                return -1;
            int rc = meta_from_tree(root, doc, d);
            ytree_free(root);
            doc->meta_end_line = line;
            char *after = memchr(s, '\n', (size_t)(end - s));
            for (char *p = text; p < (after ? after : end); p++)
                if (*p != '\n')
                    *p = ' ';
            return rc;
        }
        char *nl = memchr(s, '\n', (size_t)(end - s));
        s = nl ? nl + 1 : end;
    }
    return diag_error(d, doc->path, 1, "front matter opened here is never closed with '---'");
}
