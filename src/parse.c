/* SPDX-License-Identifier: MIT */
/* parse: CommonMark blocks to attachments, units, categories and items.
 *
 * The walk is a small state machine over the document's top-level blocks:
 *   before the first `# 附件` heading  → notice body paragraphs;
 *   `# 附件…`                           → a new attachment;
 *   a heading starting 单位：           → a new unit (table);
 *   a heading ending in **N分** (in a 一票否决 category: any heading), deeper
 *     than the open category → an item;
 *   any other heading                  → a category;
 *   a bullet list under a category     → one item per entry;
 *   `**名称**：值` paragraphs           → fields of the innermost open node.
 * The open attachment, unit, category and item are always the last of their
 * arrays, so the parser keeps flags, not pointers that a realloc would move.
 */
#include "parse.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "intl.h"
#include "mdtext.h"
#include "points.h"
#include "scores.h"
#include "source.h"
#include "text.h"

#define UNIT_PREFIX   "单位："
#define UNIT_PREFIX_ASCII "单位:"
#define ATTACH_PREFIX "附件"

typedef struct parser {
    const char *file;
    diag_list *d;
    document *doc;
    bool in_attachment;
    bool in_unit;       /* a unit is open in the current attachment */
    bool in_category;
    int category_level; /* heading level of the open category */
    bool in_item;       /* a heading-form item is open and takes paragraphs */
    int errors;
    mdtext text;        /* reads inline text, its findings counted in errors */
} parser;

static attachment *cur_att(parser *p) { return &p->doc->atts[p->doc->len - 1]; }
static unit *cur_unit(parser *p) { return &cur_att(p)->units[cur_att(p)->len - 1]; }
static category *cur_cat(parser *p) { return &cur_unit(p)->cats[cur_unit(p)->len - 1]; }
static item *cur_item(parser *p) { return &cur_cat(p)->items[cur_cat(p)->len - 1]; }

/* A finding at line: fmt is N_() English, with at most one argument, looked
 * up by diag_add. */
static void fail(parser *p, int line, const char *fmt, const char *arg)
{
    diag_add(p->d, DIAG_ERROR, p->file, line, fmt, arg);
    p->errors++;
}

static int line_of(cmark_node *n) { return cmark_node_get_start_line(n); }

/* ---- points at the end, labels at the start ---------------------------- */

/* The last child of n, or the one before from, that is not blank text. */
static cmark_node *last_nonblank(cmark_node *n, cmark_node *from)
{
    cmark_node *c = from ? cmark_node_previous(from) : cmark_node_last_child(n);
    while (c && mdtext_is_blank(c))
        c = cmark_node_previous(c);
    return c;
}

/* The text of a **…** meant as points (it ends in 分 or starts with a
 * digit), or NULL. */
static const char *points_text(cmark_node *n)
{
    if (!n || cmark_node_get_type(n) != CMARK_NODE_STRONG)
        return NULL;
    cmark_node *t = cmark_node_first_child(n);
    if (!t || cmark_node_get_type(t) != CMARK_NODE_TEXT || cmark_node_next(t))
        return NULL;
    const char *s = cmark_node_get_literal(t);
    size_t len = strlen(s);
    bool ends_fen = len >= 3 && strcmp(s + len - 3, "分") == 0;
    bool starts_digit = (*s >= '0' && *s <= '9') || starts_with(s, "\xEF\xBC");
    return ends_fen || starts_digit ? s : NULL;
}

/* Splits n's inline text into the text before the trailing points and the
 * points themselves (POINTS_NONE when there are none). */
