/* SPDX-License-Identifier: MIT */
/* pdfcff: a CFF table rewritten CID-keyed, one glyph per CID (see pdfcff.h).
 *
 * Reading checks every offset and length against the table before use; the
 * input comes from HarfBuzz's subsetter, but a font file is still outside
 * data.  Numbers in the DICTs written here take the 5-byte integer form, so
 * each DICT's length is known before the offsets it holds: the pieces are
 * measured, placed, then written.
 */
#include "pdfcff.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Two-byte operators (12 x) are numbered 1200 + x. */
#define OP2(x) (1200 + (x))
enum {
    OP_UNIQUE_ID = 13,
    OP_XUID = 14,
    OP_CHARSET = 15,
    OP_ENCODING = 16,
    OP_CHARSTRINGS = 17,
    OP_PRIVATE = 18,
    OP_SUBRS = 19,
    OP_CHARSTRING_TYPE = OP2(6),
    OP_SYNTHETIC_BASE = OP2(20),
    OP_ROS = OP2(30),
    OP_CID_COUNT = OP2(34),
    OP_UID_BASE = OP2(35),
    OP_FD_ARRAY = OP2(36),
    OP_FD_SELECT = OP2(37),
};

#define MAX_OPERANDS 48      /* a DICT's operand stack, by the CFF specification */
#define STANDARD_STRINGS 391 /* SIDs below this name the standard strings */

typedef struct bytes {
    const unsigned char *p;
    size_t len;
} bytes;

typedef struct cff_index {
    const unsigned char *offs; /* count + 1 offsets of offsize bytes each */
    const unsigned char *data; /* the byte before item 0: offsets start at 1 */
    unsigned count, offsize;
    bytes whole;               /* the INDEX as it lies in the table */
} cff_index;

typedef struct dict_entry {
    int op;
    long args[MAX_OPERANDS]; /* integers; a real operand reads as 0 (none used here is real) */
    int nargs;
    bytes raw;               /* operands and operator as in the table */
} dict_entry;

/* A Font DICT, its Private DICT and local subroutines, as read. */
typedef struct font_dict {
    strbuf dict;   /* its entries but Private, copied (none for a name-keyed input) */
    strbuf priv;   /* the Private DICT's entries but Subrs, copied */
    bytes subrs;   /* the local Subr INDEX, whole; empty when none */
} font_dict;

typedef struct cff_font {
    bytes table, names, top, gsubrs;
    cff_index strings, charstrings;
    font_dict *fds;
    unsigned nfds;
    const unsigned char *fdselect; /* NULL: every glyph uses Font DICT 0 */
} cff_font;

/* sb_put for pieces that may be empty, and then have no bytes at all. */
static void put(strbuf *b, const void *p, size_t n)
{
    if (n)
        sb_put(b, p, n);
}

/* ---- reading ---------------------------------------------------------- */

static unsigned long get_be(const unsigned char *p, unsigned n)
{
    unsigned long v = 0;
    while (n--)
        v = v << 8 | *p++;
    return v;
}

static int read_index(bytes t, size_t at, cff_index *ix)
{
    memset(ix, 0, sizeof *ix);
    if (at > t.len || t.len - at < 2)
        return -1;
    ix->count = (unsigned)get_be(t.p + at, 2);
    size_t end = at + 2;
    if (ix->count > 0) {
        if (t.len - end < 1)
            return -1;
        ix->offsize = t.p[end++];
        size_t offs_len = (size_t)(ix->count + 1) * ix->offsize;
        if (ix->offsize < 1 || ix->offsize > 4 || t.len - end < offs_len)
            return -1;
        ix->offs = t.p + end;
        end += offs_len;
        unsigned long prev = 1;
        for (unsigned i = 0; i <= ix->count; i++) {
            unsigned long o = get_be(ix->offs + (size_t)i * ix->offsize, ix->offsize);
            if (o < prev || (i == 0 && o != 1))
                return -1;
            prev = o;
        }
        if (prev - 1 > t.len - end)
            return -1;
        ix->data = t.p + end - 1;
        end += prev - 1;
    }
    ix->whole = (bytes){t.p + at, end - at};
    return 0;
}

static bytes index_item(const cff_index *ix, unsigned i)
{
    unsigned long a = get_be(ix->offs + (size_t)i * ix->offsize, ix->offsize);
    unsigned long b = get_be(ix->offs + (size_t)(i + 1) * ix->offsize, ix->offsize);
    return (bytes){ix->data + a, b - a};
}

