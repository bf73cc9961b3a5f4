/* SPDX-License-Identifier: MIT */
/* fonts: the font map and FreeType facts about its faces.
 *
 * The map is read through ytree (libyaml).  Each distinct (file, face index)
 * is opened once with FreeType and kept open for coverage and advance queries
 * until fontset_free.  Coverage is asked of the face's Unicode cmap directly
 * (FT_Get_Char_Index is a binary search in the cmap): a document has a few
 * thousand characters and a role a handful of candidates, so a cache would
 * cost more memory than it saves time.  Whether a face has all of GB 2312 is
 * counted once per face, and only for the candidates up to a role's face;
 * for a face fontconfig found, its record is taken (fontfind.h).
 */
#include "fonts.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include "fileio.h"
#include "fontfind.h"
#include "gb2312.h"
#include "intl.h"
#include "text.h"
#include "ytree.h"

typedef struct face_rec {
    char *path;     /* as resolved from the map (first spelling seen) */
    dev_t dev;      /* identity of the file, so two spellings are one face */
    ino_t ino;
    int index;
    char *family;
    FT_Face ft;
    long missing;   /* GB 2312 hanzi it lacks; -1 until counted */
} face_rec;

typedef struct role_rec {
    font_candidate *cands;  /* every candidate, in the map's order */
    size_t ncands, capcands;
    int *faces;             /* the role's face, then its fallbacks */
    size_t nfaces, capfaces;
} role_rec;

struct fontset {
    FT_Library lib;
    face_rec *faces;
    size_t nfaces, cap;
    role_rec roles[ROLE_COUNT];
};

/* What loading needs besides the set: the map, its folder, and what is
 * fetched on first need: fontconfig (for the first family) and the hanzi of
 * GB 2312 (for the first face that must have them). */
typedef struct loader {
    fontset *fs;
    const char *map;
    char *dir;
    diag_list *d;
    font_finder *finder;
    bool finder_tried;
    uint32_t *hanzi;
    size_t nhanzi;
    bool hanzi_read;
} loader;

/* NULL-terminated, for ymap_check_keys. */
static const char *const ROLE_NAMES[ROLE_COUNT + 1] = {
    [ROLE_XIAOBIAOSONG] = "xiaobiaosong",
    [ROLE_FANGSONG] = "fangsong",
    [ROLE_HEI] = "hei",
    [ROLE_KAI] = "kai",
    [ROLE_SONG] = "song",
    [ROLE_COUNT] = NULL,
};

int font_role_from_name(const char *name)
{
    for (int r = 0; r < ROLE_COUNT; r++)
        if (name && strcmp(name, ROLE_NAMES[r]) == 0)
            return r;
    return -1;
}

const char *font_role_name(font_role role)
{
    return (unsigned)role < ROLE_COUNT ? ROLE_NAMES[role] : "?";
}

/* ---- opening faces ---------------------------------------------------- */

/* The map's folder, for resolving relative candidate paths. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

static int find_face(const fontset *fs, const struct stat *st, int index)
{
    for (size_t i = 0; i < fs->nfaces; i++) {
        const face_rec *f = &fs->faces[i];
        if (f->index == index && f->dev == st->st_dev && f->ino == st->st_ino)
            return (int)i;
    }
    return -1;
}

/* Why a face that FreeType opened cannot serve (in the reader's language),
 * or NULL if it can. */
static const char *unusable_reason(FT_Face ft)
{
    if (!FT_IS_SFNT(ft))
        return _("not a TrueType/OpenType font");
    FT_ULong len = 0;
    /* pdffont embeds TrueType (glyf) and CFF outlines; CFF2, the outlines
     * of variable OpenType fonts, has no place in a PDF. */
    if (FT_Load_Sfnt_Table(ft, TTAG_glyf, 0, NULL, &len) != 0 &&
        FT_Load_Sfnt_Table(ft, TTAG_CFF, 0, NULL, &len) != 0)
        return FT_Load_Sfnt_Table(ft, TTAG_CFF2, 0, NULL, &len) == 0
                   ? _("CFF2 outlines (a variable font), which a PDF cannot embed")
                   : _("no TrueType or CFF outlines");
    if (FT_Select_Charmap(ft, FT_ENCODING_UNICODE) != 0)
        return _("no Unicode character map");
    /* The font's licence says it may not be embedded or subset (OS/2 fsType). */
    FT_UShort fstype = FT_Get_FSType_Flags(ft);
    if (fstype & (FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING | FT_FSTYPE_NO_SUBSETTING |
                  FT_FSTYPE_BITMAP_EMBEDDING_ONLY))
        return _("its licence flags (OS/2 fsType) forbid embedding");
    return NULL;
}