static char *text_and_points(parser *p, cmark_node *n, points *pts)
{
    cmark_node *strong = last_nonblank(n, NULL);
    const char *s = points_text(strong);
    if (!s)
        strong = NULL;
    *pts = POINTS_NONE;
    strbuf sb = {0};
    for (cmark_node *c = cmark_node_first_child(n); c && c != strong; c = cmark_node_next(c))
        mdtext_node(&p->text, c, &sb);
    const char *before = strong ? points_text(last_nonblank(n, strong)) : NULL;
    const char *why;
    if (before) {
        diag_add(p->d, DIAG_ERROR, p->file, line_of(n), "two points at the end: **%s** **%s**; keep one", before, s);
        p->errors++;
        *pts = 0;
    } else if (strong && points_parse(s, pts, &why) < 0) {
        diag_add(p->d, DIAG_ERROR, p->file, line_of(n), "cannot read points '%s': %s", s, why);
        p->errors++;
        *pts = 0; /* stated, if unreadable: no second error that the item has none */
    }
    return trim(sb_take(&sb));
}

/* A field paragraph: **名称**：值.  Returns false when n is not one. */
static bool field_of(parser *p, cmark_node *n, char **name, char **value)
{
    cmark_node *strong = cmark_node_first_child(n);
    if (!strong || cmark_node_get_type(strong) != CMARK_NODE_STRONG)
        return false;
    cmark_node *rest = cmark_node_next(strong);
    if (!rest || cmark_node_get_type(rest) != CMARK_NODE_TEXT)
        return false;
    const char *s = cmark_node_get_literal(rest);
    size_t colon = starts_with(s, "：") ? 3 : starts_with(s, ":") ? 1 : 0;
    if (!colon)
        return false;
    *name = mdtext_of(&p->text, strong);
    strbuf sb = {0};
    mdtext_literal(&p->text, line_of(n), &sb, s + colon);
    for (cmark_node *c = cmark_node_next(rest); c; c = cmark_node_next(c))
        mdtext_node(&p->text, c, &sb);
    *value = trim(sb_take(&sb));
    return true;
}

/* "(一)", "（四）", "一、" at the start of a heading: its length, or 0. */
static size_t label_length(const char *s)
{
    size_t open = *s == '(' ? 1 : starts_with(s, "（") ? 3 : 0;
    if (open) {
        for (size_t i = open; s[i] && i <= open + 12; i++) {
            if (s[i] == ')')
                return i + 1;
            if (starts_with(s + i, "）"))
                return i + 3;
        }
        return 0;
    }
    size_t n = cjk_numerals_length(s);
    return n > 0 && starts_with(s + n, "、") ? n + strlen("、") : 0;
}

static item_kind kind_of_category(const char *name)
{
    if (starts_with(name, "加分"))
        return KIND_BONUS;
    if (starts_with(name, "一票否决"))
        return KIND_VETO;
    return KIND_NORMAL;
}

/* ---- building the model ------------------------------------------------ */

static void open_attachment(parser *p, const char *heading, int line)
{
    document *doc = p->doc;
    GROW(doc->atts, doc->len, doc->cap);
    attachment *a = memset(&doc->atts[doc->len++], 0, sizeof(attachment));
    a->line = line;
    const char *colon = strstr(heading, "：");
    size_t skip = 3;
    if (!colon) {
        colon = strchr(heading, ':');
        skip = 1;
    }
    if (colon) {
        a->label = trim(xstrndup(heading, (size_t)(colon - heading)));
        a->title = trim(xstrdup(colon + skip));
    } else {
        a->label = xstrdup(ATTACH_PREFIX);
        a->title = trim(xstrdup(heading + strlen(ATTACH_PREFIX)));
    }
    if (a->title[0] == '\0')
        fail(p, line, N_("the attachment heading has no title: write # 附件：TITLE"), NULL);
    else if (utf8_length(a->title) > SHORT_TEXT_MAX) {
        diag_add(p->d, DIAG_ERROR, p->file, line, "the attachment's title is %zu characters long; a title has "
                 "at most %d", utf8_length(a->title), SHORT_TEXT_MAX);
        p->errors++;
    }
    p->in_attachment = true;
    p->in_unit = p->in_category = p->in_item = false;
}

static void open_unit(parser *p, const char *name, int line)
{
    attachment *a = cur_att(p);
    GROW(a->units, a->len, a->cap);
    unit *u = memset(&a->units[a->len++], 0, sizeof(unit));
    u->name = name ? xstrdup(name) : NULL;
    u->line = line;
    p->in_unit = true;
    p->in_category = p->in_item = false;
}

