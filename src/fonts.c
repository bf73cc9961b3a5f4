/* SPDX-License-Identifier: MIT */
/* fonts: the font map and FreeType facts about its faces.
 *
 * The map is read through ytree (libyaml).  Each distinct (file, face index)
 * is opened once with FreeType and kept open for coverage and advance queries
 * until fontset_free.  Coverage is asked of the face's Unicode cmap directly
 * (FT_Get_Char_Index is a binary search in the cmap): a document has a few
 * thousand characters and a role a handful of candidates, so a cache would
 * cost more memory than it saves time.
 */
#include "fonts.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include "fileio.h"
#include "text.h"
#include "ytree.h"

typedef struct face_rec {
    char *path;     /* as resolved from the map (first spelling seen) */
    dev_t dev;      /* identity of the file, so two spellings are one face */
    ino_t ino;
    int index;
    char *family;
    FT_Face ft;
} face_rec;

struct fontset {
    FT_Library lib;
    face_rec *faces;
    size_t nfaces, cap;
    int *cands[ROLE_COUNT];     /* face ids, in the map's order */
    size_t ncands[ROLE_COUNT], capcands[ROLE_COUNT];
};

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

/* ---- loading ---------------------------------------------------------- */

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

/* Why a face that FreeType opened cannot serve, or NULL if it can. */
static const char *unusable_reason(FT_Face ft)
{
    if (!FT_IS_SFNT(ft))
        return "not a TrueType/OpenType font";
    FT_ULong len = 0;
    /* pdffont embeds glyf/loca outlines (FontFile2).  CFF-flavoured OpenType
     * (Noto CJK, Source Han, Fandol) would need FontFile3, and its CJK
     * subsets measured larger than TrueType ones for the same text. */
    if (FT_Load_Sfnt_Table(ft, TTAG_glyf, 0, NULL, &len) != 0)
        return "CFF (PostScript) outlines; gongwen embeds only TrueType-outline fonts";
    if (FT_Select_Charmap(ft, FT_ENCODING_UNICODE) != 0)
        return "no Unicode character map";
    /* The font's licence says it may not be embedded or subset (OS/2 fsType). */
    FT_UShort fstype = FT_Get_FSType_Flags(ft);
    if (fstype & (FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING | FT_FSTYPE_NO_SUBSETTING |
                  FT_FSTYPE_BITMAP_EMBEDDING_ONLY))
        return "its licence flags (OS/2 fsType) forbid embedding";
    return NULL;
}

/* Opens (path, index) unless already open.  Returns the face id, or -1 when
 * the file is absent (silently) or unusable (with a warning), or -2 when
 * memory ran out (an error: the font is not at fault). */
static int open_face(fontset *fs, const char *path, int index, const char *map, int line,
                     diag_list *d)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;  /* a candidate this machine does not have: the normal case */
    int id = find_face(fs, &st, index);
    if (id >= 0)
        return id;
    FT_Face ft;
    FT_Error err = FT_New_Face(fs->lib, path, index, &ft);
    if (err && (err == FT_Err_Out_Of_Memory || file_map_error(path) == ENOMEM)) {
        diag_error(d, path, 0, "out of memory: cannot load this %lld MB font", (long long)(st.st_size >> 20));
        return -2;
    }
    if (err) {
        diag_warning(d, map, line, "%s (face %d): skipped: FreeType cannot open it (error 0x%02X)",
                     path, index, (unsigned)err);
        return -1;
    }
    const char *why = unusable_reason(ft);
    if (why) {
        diag_warning(d, map, line, "%s (face %d): skipped: %s", path, index, why);
        FT_Done_Face(ft);
        return -1;
    }
    GROW(fs->faces, fs->nfaces, fs->cap);
    face_rec *f = &fs->faces[fs->nfaces];
    f->path = xstrdup(path);
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->index = index;
    f->family = xstrdup(ft->family_name ? ft->family_name : "?");
    f->ft = ft;
    return (int)fs->nfaces++;
}

static void add_candidate(fontset *fs, font_role role, int face)
{
    for (size_t i = 0; i < fs->ncands[role]; i++)
        if (fs->cands[role][i] == face)
            return;  /* listed twice: the second entry adds nothing */
    GROW(fs->cands[role], fs->ncands[role], fs->capcands[role]);
    fs->cands[role][fs->ncands[role]++] = face;
}

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

