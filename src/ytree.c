/* SPDX-License-Identifier: MIT */
#include "ytree.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fileio.h"
#include "intl.h"
#include "text.h"
#include "yhint.h"

#define MAX_DEPTH 64 /* layouts nest 3 deep; anything deeper is not ours */

typedef struct builder {
    yaml_parser_t parser;
    const char *text;
    size_t len;
    const char *file;
    int first_line;
    diag_list *d;
} builder;

static int line_of(const builder *b, yaml_mark_t mark)
{
    return b->first_line + (int)mark.line;
}

static ynode *node_new(ykind kind, int line)
{
    ynode *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->line = line;
    return n;
}

static int next_event(builder *b, yaml_event_t *ev)
{
    if (yaml_parser_parse(&b->parser, ev))
        return 0;
    if (b->parser.error == YAML_MEMORY_ERROR)
        return diag_error(b->d, b->file, 0, "out of memory");
    return yhint_syntax(&b->parser, b->text, b->len, b->file, b->first_line, b->d);
}

static int build_node(builder *b, yaml_event_t *ev, int depth, ynode **out);

/* A scalar's text, or NULL (reported) when it holds what no text may: an
 * escape in double quotes ("\0", "\e", "\r", "\x01"…) writes bytes a raw
 * file could not carry.  A NUL would cut the value short where C reads it;
 * any other control character would reach the PDF. */
static char *scalar_text(builder *b, const yaml_event_t *ev, int line)
{
    const char *v = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    uint32_t cp;
    if (memchr(v, '\0', len))
        diag_error(b->d, b->file, line, "a NUL character (\\0) in a value: not text; delete it");
    else if (control_at(v, len, &cp) != (size_t)-1)
        diag_error(b->d, b->file, line, "control character U+%04X in a value (an escape such as \\e or \\x1b): "
                   "not text; delete it", (unsigned)cp);
    else
        return xstrndup(v, len);
    return NULL;
}

/* The keys of a map being built, hashed, so that a repeated key is found in
 * constant time: a scores file may have tens of thousands. */
typedef struct key_index {
    size_t *slots; /* map index + 1; 0 is free */
    size_t cap;    /* a power of two, at least twice the keys */
} key_index;

static size_t key_hash(const char *s)
{
    size_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The slot where key is, or the free one where it would go. */
static size_t *key_slot(const key_index *ix, const ynode *map, const char *key)
{
    size_t i = key_hash(key) & (ix->cap - 1);
    while (ix->slots[i] && strcmp(map->keys[ix->slots[i] - 1], key) != 0)
        i = (i + 1) & (ix->cap - 1);
    return &ix->slots[i];
}

/* Makes room for one more key (the map's len keys are indexed). */
static void key_index_grow(key_index *ix, const ynode *map)
{
    if (2 * (map->len + 1) <= ix->cap)
        return;
    free(ix->slots);
    ix->cap = ix->cap ? 2 * ix->cap : 16;
    ix->slots = xcalloc(ix->cap, sizeof *ix->slots);
    for (size_t k = 0; k < map->len; k++)
        *key_slot(ix, map, map->keys[k]) = k + 1;
}

static void node_append(ynode *parent, ynode *kid)
{
    if (parent->len == parent->cap) {
        parent->cap = parent->cap ? parent->cap * 2 : 4;
        parent->kids = xrealloc(parent->kids, parent->cap * sizeof *parent->kids);
        if (parent->kind == Y_MAP) {
            parent->keys = xrealloc(parent->keys, parent->cap * sizeof *parent->keys);
            parent->key_lines = xrealloc(parent->key_lines, parent->cap * sizeof *parent->key_lines);
        }
    }
    parent->kids[parent->len++] = kid;
}

static int build_list(builder *b, ynode *list, int depth)
{
    for (;;) {
        yaml_event_t ev;
        if (next_event(b, &ev) < 0)
            return -1;
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            return 0;
        }
        ynode *kid = NULL;
        int rc = build_node(b, &ev, depth + 1, &kid);
        yaml_event_delete(&ev);
        if (rc < 0) {
            ytree_free(kid);
            return -1;
        }
        node_append(list, kid);
    }
}

static int build_map(builder *b, ynode *map, int depth)
{
    key_index ix = {0};
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (next_event(b, &ev) < 0) {
            rc = -1;
            break;
        }
        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        int key_line = line_of(b, ev.start_mark);
        char *key = ev.type == YAML_SCALAR_EVENT ? scalar_text(b, &ev, key_line) : NULL;
        if (ev.type != YAML_SCALAR_EVENT)
            diag_error(b->d, b->file, key_line, "a key must be plain text");
        yaml_event_delete(&ev);
        if (!key) {
            rc = -1;
            break;
        }
        key_index_grow(&ix, map);
        size_t *slot = key_slot(&ix, map, key);
        if (*slot) {
            diag_error(b->d, b->file, key_line, "'%s' is given twice (first on line %d)", key,
                       map->key_lines[*slot - 1]);
            free(key);
            rc = -1;
            break;
        }
        ynode *kid = NULL;
        if (next_event(b, &ev) < 0) {
            free(key);
            rc = -1;
            break;
        }
        rc = build_node(b, &ev, depth + 1, &kid);
        yaml_event_delete(&ev);
        if (rc < 0) {
            ytree_free(kid);
            free(key);
            break;
        }
        node_append(map, kid);
        map->keys[map->len - 1] = key;
        map->key_lines[map->len - 1] = key_line;
        *slot = map->len;
    }
    free(ix.slots);
    return rc;
}