static void open_category(parser *p, const char *heading, points pts, int level, int line)
{
    if (!p->in_unit)
        open_unit(p, NULL, line);
    unit *u = cur_unit(p);
    GROW(u->cats, u->len, u->cap);
    category *c = memset(&u->cats[u->len++], 0, sizeof(category));
    size_t k = label_length(heading);
    c->heading = xstrdup(heading);
    c->label = trim(xstrndup(heading, k));
    c->name = trim(xstrdup(heading + k));
    c->pts = pts;
    c->kind = kind_of_category(c->name);
    c->line = line;
    p->in_category = true;
    p->category_level = level;
    p->in_item = false;
}

static item *add_item(parser *p, char *text, points pts, int line)
{
    category *c = cur_cat(p);
    GROW(c->items, c->len, c->cap);
    item *it = memset(&c->items[c->len++], 0, sizeof(item));
    it->text = text;
    it->pts = pts;
    it->name_pts = POINTS_NONE;
    it->kind = c->kind;
    it->line = line;
    if (pts == POINTS_NONE && c->kind != KIND_VETO)
        fail(p, line, N_("the item has no points: end it with its points in bold, e.g. **3分**"), NULL);
    return it;
}

static void append_text(char **text, const char *para)
{
    strbuf sb = {0};
    sb_puts(&sb, *text);
    if (**text)
        sb_putc(&sb, '\n');
    sb_puts(&sb, para);
    free(*text);
    *text = sb_take(&sb);
}

/* ---- blocks ------------------------------------------------------------- */

static bool is_unit_heading(const char *s)
{
    return starts_with(s, UNIT_PREFIX) || starts_with(s, UNIT_PREFIX_ASCII);
}

static void on_heading(parser *p, cmark_node *n)
{
    int level = cmark_node_get_heading_level(n), line = line_of(n);
    points pts;
    char *text = text_and_points(p, n, &pts);
    if (level == 1) {
        if (starts_with(text, ATTACH_PREFIX))
            open_attachment(p, text, line);
        else
            fail(p, line, N_("a level-1 heading starts an attachment and must begin with 附件: '%s'"), text);
    } else if (!p->in_attachment) {
        fail(p, line, N_("headings belong to attachments; start one with '# 附件：TITLE' (got '%s')"), text);
    } else if (!*text) {
        fail(p, line, N_("the heading has points but no name"), NULL);
    } else if (is_unit_heading(text)) {
        const char *name = text + (starts_with(text, UNIT_PREFIX) ? strlen(UNIT_PREFIX) : strlen(UNIT_PREFIX_ASCII));
        char *trimmed = trim(xstrdup(name));
        if (!*trimmed)
            fail(p, line, N_("the unit heading has no name: write 单位：NAME"), NULL);
        if (p->in_unit && !cur_unit(p)->name && cur_unit(p)->len > 0)
            fail(p, line, N_("categories stand before the first 单位 heading: every table of a rubric with units "
                             "needs its 单位 heading"), NULL);
        open_unit(p, trimmed, line);
        free(trimmed);
    } else if (p->in_category && level > p->category_level &&
               (pts != POINTS_NONE || cur_cat(p)->kind == KIND_VETO)) { /* veto items carry no points */
        item *it = add_item(p, xstrdup(""), pts, line);
        it->name = text;
        subpoint_list sl = {0};
        points_scan_inline(text, &sl);
        if (sl.len == 1)
            it->name_pts = sl.items[0];
        free(sl.items);
        p->in_item = true;
        return;
    } else {
        open_category(p, text, pts, level, line);
    }
    free(text);
}