/* Bytes an operand starting with b0 takes, 0 for a reserved byte; a real
 * (30) is measured by the caller. */
static size_t operand_length(unsigned b0)
{
    if (b0 == 28)
        return 3;
    if (b0 == 29)
        return 5;
    if (b0 >= 32 && b0 <= 246)
        return 1;
    if (b0 >= 247 && b0 <= 254)
        return 2;
    return 0;
}

static long operand_value(const unsigned char *s)
{
    unsigned b0 = s[0];
    if (b0 == 28)
        return (int16_t)get_be(s + 1, 2);
    if (b0 == 29)
        return (int32_t)get_be(s + 1, 4);
    if (b0 <= 246)
        return (long)b0 - 139;
    if (b0 <= 250)
        return ((long)b0 - 247) * 256 + s[1] + 108;
    return -((long)b0 - 251) * 256 - s[1] - 108;
}

/* Reads the DICT entry at *p (before end) and moves *p past it. */
static int dict_next(const unsigned char **p, const unsigned char *end, dict_entry *e)
{
    const unsigned char *s = *p;
    e->nargs = 0;
    while (s < end) {
        unsigned b0 = *s;
        if (b0 <= 21) {
            if (b0 == 12 && end - s < 2)
                return -1;
            e->op = b0 == 12 ? OP2(s[1]) : (int)b0;
            s += b0 == 12 ? 2 : 1;
            e->raw = (bytes){*p, (size_t)(s - *p)};
            *p = s;
            return 0;
        }
        size_t k = operand_length(b0);
        long v = 0;
        if (b0 == 30) { /* a real: nibbles up to the nibble 0xF */
            for (k = 1;; k++) {
                if (k >= (size_t)(end - s))
                    return -1;
                if ((s[k] >> 4) == 0xF || (s[k] & 0xF) == 0xF)
                    break;
            }
            k++;
        } else if (k == 0 || k > (size_t)(end - s)) {
            return -1;
        } else {
            v = operand_value(s);
        }
        if (e->nargs == MAX_OPERANDS)
            return -1;
        e->args[e->nargs++] = v;
        s += k;
    }
    return -1; /* operands with no operator */
}

/* The offset operand of an entry, checked to lie inside the table. */
static int offset_arg(const cff_font *f, const dict_entry *e, int i, size_t *out)
{
    if (e->nargs <= i || e->args[i] < 0 || (size_t)e->args[i] >= f->table.len)
        return -1;
    *out = (size_t)e->args[i];
    return 0;
}

/* A Private DICT given by the operands (size, offset) of a Private entry:
 * its entries but Subrs go to fd->priv; its subroutines, whose offset
 * counts from the DICT's start, to fd->subrs. */
static int read_private(const cff_font *f, const dict_entry *e, font_dict *fd)
{
    size_t at;
    if (e->nargs != 2 || e->args[0] < 0 || offset_arg(f, e, 1, &at) != 0 ||
        (size_t)e->args[0] > f->table.len - at)
        return -1;
    const unsigned char *p = f->table.p + at, *end = p + e->args[0];
    dict_entry pe;
    while (p < end) {
        if (dict_next(&p, end, &pe) != 0)
            return -1;
        if (pe.op != OP_SUBRS) {
            put(&fd->priv, pe.raw.p, pe.raw.len);
            continue;
        }
        cff_index subrs;
        if (pe.nargs != 1 || pe.args[0] < 0 || (size_t)pe.args[0] > f->table.len - at ||
            read_index(f->table, at + (size_t)pe.args[0], &subrs) != 0)
            return -1;
        fd->subrs = subrs.whole;
    }
    return 0;
}

/* The Font DICTs of a CID-keyed font, from its FDArray INDEX at `at`. */
static int read_fd_array(cff_font *f, size_t at)
{
    cff_index ix;
    if (read_index(f->table, at, &ix) != 0 || ix.count == 0 || ix.count > 256)
        return -1;
    f->fds = xcalloc(ix.count, sizeof *f->fds);
    f->nfds = ix.count;
    for (unsigned i = 0; i < ix.count; i++) {
        bytes d = index_item(&ix, i);
        const unsigned char *p = d.p, *end = d.p + d.len;
        dict_entry e;
        bool has_private = false;
        while (p < end) {
            if (dict_next(&p, end, &e) != 0)
                return -1;
            if (e.op != OP_PRIVATE)
                put(&f->fds[i].dict, e.raw.p, e.raw.len);
            else if (has_private || read_private(f, &e, &f->fds[i]) != 0)
                return -1;
            else
                has_private = true;
        }
        if (!has_private)
            return -1;
    }
    return 0;
}