static int build_node(builder *b, yaml_event_t *ev, int depth, ynode **out)
{
    int line = line_of(b, ev->start_mark);
    if (depth > MAX_DEPTH)
        return diag_error(b->d, b->file, line, "YAML nested too deeply");
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        char *text = scalar_text(b, ev, line);
        if (!text)
            return -1;
        *out = node_new(Y_SCALAR, line);
        (*out)->text = text;
        if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && strcmp((*out)->text, "~") == 0)
            (*out)->text[0] = '\0';
        return 0;
    }
    case YAML_SEQUENCE_START_EVENT:
        *out = node_new(Y_LIST, line);
        return build_list(b, *out, depth);
    case YAML_MAPPING_START_EVENT:
        *out = node_new(Y_MAP, line);
        return build_map(b, *out, depth);
    case YAML_ALIAS_EVENT:
        return diag_error(b->d, b->file, line, "YAML aliases (*name) are not supported");
    default:
        return diag_error(b->d, b->file, line, "unexpected YAML structure");
    }
}

static int build_document(builder *b, ynode **out)
{
    yaml_event_t ev;
    for (;;) { /* skip stream and document starts */
        if (next_event(b, &ev) < 0)
            return -1;
        if (ev.type != YAML_STREAM_START_EVENT && ev.type != YAML_DOCUMENT_START_EVENT)
            break;
        yaml_event_delete(&ev);
    }
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        *out = node_new(Y_MAP, b->first_line);
        return 0;
    }
    int rc = build_node(b, &ev, 0, out);
    yaml_event_delete(&ev);
    if (rc < 0)
        return -1;
    if (next_event(b, &ev) < 0)
        return -1;
    if (ev.type == YAML_DOCUMENT_END_EVENT) { /* another document may follow this one's end */
        yaml_event_delete(&ev);
        if (next_event(b, &ev) < 0)
            return -1;
    }
    int more = ev.type != YAML_STREAM_END_EVENT;
    int line = line_of(b, ev.start_mark);
    yaml_event_delete(&ev);
    if (more)
        return diag_error(b->d, b->file, line, "only one YAML document is allowed");
    return 0;
}

int ytree_parse(const char *text, size_t len, const char *file, int first_line, ynode **out,
                diag_list *d)
{
    builder b = {.text = text, .len = len, .file = file, .first_line = first_line, .d = d};
    *out = NULL;
    if (!yaml_parser_initialize(&b.parser))
        return diag_error(d, file, 0, "cannot start the YAML parser");
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
    ynode *root = NULL;
    int rc = build_document(&b, &root);
    yaml_parser_delete(&b.parser);
    if (rc < 0) {
        ytree_free(root);
        return -1;
    }
    if (root->kind == Y_SCALAR && root->text[0] == '\0') { /* a document of only comments */
        root->kind = Y_MAP;
        free(root->text);
        root->text = NULL;
    }
    /* Every file read this way is a map; one text is a key written wrong. */
    if (yhint_scalar_for_map(root, file, d) < 0) {
        ytree_free(root);
        return -1;
    }
    *out = root;
    return 0;
}

int ytree_read(const char *path, const char *text, size_t len, ynode **out, diag_list *d)
{
    *out = NULL;
    char *own = NULL;
    if (!text) {
        if (file_read(path, YTREE_MAX_BYTES, &own, &len, d) < 0)
            return -1;
    } else {
        own = xstrndup(text, len);
    }
    /* Said as for a rubric, with its line: libyaml's "invalid leading UTF-8
     * octet" tells a clerk with a GBK file nothing.  Lines are counted as
     * libyaml counts them, with every line end an LF. */
    len = newlines_normalize(own, len);
    size_t bad = utf8_invalid_at(own, len);
    int line = 1;
    for (size_t i = 0; bad != (size_t)-1 && i < bad; i++)
        line += own[i] == '\n';
    int rc = bad != (size_t)-1 ? diag_error(d, path, line, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                                             (unsigned char)own[bad])
                               : ytree_parse(own, len, path, 1, out, d);
    free(own);
    return rc;
}

void ytree_free(ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->len; i++) {
        ytree_free(n->kids[i]);
        if (n->kind == Y_MAP)
            free(n->keys[i]);
    }
    free(n->kids);
    free(n->keys);
    free(n->key_lines);
    free(n->text);
    free(n);
}