static void on_field(parser *p, char *name, char *value, int line)
{
    field_list *target = NULL;
    if (p->in_item)
        target = &cur_item(p)->fields;
    else if (p->in_category)
        fail(p, line, N_("the field '%s' stands between items; put it under an item heading, its unit or the "
                         "attachment"), name);
    else if (p->in_unit)
        target = &cur_unit(p)->fields;
    else if (p->in_attachment)
        target = &cur_att(p)->fields;
    else
        fail(p, line, N_("the field '%s' stands in the notice body; notice details go in the front matter"), name);
    if (target) {
        if (field_find(target, name))
            fail(p, line, N_("the field '%s' is given twice here"), name);
        else
            field_add(target, name, value, line);
    }
    free(name);
    free(value);
}

static void on_paragraph(parser *p, cmark_node *n)
{
    int line = line_of(n);
    char *name, *value;
    if (field_of(p, n, &name, &value)) {
        on_field(p, name, value, line);
        return;
    }
    char *text = mdtext_of(&p->text, n);
    if (!p->in_attachment) {
        document *doc = p->doc;
        doc->body = xrealloc(doc->body, (doc->nbody + 1) * sizeof *doc->body);
        doc->body[doc->nbody++] = (paragraph){.text = text, .line = line};
        return;
    }
    if (p->in_item) {
        item *it = cur_item(p);
        append_text(&it->text, text);
        points_scan_inline(text, &it->sub);
    } else if (!p->in_unit) {
        attachment *a = cur_att(p);
        a->notes = xrealloc(a->notes, (a->nnotes + 1) * sizeof *a->notes);
        a->notes[a->nnotes++] = xstrdup(text);
    } else {
        fail(p, line, N_("text outside any item: '%s' (items are list entries '- TEXT **N分**' or headings ending in "
                         "**N分**)"), text);
    }
    free(text);
}

/* A list entry: its first paragraph ends in the points; later paragraphs
 * continue the text or are fields. */
static void on_list_entry(parser *p, cmark_node *entry)
{
    cmark_node *first = cmark_node_first_child(entry);
    int line = line_of(entry);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) {
        if (first && cmark_node_get_type(first) == CMARK_NODE_LIST)
            fail(p, line, N_("this item's text starts like a list (e.g. '2. '); write '2\\. ' so it stays text"), NULL);
        else
            fail(p, line, N_("an empty list entry is not an item"), NULL);
        return;
    }
    points pts;
    char *text = text_and_points(p, first, &pts);
    item *it = add_item(p, text, pts, line);
    points_scan_inline(text, &it->sub);
    p->in_item = true; /* fields and paragraphs inside the entry attach to it */
    for (cmark_node *b = cmark_node_next(first); b; b = cmark_node_next(b)) {
        if (cmark_node_get_type(b) == CMARK_NODE_PARAGRAPH)
            on_paragraph(p, b);
        else
            fail(p, line_of(b), N_("only paragraphs may continue an item; items do not nest"), NULL);
    }
    p->in_item = false;
}

static void on_list(parser *p, cmark_node *n)
{
    int line = line_of(n);
    if (!p->in_attachment)
        fail(p, line, N_("a list in the notice body: write numbered points as paragraphs ('1\\. …' keeps the number "
                         "as text)"), NULL);
    else if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
        fail(p, line, N_("items are '- ' entries; an item's own number belongs in its text (write '- 1．…' or "
                         "'- 1\\. …')"), NULL);
    else if (!p->in_category || p->in_item)
        fail(p, line, p->in_item ? N_("a list under an item heading: write the item's text as paragraphs")
                                : N_("items must stand under a category heading"), NULL);
    else
        for (cmark_node *e = cmark_node_first_child(n); e; e = cmark_node_next(e))
            on_list_entry(p, e);
}

static void on_block(parser *p, cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
        on_heading(p, n);
        break;
    case CMARK_NODE_PARAGRAPH:
        on_paragraph(p, n);
        break;
    case CMARK_NODE_LIST:
        on_list(p, n);
        break;
    case CMARK_NODE_HTML_BLOCK:
        if (!mdtext_is_comment(cmark_node_get_literal(n)))
            fail(p, line_of(n), N_("HTML is not part of the rubric format"), NULL);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        break; /* a visual separator for readers of the source; nothing to print */
    case CMARK_NODE_CODE_BLOCK: /* most often an item indented by mistake */
        fail(p, line_of(n), N_("a code block (``` or lines indented by a tab or four spaces) is not part "
                                  "of the rubric format; remove the indent"), NULL);
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        fail(p, line_of(n), N_("a block quote ('> ') is not part of the rubric format"), NULL);
        break;
    default:
        fail(p, line_of(n), N_("a %s is not part of the rubric format"), cmark_node_get_type_string(n));
        break;
    }
}