/* A warning about the found candidate c: "FAMILY (FILE, face N): …", or
 * "FILE (face N): …" for a file; fmt is looked up already. */
static void warn_about(loader *ld, const font_candidate *c, const char *fmt, ...) GW_PRINTF(3, 4);
static void warn_about(loader *ld, const font_candidate *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = xvasprintf(fmt, ap);
    va_end(ap);
    if (c->family)
        diag_warning(ld->d, ld->map, c->line, "%s (%s, face %d): %s", c->name, c->path, c->index, what);
    else
        diag_warning(ld->d, ld->map, c->line, "%s (face %d): %s", c->path, c->index, what);
    free(what);
}

/* Opens c's file (c->path, face index) unless already open: sets c->face,
 * or marks c absent (no such file: the normal case for a candidate this
 * machine lacks) or unusable, with a warning.  -1 (an error) when memory ran
 * out. */
static int open_face(loader *ld, font_candidate *c, int index)
{
    fontset *fs = ld->fs;
    c->index = index;
    struct stat st;
    if (stat(c->path, &st) != 0 || !S_ISREG(st.st_mode)) {
        c->status = FONT_CANDIDATE_ABSENT;
        return 0;
    }
    if ((c->face = find_face(fs, &st, index)) >= 0)
        return 0;
    FT_Face ft;
    FT_Error err = FT_New_Face(fs->lib, c->path, index, &ft);
    /* Short of memory the font is not at fault: an error, not a skip. */
    if (err && (err == FT_Err_Out_Of_Memory || file_map_error(c->path) == ENOMEM))
        return diag_error(ld->d, c->path, 0, "out of memory: cannot load this %lld MB font",
                          (long long)(st.st_size >> 20));
    const char *why = err ? NULL : unusable_reason(ft);
    if (err || why) {
        c->status = FONT_CANDIDATE_UNUSABLE;
        c->why = err ? xasprintf(_("FreeType cannot open it (error 0x%02X)"), (unsigned)err) : xstrdup(why);
        warn_about(ld, c, _("skipped: %s"), c->why);
        if (!err)
            FT_Done_Face(ft);
        return 0;
    }
    GROW(fs->faces, fs->nfaces, fs->cap);
    face_rec *f = &fs->faces[fs->nfaces];
    f->path = xstrdup(c->path);
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->index = index;
    f->family = xstrdup(ft->family_name ? ft->family_name : "?");
    f->ft = ft;
    f->missing = -1;
    c->face = (int)fs->nfaces++;
    return 0;
}

/* The hanzi of GB 2312, read on first need. */
static void read_hanzi(loader *ld)
{
    if (!ld->hanzi_read) {
        ld->nhanzi = gb2312_hanzi(&ld->hanzi);
        ld->hanzi_read = true;
    }
}

/* The installed face of a family, through fontconfig (loaded on the first
 * family): c->path and *index, and how many GB 2312 hanzi it lacks by
 * fontconfig's record; or c marked absent. */
static int find_family(loader *ld, font_candidate *c, int *index, long *missing)
{
    if (!ld->finder_tried) {
        ld->finder_tried = true;
        read_hanzi(ld);
        if (!(ld->finder = font_finder_new(ld->hanzi, ld->nhanzi)))
            diag_warning(ld->d, ld->map, c->line, "fontconfig cannot load its configuration: "
                         "no family of the map is found, only files");
    }
    font_found found;
    if (!ld->finder || !font_finder_find(ld->finder, c->name, c->style, &found)) {
        c->status = FONT_CANDIDATE_ABSENT;
        return -1;
    }
    c->path = found.path;
    *index = found.index;
    *missing = (long)found.missing;
    return 0;
}

/* ---- the map's candidates --------------------------------------------- */

/* Parses a non-negative face index. */
static int parse_index(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0 || v > INT_MAX)
        return -1;
    *out = (int)v;
    return 0;
}

#define CANDIDATE_FORMS "{family: NAME}, {family: NAME, style: STYLE} or {file: PATH, index: N}"