ynode *ynode_new(ykind kind, int line, int column)
{
    ynode *n = node_new(kind, line);
    n->column = column;
    return n;
}

ynode *ynode_scalar(const char *text, int line, int column)
{
    ynode *n = ynode_new(Y_SCALAR, line, column);
    n->text = xstrdup(text);
    return n;
}

void ymap_put(ynode *map, const char *key, int key_line, ynode *value)
{
    node_append(map, value);
    map->keys[map->len - 1] = xstrdup(key);
    map->key_lines[map->len - 1] = key_line;
}

void ylist_push(ynode *list, ynode *value)
{
    node_append(list, value);
}

const ynode *ymap_get(const ynode *n, const char *key)
{
    if (!n || n->kind != Y_MAP)
        return NULL;
    for (size_t i = 0; i < n->len; i++)
        if (strcmp(n->keys[i], key) == 0)
            return n->kids[i];
    return NULL;
}

const char *ymap_str(const ynode *n, const char *key)
{
    const ynode *v = ymap_get(n, key);
    return v && v->kind == Y_SCALAR ? v->text : NULL;
}

int ymap_check_keys(const ynode *n, const char *const *known, const char *file, const char *what,
                    diag_list *d)
{
    int rc = 0;
    for (size_t i = 0; n && n->kind == Y_MAP && i < n->len; i++) {
        size_t k = 0;
        while (known[k] && strcmp(known[k], n->keys[i]) != 0)
            k++;
        if (!known[k]) {
            strbuf sb = {0};
            for (k = 0; known[k]; k++)
                sb_printf(&sb, "%s%s", k ? ", " : "", known[k]);
            const char *near = nearest_name(n->keys[i], known);
            if (near)
                diag_error(d, file, n->key_lines[i], "unknown %s '%s': did you mean '%s'? (known: %s)", _(what),
                           n->keys[i], near, sb.data);
            else
                diag_error(d, file, n->key_lines[i], "unknown %s '%s' (known: %s)", _(what), n->keys[i],
                           sb.data ? sb.data : "");
            sb_free(&sb);
            rc = -1;
        }
    }
    return rc;
}

/* ---- writing -------------------------------------------------------------- */

/* A scalar as a double-quoted YAML string: \ and " escaped, and the line
 * ends and tabs a spreadsheet cell may hold (no other control character
 * reaches a tree). */
static void put_quoted(strbuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_printf(sb, "\\%c", *s);
        else if (*s == '\n')
            sb_puts(sb, "\\n");
        else if (*s == '\t')
            sb_puts(sb, "\\t");
        else if (*s == '\r')
            sb_puts(sb, "\\r");
        else
            sb_putc(sb, *s);
    }
    sb_putc(sb, '"');
}

/* A key stays plain when it is words only (单位, 得分, 分): no YAML reader
 * takes those for anything but a string; any other ("1.1") is quoted. */
static void put_key(strbuf *sb, const char *key)
{
    bool plain = *key != '\0';
    for (const char *k = key; *k && plain; k++)
        plain = (unsigned char)*k >= 0x80;
    if (plain)
        sb_puts(sb, key);
    else
        put_quoted(sb, key);
}

static void put_node(strbuf *sb, const ynode *n, int indent)
{
    if (n->kind == Y_SCALAR) {
        sb_putc(sb, ' ');
        put_quoted(sb, n->text);
        sb_putc(sb, '\n');
        return;
    }
    bool flow = n->kind == Y_LIST || n->len == 0;
    for (size_t i = 0; flow && i < n->len; i++)
        flow = n->kids[i]->kind == Y_SCALAR;
    if (flow) { /* [基本完成, 资料不全], or an empty map {} */
        sb_puts(sb, n->kind == Y_LIST ? " [" : " {");
        for (size_t i = 0; i < n->len; i++) {
            if (i)
                sb_puts(sb, ", ");
            put_quoted(sb, n->kids[i]->text);
        }
        sb_puts(sb, n->kind == Y_LIST ? "]\n" : "}\n");
        return;
    }
    sb_putc(sb, '\n');
    for (size_t i = 0; i < n->len; i++) {
        sb_printf(sb, "%*s", indent, "");
        if (n->kind == Y_LIST) {
            sb_puts(sb, "-");
        } else {
            put_key(sb, n->keys[i]);
            sb_putc(sb, ':');
        }
        put_node(sb, n->kids[i], indent + 2);
    }
}

void ytree_write(strbuf *sb, const ynode *root)
{
    if (root->kind != Y_MAP) {
        put_node(sb, root, 0);
        return;
    }
    for (size_t i = 0; i < root->len; i++) {
        put_key(sb, root->keys[i]);
        sb_putc(sb, ':');
        put_node(sb, root->kids[i], 2);
    }
}