/* Ids are positions, "category.item" within the unit, so a score file can name
 * an item without repeating its text. */
static void number_items(document *doc)
{
    for (size_t a = 0; a < doc->len; a++) {
        for (size_t u = 0; u < doc->atts[a].len; u++) {
            unit *un = &doc->atts[a].units[u];
            int seq = 0;
            for (size_t c = 0; c < un->len; c++) {
                for (size_t i = 0; i < un->cats[c].len; i++) {
                    item *it = &un->cats[c].items[i];
                    it->seq = ++seq;
                    it->id = xasprintf("%zu.%zu", c + 1, i + 1);
                }
            }
        }
    }
}

/* cmark's own allocator aborts when memory runs out; ours says so as a
 * finding (text.h).  Never changed: cmark's API takes it by non-const
 * pointer, and the nodes keep that pointer after the parser is gone. */
static void *cmark_calloc(size_t n, size_t size) { return xcalloc(n, size); }
static void *cmark_realloc(void *p, size_t n) { return xrealloc(p, n); }
static cmark_mem cmark_allocator = {cmark_calloc, cmark_realloc, free};

static cmark_node *parse_markdown(const char *text, size_t len)
{
    cmark_parser *cp = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &cmark_allocator);
    cmark_parser_feed(cp, text, len);
    cmark_node *root = cmark_parser_finish(cp);
    cmark_parser_free(cp);
    return root;
}

/* Parses text in place; the document takes source, the bytes to embed. */
static int parse(const char *path, char *text, size_t len, char *source, size_t source_len, document **out,
                 diag_list *d)
{
    document *doc = xcalloc(1, sizeof *doc);
    doc->path = xstrdup(path);
    doc->source = source;
    doc->source_len = source_len;
    *out = NULL;
    len = newlines_normalize(text, len); /* done already for a file; text may come from elsewhere */
    if (source_front_matter(text, len, doc, d) < 0) {
        document_free(doc);
        return -1;
    }
    if (!doc->meta_end_line && scores_recognised(text, len)) { /* no front matter: no rubric at all */
        document_free(doc);
        return diag_error(d, path, 1, "this is a scores file, not a rubric; usage: gongwen score RUBRIC.md "
                          "SCORES.yaml");
    }
    cmark_node *root = parse_markdown(text, len);
    if (!root) {
        document_free(doc);
        return diag_error(d, path, 0, "cannot parse Markdown");
    }
    parser p = {.file = path, .d = d, .doc = doc};
    p.text = (mdtext){.file = path, .d = d, .errors = &p.errors};
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n))
        on_block(&p, n);
    cmark_node_free(root);
    if (p.errors) {
        document_free(doc);
        return -1;
    }
    number_items(doc);
    *out = doc;
    return 0;
}

int rubric_parse_text(const char *path, char *text, size_t len, document **out, diag_list *d)
{
    return parse(path, text, len, xstrndup(text, len), len, out, d);
}

int rubric_parse_file(const char *path, document **out, diag_list *d)
{
    char *raw;
    size_t raw_len;
    *out = NULL;
    if (file_read(path, SOURCE_MAX_BYTES, &raw, &raw_len, d) < 0)
        return -1;
    /* The bytes read are what a scored PDF embeds: never the file read again. */
    size_t len = raw_len;
    char *text = xstrndup(raw, raw_len);
    int rc = source_accept(path, text, &len, d);
    if (rc == 0)
        rc = parse(path, text, len, raw, raw_len, out, d);
    else
        free(raw);
    free(text);
    return rc;
}