/* The Font DICT of glyph gid. */
static int fd_of(const cff_font *f, unsigned gid, unsigned *fd)
{
    *fd = 0;
    if (!f->fdselect)
        return 0;
    const unsigned char *s = f->fdselect, *end = f->table.p + f->table.len;
    if (s[0] == 0) {
        if ((size_t)(end - s) <= 1 + gid)
            return -1;
        *fd = s[1 + gid];
    } else if (s[0] == 3) {
        if (end - s < 3)
            return -1;
        unsigned nranges = (unsigned)get_be(s + 1, 2);
        if ((size_t)(end - s) < 3 + 3 * (size_t)nranges + 2)
            return -1;
        /* Ranges {first glyph, Font DICT}, ascending, then a sentinel: the
         * last range whose first glyph is at most gid holds it. */
        const unsigned char *r = s + 3;
        unsigned lo = 0, hi = nranges;
        while (lo < hi) {
            unsigned mid = lo + (hi - lo) / 2;
            if (get_be(r + 3 * mid, 2) <= gid)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == 0 || gid >= get_be(r + 3 * nranges, 2))
            return -1;
        *fd = r[3 * (lo - 1) + 2];
    } else {
        return -1;
    }
    return *fd < f->nfds ? 0 : -1;
}

/* Where the table goes on after ix. */
static size_t after(bytes t, const cff_index *ix)
{
    return (size_t)(ix->whole.p - t.p) + ix->whole.len;
}

/* Header, the four INDEXes that follow it, and the Top DICT's pointers. */
static int read_font(cff_font *f)
{
    bytes t = f->table;
    cff_index names, tops, gsubrs;
    if (t.len < 4 || t.p[0] != 1 || t.p[2] < 4 || read_index(t, t.p[2], &names) != 0 ||
        names.count != 1 || read_index(t, after(t, &names), &tops) != 0 || tops.count != 1 ||
        read_index(t, after(t, &tops), &f->strings) != 0 ||
        read_index(t, after(t, &f->strings), &gsubrs) != 0)
        return -1;
    f->names = names.whole;
    f->gsubrs = gsubrs.whole;
    f->top = index_item(&tops, 0);
    const unsigned char *p = f->top.p, *end = p + f->top.len;
    dict_entry e, priv = {0};
    size_t charstrings = 0, fd_array = 0, fd_select = 0;
    bool cid_keyed = false;
    while (p < end) {
        if (dict_next(&p, end, &e) != 0)
            return -1;
        switch (e.op) {
        case OP_CHARSTRINGS: if (offset_arg(f, &e, 0, &charstrings) != 0) return -1; break;
        case OP_FD_ARRAY: if (offset_arg(f, &e, 0, &fd_array) != 0) return -1; break;
        case OP_FD_SELECT: if (offset_arg(f, &e, 0, &fd_select) != 0) return -1; break;
        case OP_PRIVATE: priv = e; break;
        case OP_ROS: cid_keyed = true; break;
        case OP_SYNTHETIC_BASE: return -1;
        case OP_CHARSTRING_TYPE: if (e.nargs != 1 || e.args[0] != 2) return -1; break;
        default: break;
        }
    }
    if (!charstrings || read_index(t, charstrings, &f->charstrings) != 0 || f->charstrings.count == 0)
        return -1;
    if (!cid_keyed) {
        f->fds = xcalloc(1, sizeof *f->fds);
        f->nfds = 1;
        return priv.op == OP_PRIVATE ? read_private(f, &priv, &f->fds[0]) : -1;
    }
    f->fdselect = fd_select ? t.p + fd_select : NULL;
    return fd_array ? read_fd_array(f, fd_array) : -1;
}

/* ---- writing ---------------------------------------------------------- */

static void put_be(strbuf *b, unsigned long v, unsigned n)
{
    while (n--)
        sb_putc(b, (char)(v >> 8 * n & 0xFF));
}

static void put_op(strbuf *b, int op)
{
    if (op >= OP2(0))
        put_be(b, 12, 1);
    put_be(b, (unsigned long)(op >= OP2(0) ? op - OP2(0) : op), 1);
}

/* An integer in its 5-byte form, whatever its value. */
static void put_int5(strbuf *b, long v)
{
    put_be(b, 29, 1);
    put_be(b, (unsigned long)v & 0xFFFFFFFFu, 4);
}