/* The candidate written at c, found and opened; -1 when it is malformed. */
static int load_candidate(loader *ld, role_rec *role, const ynode *c)
{
    static const char *const keys[] = {"family", "style", "file", "index", NULL};
    if (c->kind != Y_MAP)
        return diag_error(ld->d, ld->map, c->line, "a candidate must be a map: %s", CANDIDATE_FORMS);
    if (ymap_check_keys(c, keys, ld->map, N_("candidate key"), ld->d) != 0)
        return -1;
    const char *family = ymap_str(c, "family"), *file = ymap_str(c, "file");
    const char *style = ymap_str(c, "style"), *idx = ymap_str(c, "index");
    if ((family && *family) == (file && *file) || (family && idx) || (file && style) ||
        (style && !*style))
        return diag_error(ld->d, ld->map, c->line, "a candidate names a family or a file: %s", CANDIDATE_FORMS);
    int index = 0;
    if (idx && parse_index(idx, &index) != 0)
        return diag_error(ld->d, ld->map, c->line, "index '%s' is not a face number (0, 1, …)", idx);
    GROW(role->cands, role->ncands, role->capcands);
    font_candidate *cand = &role->cands[role->ncands++];
    memset(cand, 0, sizeof *cand);
    cand->family = family != NULL;
    cand->name = xstrdup(family ? family : file);
    cand->style = style ? xstrdup(style) : NULL;
    cand->line = c->line;
    cand->face = -1;
    long missing = -1; /* unknown until counted */
    if (family && find_family(ld, cand, &index, &missing) != 0)
        return 0;
    if (file)
        cand->path = file[0] == '/' ? xstrdup(file) : xasprintf("%s/%s", ld->dir, file);
    if (open_face(ld, cand, index) != 0)
        return -1;
    if (cand->face >= 0 && ld->fs->faces[cand->face].missing < 0)
        ld->fs->faces[cand->face].missing = missing;
    return 0;
}

/* ---- choosing a role's face ------------------------------------------- */

/* The GB 2312 hanzi face lacks: fontconfig's count for a family found
 * through it, else FreeType's, counted on first need. */
static size_t gb2312_missing(loader *ld, int face)
{
    face_rec *f = &ld->fs->faces[face];
    if (f->missing < 0) {
        read_hanzi(ld);
        f->missing = 0;
        for (size_t i = 0; i < ld->nhanzi; i++)
            f->missing += FT_Get_Char_Index(f->ft, ld->hanzi[i]) == 0;
    }
    return (size_t)f->missing;
}

/* Whether a candidate before the i-th has its face. */
static bool face_seen_before(const role_rec *role, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (role->cands[j].face == role->cands[i].face)
            return true;
    return false;
}

/* The role's face and fallbacks, and what became of each candidate. */
static void choose(loader *ld, font_role r)
{
    role_rec *role = &ld->fs->roles[r];
    size_t chosen = role->ncands, usable = 0;
    for (size_t i = 0; i < role->ncands; i++)
        usable += role->cands[i].face >= 0;
    /* With one usable candidate there is nothing to choose: no need to count. */
    for (size_t i = 0; i < role->ncands && chosen == role->ncands && usable > 1; i++)
        if (role->cands[i].face >= 0 && gb2312_missing(ld, role->cands[i].face) == 0)
            chosen = i;
    for (size_t i = 0; i < role->ncands && chosen == role->ncands; i++)
        if (role->cands[i].face >= 0)
            chosen = i;  /* none has all of GB 2312: the first usable */
    for (size_t i = 0; i < role->ncands; i++) {
        font_candidate *c = &role->cands[i];
        if (c->face < 0)
            continue;
        if (face_seen_before(role, i)) {
            c->status = FONT_CANDIDATE_REPEATED;
        } else if (i < chosen) {
            c->status = FONT_CANDIDATE_INCOMPLETE;
            c->missing = gb2312_missing(ld, c->face);
            warn_about(ld, c, _("passed over for role %s: it lacks %zu of the %zu hanzi of GB 2312"), ROLE_NAMES[r],
                       c->missing, ld->nhanzi);
        } else {
            c->status = i == chosen ? FONT_CANDIDATE_CHOSEN : FONT_CANDIDATE_FALLBACK;
            GROW(role->faces, role->nfaces, role->capfaces);
            role->faces[role->nfaces++] = c->face;
        }
    }
}

