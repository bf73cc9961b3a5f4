/* SPDX-License-Identifier: MIT */
/* mdtext: Markdown inline content as the plain text a document prints
 * (mdtext.h). */
#include "mdtext.h"

#include <string.h>

#include "intl.h"

static int line_of(cmark_node *n) { return cmark_node_get_start_line(n); }

static void fail(const mdtext *m, int line, const char *fmt, const char *arg)
{
    diag_add(m->d, DIAG_ERROR, m->file, line, fmt, arg);
    (*m->errors)++;
}

/* A soft line break joins Chinese lines with nothing, Latin words with a space. */
static void put_softbreak(strbuf *sb)
{
    if (sb->len > 0 && (unsigned char)sb->data[sb->len - 1] < 0x80)
        sb_putc(sb, ' ');
}

bool mdtext_is_comment(const char *html)
{
    return html && starts_with(html, "<!--");
}

bool mdtext_is_blank(cmark_node *n)
{
    if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
        return false;
    for (const char *s = cmark_node_get_literal(n); *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

/* The first control character of a literal, or 0.  Raw ones are refused
 * with the file (source.h); these come from entities such as &#x1b;.  A line
 * feed (&#10;) counts too: inside text it would split the paragraph. */
static uint32_t literal_control(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k > 0 && (cp_is_control(cp) || cp == '\n'))
            return cp;
        i += k ? k : 1;
    }
    return 0;
}

/* A tab between words is white space like a space; drawn, it would be the
 * font's glyph for U+0009. */
void mdtext_literal(const mdtext *m, int line, strbuf *sb, const char *s)
{
    uint32_t cp = literal_control(s);
    if (cp) {
        diag_add(m->d, DIAG_ERROR, m->file, line, "control character U+%04X (an entity such as &#%u;): "
                 "not text; delete it", (unsigned)cp, (unsigned)cp);
        (*m->errors)++;
        return;
    }
    for (; *s; s++)
        sb_putc(sb, *s == '\t' ? ' ' : *s);
}

static void children(const mdtext *m, cmark_node *n, strbuf *sb)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
        mdtext_node(m, c, sb);
}

void mdtext_node(const mdtext *m, cmark_node *n, strbuf *sb)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
        mdtext_literal(m, line_of(cmark_node_parent(n)), sb, cmark_node_get_literal(n));
        break;
    case CMARK_NODE_SOFTBREAK:
        put_softbreak(sb);
        break;
    case CMARK_NODE_LINEBREAK:
        sb_putc(sb, '\n');
        break;
    case CMARK_NODE_HTML_INLINE:
        if (!mdtext_is_comment(cmark_node_get_literal(n)))
            fail(m, line_of(cmark_node_parent(n)), N_("HTML is not part of the rubric format: %s"),
                 cmark_node_get_literal(n));
        break;
    case CMARK_NODE_IMAGE:
        fail(m, line_of(cmark_node_parent(n)), N_("images are not part of the rubric format"), NULL);
        break;
    default: /* emphasis, strong, links: their text */
        children(m, n, sb);
        break;
    }
}

char *mdtext_of(const mdtext *m, cmark_node *n)
{
    strbuf sb = {0};
    children(m, n, &sb);
    return trim(sb_take(&sb));
}