static unsigned offsize_for(size_t total)
{
    return total < 0xFF ? 1 : total < 0xFFFF ? 2 : total < 0xFFFFFF ? 3 : 4;
}

static size_t index_length(size_t count, size_t total)
{
    return count ? 3 + (count + 1) * offsize_for(total) + total : 2;
}

static void put_index(strbuf *b, const bytes *items, size_t count)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += items[i].len;
    put_be(b, count, 2);
    if (count == 0)
        return;
    unsigned offsize = offsize_for(total);
    put_be(b, offsize, 1);
    size_t off = 1;
    for (size_t i = 0; i <= count; i++) {
        put_be(b, off, offsize);
        off += i < count ? items[i].len : 0;
    }
    for (size_t i = 0; i < count; i++)
        put(b, items[i].p, items[i].len);
}

/* The Top DICT: a ROS of two added strings, the input's entries that stay,
 * and pointers[] to charset, FDSelect, CharStrings and FDArray.  Its length
 * does not depend on the pointers' values. */
static void put_top(strbuf *b, const cff_font *f, size_t nglyphs, const long pointers[4])
{
    long sid = STANDARD_STRINGS + (long)f->strings.count;
    put_int5(b, sid);     /* "Adobe" */
    put_int5(b, sid + 1); /* "Identity" */
    put_int5(b, 0);
    put_op(b, OP_ROS);
    const unsigned char *p = f->top.p, *end = p + f->top.len;
    dict_entry e;
    while (p < end && dict_next(&p, end, &e) == 0) {
        switch (e.op) {
        case OP_CHARSET: case OP_ENCODING: case OP_CHARSTRINGS: case OP_PRIVATE: case OP_ROS:
        case OP_CID_COUNT: case OP_FD_ARRAY: case OP_FD_SELECT: case OP_UNIQUE_ID: case OP_XUID:
        case OP_UID_BASE:
            break;
        default:
            put(b, e.raw.p, e.raw.len);
        }
    }
    put_int5(b, (long)nglyphs);
    put_op(b, OP_CID_COUNT);
    static const int ops[4] = {OP_CHARSET, OP_FD_SELECT, OP_CHARSTRINGS, OP_FD_ARRAY};
    for (int i = 0; i < 4; i++) {
        put_int5(b, pointers[i]);
        put_op(b, ops[i]);
    }
}

/* The input's strings and the two ROS names. */
static void put_strings(strbuf *b, const cff_font *f)
{
    bytes *items = xmalloc((f->strings.count + 2) * sizeof *items);
    for (unsigned i = 0; i < f->strings.count; i++)
        items[i] = index_item(&f->strings, i);
    items[f->strings.count] = (bytes){(const unsigned char *)"Adobe", 5};
    items[f->strings.count + 1] = (bytes){(const unsigned char *)"Identity", 8};
    put_index(b, items, f->strings.count + 2);
    free(items);
}

/* charset format 2: one range, CIDs 1 … n for glyphs 1 … n. */
static void put_charset(strbuf *b, size_t n)
{
    put_be(b, n ? 2 : 0, 1);
    if (n) {
        put_be(b, 1, 2);
        put_be(b, n - 1, 2);
    }
}

static int put_charstrings(strbuf *b, const cff_font *f, const uint16_t *order, size_t n)
{
    bytes *items = xmalloc((n + 1) * sizeof *items);
    int rc = 0;
    for (size_t k = 0; k <= n && rc == 0; k++) {
        unsigned g = k ? order[k - 1] : 0;
        if (g >= f->charstrings.count)
            rc = -1;
        else
            items[k] = index_item(&f->charstrings, g);
    }
    if (rc == 0)
        put_index(b, items, n + 1);
    free(items);
    return rc;
}

/* A Private DICT as written: its entries, then Subrs pointing just past it. */
static size_t private_length(const font_dict *fd)
{
    return fd->priv.len + (fd->subrs.len ? 6 : 0);
}

#define PRIVATE_ENTRY 11 /* two 5-byte operands and the operator */

/* The FDArray INDEX, starting at `at`: each Font DICT's entries and a
 * Private entry for the Private DICTs that follow the INDEX (put_privates). */