static int load_role(loader *ld, font_role r, const ynode *list)
{
    if (list->kind != Y_LIST)
        return diag_error(ld->d, ld->map, list->line, "role %s: expected a list of candidates",
                          ROLE_NAMES[r]);
    int rc = 0;
    for (size_t i = 0; i < list->len; i++)
        if (load_candidate(ld, &ld->fs->roles[r], list->kids[i]) != 0)
            rc = -1;
    if (rc == 0)
        choose(ld, r);
    if (rc == 0 && ld->fs->roles[r].nfaces == 0)
        rc = diag_error(ld->d, ld->map, list->line,
                        "role %s: none of its %zu candidate fonts is installed and usable; "
                        "install one of its families (fc-list lists what is installed) or name a "
                        "font file", ROLE_NAMES[r], list->len);
    return rc;
}

static int load_map(loader *ld, const ynode *root)
{
    if (root->kind != Y_MAP)
        return diag_error(ld->d, ld->map, root->line, "the font map must be a map of roles");
    /* An unknown role is most likely a misspelt one: report it and go on, so
     * the "missing" report for the intended role comes with it. */
    int rc = ymap_check_keys(root, ROLE_NAMES, ld->map, N_("role"), ld->d);
    for (int r = 0; r < ROLE_COUNT; r++) {
        const ynode *list = ymap_get(root, ROLE_NAMES[r]);
        if (!list)
            rc = diag_error(ld->d, ld->map, 0, "role %s is missing", ROLE_NAMES[r]);
        else if (load_role(ld, (font_role)r, list) != 0)
            rc = -1;
    }
    return rc;
}

/* Takes root (frees it). */
static int fontset_from_tree(const char *fontmap_path, ynode *root, fontset **out, diag_list *d)
{
    loader ld = {.fs = xcalloc(1, sizeof *ld.fs), .map = fontmap_path, .dir = dir_of(fontmap_path), .d = d};
    int rc = 0;
    if (FT_Init_FreeType(&ld.fs->lib) != 0) {
        ld.fs->lib = NULL;
        rc = diag_error(d, fontmap_path, 0, "cannot initialise FreeType");
    } else {
        rc = load_map(&ld, root);
    }
    ytree_free(root);
    font_finder_free(ld.finder);
    free(ld.hanzi);
    free(ld.dir);
    if (rc != 0) {
        fontset_free(ld.fs);
        return -1;
    }
    *out = ld.fs;
    return 0;
}

int fontset_load(const char *fontmap_path, fontset **out, diag_list *d)
{
    return fontset_load_text(fontmap_path, NULL, 0, out, d);
}

int fontset_load_text(const char *fontmap_path, const char *text, size_t len, fontset **out, diag_list *d)
{
    *out = NULL;
    ynode *root;
    if (ytree_read(fontmap_path, text, len, &root, d) != 0)
        return -1;
    return fontset_from_tree(fontmap_path, root, out, d);
}

void fontset_free(fontset *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->nfaces; i++) {
        FT_Done_Face(fs->faces[i].ft);
        free(fs->faces[i].path);
        free(fs->faces[i].family);
    }
    free(fs->faces);
    for (int r = 0; r < ROLE_COUNT; r++) {
        role_rec *role = &fs->roles[r];
        for (size_t i = 0; i < role->ncands; i++) {
            free(role->cands[i].name);
            free(role->cands[i].style);
            free(role->cands[i].path);
            free(role->cands[i].why);
        }
        free(role->cands);
        free(role->faces);
    }
    if (fs->lib)
        FT_Done_FreeType(fs->lib);
    free(fs);
}

/* ---- queries ---------------------------------------------------------- */

static const face_rec *face_at(const fontset *fs, int face)
{
    return fs && face >= 0 && (size_t)face < fs->nfaces ? &fs->faces[face] : NULL;
}

bool fontset_face_covers(const fontset *fs, int face, uint32_t cp)
{
    const face_rec *f = face_at(fs, face);
    return f && FT_Get_Char_Index(f->ft, cp) != 0;
}

int fontset_face_for(const fontset *fs, font_role role, uint32_t cp)
{
    if (!fs || (unsigned)role >= ROLE_COUNT)
        return -1;
    const role_rec *rr = &fs->roles[role];
    for (size_t i = 0; i < rr->nfaces; i++)
        if (fontset_face_covers(fs, rr->faces[i], cp))
            return rr->faces[i];
    return -1;
}

size_t fontset_role_faces(const fontset *fs, font_role role, const int **faces)
{
    if (!fs || (unsigned)role >= ROLE_COUNT) {
        *faces = NULL;
        return 0;
    }
    *faces = fs->roles[role].faces;
    return fs->roles[role].nfaces;
}