static int load_candidate(fontset *fs, font_role role, const ynode *c, const char *dir,
                          const char *map, diag_list *d)
{
    static const char *const keys[] = {"file", "index", NULL};
    if (c->kind != Y_MAP)
        return diag_error(d, map, c->line, "a candidate must be a map {file: PATH, index: N}");
    if (ymap_check_keys(c, keys, map, "candidate key", d) != 0)
        return -1;
    const char *file = ymap_str(c, "file");
    if (!file || !*file)
        return diag_error(d, map, c->line, "candidate without 'file'");
    int index = 0;
    const char *idx = ymap_str(c, "index");
    if (idx && parse_index(idx, &index) != 0)
        return diag_error(d, map, c->line, "index '%s' is not a face number (0, 1, …)", idx);
    char *path = file[0] == '/' ? xstrdup(file) : xasprintf("%s/%s", dir, file);
    int face = open_face(fs, path, index, map, c->line, d);
    free(path);
    if (face >= 0)
        add_candidate(fs, role, face);
    return face == -2 ? -1 : 0;
}

static int load_role(fontset *fs, font_role role, const ynode *list, const char *dir,
                     const char *map, diag_list *d)
{
    if (list->kind != Y_LIST)
        return diag_error(d, map, list->line, "role %s: expected a list of candidates",
                          ROLE_NAMES[role]);
    int rc = 0;
    for (size_t i = 0; i < list->len; i++)
        if (load_candidate(fs, role, list->kids[i], dir, map, d) != 0)
            rc = -1;
    if (rc == 0 && fs->ncands[role] == 0)
        rc = diag_error(d, map, list->line,
                        "role %s: none of its %zu candidate fonts exists and is usable; "
                        "put one of the named files into %s/ or install the Debian font",
                        ROLE_NAMES[role], list->len, dir);
    return rc;
}

static int load_map(fontset *fs, const ynode *root, const char *map, diag_list *d)
{
    if (root->kind != Y_MAP)
        return diag_error(d, map, root->line, "the font map must be a map of roles");
    /* An unknown role is most likely a misspelt one: report it and go on, so
     * the "missing" report for the intended role comes with it. */
    int rc = ymap_check_keys(root, ROLE_NAMES, map, "role", d);
    char *dir = dir_of(map);
    for (int r = 0; r < ROLE_COUNT; r++) {
        const ynode *list = ymap_get(root, ROLE_NAMES[r]);
        if (!list)
            rc = diag_error(d, map, 0, "role %s is missing", ROLE_NAMES[r]);
        else if (load_role(fs, (font_role)r, list, dir, map, d) != 0)
            rc = -1;
    }
    free(dir);
    return rc;
}

/* Takes root (frees it). */
static int fontset_from_tree(const char *fontmap_path, ynode *root, fontset **out, diag_list *d)
{
    fontset *fs = xcalloc(1, sizeof *fs);
    int rc = 0;
    if (FT_Init_FreeType(&fs->lib) != 0) {
        fs->lib = NULL;
        rc = diag_error(d, fontmap_path, 0, "cannot initialise FreeType");
    } else {
        rc = load_map(fs, root, fontmap_path, d);
    }
    ytree_free(root);
    if (rc != 0) {
        fontset_free(fs);
        return -1;
    }
    *out = fs;
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
    for (int r = 0; r < ROLE_COUNT; r++)
        free(fs->cands[r]);
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
    for (size_t i = 0; i < fs->ncands[role]; i++)
        if (fontset_face_covers(fs, fs->cands[role][i], cp))
            return fs->cands[role][i];
    return -1;
}

size_t fontset_role_faces(const fontset *fs, font_role role, const int **faces)
{
    if (!fs || (unsigned)role >= ROLE_COUNT) {
        *faces = NULL;
        return 0;
    }
    *faces = fs->cands[role];
    return fs->ncands[role];
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
    for (size_t i = 0; i < fs->ncands[role]; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", fs->faces[fs->cands[role][i]].family);
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