static void put_fd_array(strbuf *b, const cff_font *f, long at)
{
    size_t total = 0;
    for (unsigned i = 0; i < f->nfds; i++)
        total += f->fds[i].dict.len + PRIVATE_ENTRY;
    long priv_at = at + (long)index_length(f->nfds, total);
    strbuf dicts = {0};
    bytes *items = xmalloc(f->nfds * sizeof *items);
    for (unsigned i = 0; i < f->nfds; i++) {
        const font_dict *fd = &f->fds[i];
        put(&dicts, fd->dict.data, fd->dict.len);
        put_int5(&dicts, (long)private_length(fd));
        put_int5(&dicts, priv_at);
        put_op(&dicts, OP_PRIVATE);
        priv_at += (long)(private_length(fd) + fd->subrs.len);
    }
    size_t from = 0;
    for (unsigned i = 0; i < f->nfds; i++) {
        size_t len = f->fds[i].dict.len + PRIVATE_ENTRY;
        items[i] = (bytes){(const unsigned char *)dicts.data + from, len};
        from += len;
    }
    put_index(b, items, f->nfds);
    free(items);
    sb_free(&dicts);
}

static void put_privates(strbuf *b, const cff_font *f)
{
    for (unsigned i = 0; i < f->nfds; i++) {
        const font_dict *fd = &f->fds[i];
        put(b, fd->priv.data, fd->priv.len);
        if (fd->subrs.len) {
            put_int5(b, (long)private_length(fd));
            put_op(b, OP_SUBRS);
            put(b, fd->subrs.p, fd->subrs.len);
        }
    }
}

/* FDSelect format 3: runs of glyphs with one Font DICT. */
static int put_fd_select(strbuf *b, const cff_font *f, const uint16_t *order, size_t n)
{
    strbuf ranges = {0};
    unsigned nranges = 0, last = 0;
    int rc = 0;
    for (size_t k = 0; k <= n && rc == 0; k++) {
        unsigned fd;
        rc = fd_of(f, k ? order[k - 1] : 0, &fd);
        if (rc == 0 && (k == 0 || fd != last)) {
            put_be(&ranges, k, 2);
            put_be(&ranges, fd, 1);
            nranges++;
            last = fd;
        }
    }
    put_be(b, 3, 1);
    put_be(b, nranges, 2);
    put(b, ranges.data, ranges.len);
    put_be(b, n + 1, 2); /* sentinel: the number of glyphs */
    sb_free(&ranges);
    return rc;
}

static int write_font(const cff_font *f, const uint16_t *order, size_t n, strbuf *out)
{
    strbuf top = {0}, strings = {0}, charset = {0}, fdselect = {0}, charstrings = {0};
    const long unplaced[4] = {0};
    put_top(&top, f, n + 1, unplaced); /* only measured */
    put_strings(&strings, f);
    put_charset(&charset, n);
    int rc = put_fd_select(&fdselect, f, order, n);
    if (rc == 0)
        rc = put_charstrings(&charstrings, f, order, n);
    /* The layout: header, Name, Top DICT, String and Global Subr INDEXes,
     * then what the Top DICT points to, in this order. */
    long at = (long)(4 + f->names.len + index_length(1, top.len) + strings.len + f->gsubrs.len);
    long pointers[4] = {at, at + (long)charset.len, at + (long)(charset.len + fdselect.len),
                        at + (long)(charset.len + fdselect.len + charstrings.len)};
    if (rc == 0) {
        put(out, "\x01\x00\x04\x04", 4); /* CFF 1.0, header of 4 bytes, 4-byte offsets */
        put(out, f->names.p, f->names.len);
        sb_free(&top);
        put_top(&top, f, n + 1, pointers);
        bytes t = {(const unsigned char *)top.data, top.len};
        put_index(out, &t, 1);
        put(out, strings.data, strings.len);
        put(out, f->gsubrs.p, f->gsubrs.len);
        put(out, charset.data, charset.len);
        put(out, fdselect.data, fdselect.len);
        put(out, charstrings.data, charstrings.len);
        put_fd_array(out, f, pointers[3]);
        put_privates(out, f);
    }
    sb_free(&top);
    sb_free(&strings);
    sb_free(&charset);
    sb_free(&fdselect);
    sb_free(&charstrings);
    return rc;
}

int pdfcff_rekey(const unsigned char *cff, size_t len, const uint16_t *order, size_t n, strbuf *out)
{
    cff_font f = {.table = {cff, len}};
    size_t before = out->len;
    int rc = n < 0xFFFF && read_font(&f) == 0 ? write_font(&f, order, n, out) : -1;
    if (rc != 0 && out->data) {
        out->len = before;
        out->data[before] = '\0';
    }
    for (unsigned i = 0; i < f.nfds; i++) {
        sb_free(&f.fds[i].dict);
        sb_free(&f.fds[i].priv);
    }
    free(f.fds);
    return rc;
}