size_t fontset_candidates(const fontset *fs, font_role role, const font_candidate **out)
{
    if (!fs || (unsigned)role >= ROLE_COUNT) {
        *out = NULL;
        return 0;
    }
    *out = fs->roles[role].cands;
    return fs->roles[role].ncands;
}

bool fontset_ink_height(const fontset *fs, int face, uint32_t cp, double *ymin, double *ymax)
{
    const face_rec *f = face_at(fs, face);
    if (!f || FT_Load_Glyph(f->ft, FT_Get_Char_Index(f->ft, cp), FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0 ||
        f->ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE || f->ft->glyph->outline.n_points == 0)
        return false;
    FT_BBox box;
    FT_Outline_Get_CBox(&f->ft->glyph->outline, &box);
    *ymin = (double)box.yMin / f->ft->units_per_EM;
    *ymax = (double)box.yMax / f->ft->units_per_EM;
    return true;
}

double fontset_advance(const fontset *fs, int face, uint32_t cp)
{
    const face_rec *f = face_at(fs, face);
    if (!f)
        return 0.0;
    FT_Fixed adv = 0;
    /* Unscaled: font units, exact, independent of any pixel size. */
    if (FT_Get_Advance(f->ft, FT_Get_Char_Index(f->ft, cp), FT_LOAD_NO_SCALE, &adv) != 0)
        return 0.0;
    return (double)adv / f->ft->units_per_EM;
}

double fontset_ascender(const fontset *fs, int face)
{
    const face_rec *f = face_at(fs, face);
    return f ? (double)f->ft->ascender / f->ft->units_per_EM : 0.0;
}

double fontset_descender(const fontset *fs, int face)
{
    const face_rec *f = face_at(fs, face);
    return f ? (double)f->ft->descender / f->ft->units_per_EM : 0.0;
}

size_t fontset_face_count(const fontset *fs) { return fs ? fs->nfaces : 0; }

const char *fontset_face_path(const fontset *fs, int face)
{
    const face_rec *f = face_at(fs, face);
    return f ? f->path : NULL;
}

int fontset_face_index(const fontset *fs, int face)
{
    const face_rec *f = face_at(fs, face);
    return f ? f->index : -1;
}

const char *fontset_face_family(const fontset *fs, int face)
{
    const face_rec *f = face_at(fs, face);
    return f ? f->family : NULL;
}

/* ---- checking text ---------------------------------------------------- */

static char *families_of(const fontset *fs, font_role role)
{
    strbuf sb = {0};
    const role_rec *rr = &fs->roles[role];
    for (size_t i = 0; i < rr->nfaces; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", fs->faces[rr->faces[i]].family);
    return sb_take(&sb);
}

static bool seen_before(uint32_t **seen, size_t *n, size_t *cap, uint32_t cp)
{
    for (size_t i = 0; i < *n; i++)
        if ((*seen)[i] == cp)
            return true;
    GROW(*seen, *n, *cap);
    (*seen)[(*n)++] = cp;
    return false;
}

static void report_missing(const fontset *fs, font_role role, uint32_t cp, const char *file,
                           int line, diag_list *d)
{
    strbuf ch = {0};
    utf8_encode(&ch, cp);
    char *fams = families_of(fs, role);
    diag_error(d, file, line, "%s (U+%04X) is in no font of role %s (tried: %s)", ch.data,
               (unsigned)cp, ROLE_NAMES[role], fams);
    free(fams);
    sb_free(&ch);
}

int fontset_check_text(const fontset *fs, font_role role, const char *text, const char *file,
                       int line, diag_list *d)
{
    if (!fs || (unsigned)role >= ROLE_COUNT)
        return diag_error(d, file, line, "internal: unknown font role %d", (int)role);
    uint32_t *seen = NULL;   /* report each missing character once per call */
    size_t nseen = 0, capseen = 0;
    size_t len = strlen(text);
    int rc = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(text + i, len - i, &cp);
        if (k == 0) {
            rc = diag_error(d, file, line, "invalid UTF-8 at byte %zu", i);
            break;
        }
        i += k;
        if (cp < 0x20 || cp == 0x7F)
            continue;  /* line breaks and tabs are layout, not glyphs */
        if (fontset_face_for(fs, role, cp) >= 0)
            continue;
        if (!seen_before(&seen, &nseen, &capseen, cp))
            report_missing(fs, role, cp, file, line, d);
        rc = -1;
    }
    free(seen);
    return rc;
}
