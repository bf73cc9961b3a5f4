/* SPDX-License-Identifier: MIT */
/* fonts: the font map, FreeType facts about each candidate face, coverage and
 * fallback.  Data in, facts out; knows nothing of libharu or cmark.
 *
 * The font map (fonts/fontmap.yaml) names roles (xiaobiaosong, fangsong, hei,
 * kai, song) and for each an ordered list of candidates: families, found
 * among the installed fonts through fontconfig (fontfind.h), or font files
 * (with a face index inside a collection).  A candidate this machine does
 * not have is skipped; so is one it has but cannot use (FreeType cannot open
 * it, no outlines a PDF embeds, a licence that forbids embedding).
 *
 * A role's face is the first usable candidate that has every hanzi of
 * GB 2312 (gb2312.h): an official document's text must not mix two faces
 * because the first lacks characters.  Usable candidates before it are
 * passed over, with a warning saying how many they lack; when no candidate
 * is complete, the first usable one is the role's face.  The candidates after
 * it are its fallbacks: the first of the face and fallbacks that has a glyph
 * for a code point draws it.  fontset_candidates tells what became of each.
 *
 * Faces are numbered 0..n-1 across the whole set (a file used by two roles is
 * one face).  Invariant: a face id returned by fontset_face_for is open and
 * stays valid until fontset_free.
 */
#ifndef GONGWEN_FONTS_H
#define GONGWEN_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef struct fontset fontset;

typedef enum {
    ROLE_XIAOBIAOSONG, /* 发文机关标志, 标题 */
    ROLE_FANGSONG,     /* body */
    ROLE_HEI,          /* 一、 headings, 附件 label, table headers */
    ROLE_KAI,          /* （一） headings */
    ROLE_SONG,         /* page numbers, digits */
    ROLE_COUNT
} font_role;

/* "xiaobiaosong" → ROLE_XIAOBIAOSONG; -1 if unknown. */
int font_role_from_name(const char *name);
const char *font_role_name(font_role role);

/* Loads the map and opens every candidate that exists.  Relative paths in the
 * map are resolved against the map's own folder; fontconfig is asked only
 * when the map names a family.  Fails (with diagnostics) when the map is
 * unreadable or a role has no usable face. */
int fontset_load(const char *fontmap_path, fontset **out, diag_list *d);
/* The same from the map's text in memory (len bytes; NULL: read the file);
 * fontmap_path names it in diagnostics and its folder resolves relative
 * candidates, as above. */
int fontset_load_text(const char *fontmap_path, const char *text, size_t len, fontset **out,
                      diag_list *d);
void fontset_free(fontset *fs);

/* The face of the role that draws cp (first candidate covering it), or -1. */
int fontset_face_for(const fontset *fs, font_role role, uint32_t cp);
/* Advance width of cp in face, in em (multiply by the font size for pt). */
double fontset_advance(const fontset *fs, int face, uint32_t cp);
/* The bottom and top of cp's ink in face, in em above the baseline; false
 * when it has none (a space) or cannot be read. */
bool fontset_ink_height(const fontset *fs, int face, uint32_t cp, double *ymin, double *ymax);
/* Ascender and descender in em (descender negative). */
double fontset_ascender(const fontset *fs, int face);
double fontset_descender(const fontset *fs, int face);

size_t fontset_face_count(const fontset *fs);
const char *fontset_face_path(const fontset *fs, int face);
int fontset_face_index(const fontset *fs, int face);   /* index inside a .ttc */
const char *fontset_face_family(const fontset *fs, int face);

/* The faces that draw role: its face, then its fallbacks, in the map's
 * order; *faces stays valid until fontset_free.  Returns their number. */
size_t fontset_role_faces(const fontset *fs, font_role role, const int **faces);

/* What became of a candidate of the map. */
typedef enum {
    FONT_CANDIDATE_CHOSEN,     /* the role's face */
    FONT_CANDIDATE_FALLBACK,   /* after it: draws what the faces before it lack */
    FONT_CANDIDATE_REPEATED,   /* the face of an earlier candidate of the role */
    FONT_CANDIDATE_ABSENT,     /* not installed (a family), no such file */
    FONT_CANDIDATE_UNUSABLE,   /* found, but it cannot serve: see why */
    FONT_CANDIDATE_INCOMPLETE, /* usable, but lacks hanzi of GB 2312: passed over */
} font_candidate_status;

typedef struct font_candidate {
    char *name;        /* the family, or the file as the map writes it */
    char *style;       /* the style asked of a family, or NULL */
    bool family;       /* name is a family (else a file) */
    int line;          /* in the map */
    font_candidate_status status;
    int face;          /* CHOSEN, FALLBACK, REPEATED, INCOMPLETE: its face; else -1 */
    char *path;        /* the file found or named, resolved; NULL when none was found */
    int index;         /* the face in path's collection */
    char *why;         /* UNUSABLE: the reason */
    size_t missing;    /* INCOMPLETE: the GB 2312 hanzi it lacks */
} font_candidate;

/* Every candidate the map lists for role, in its order; *out stays valid
 * until fontset_free.  Returns their number. */
size_t fontset_candidates(const fontset *fs, font_role role, const font_candidate **out);
/* Whether face has a glyph for cp. */
bool fontset_face_covers(const fontset *fs, int face, uint32_t cp);

/* Reports every code point of text that no candidate of role covers, as
 * `file:line: error: 字 (U+5B57) …`.  Returns -1 if any is missing. */
int fontset_check_text(const fontset *fs, font_role role, const char *text,
                       const char *file, int line, diag_list *d);

#endif
